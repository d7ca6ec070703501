package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsAtTheFirstColonSoPasswordsMayContainColons() {
    BasicCredentials c = BasicCredentials.parse(basic("alice:pa:ss")).orElseThrow();
    assertThat(c.user()).isEqualTo("alice");
    assertThat(c.password()).containsExactly("pa:ss".toCharArray());
  }

  @Test
  void decodesUtf8() {
    BasicCredentials c = BasicCredentials.parse(basic("jürgen:pässwörd")).orElseThrow();
    assertThat(c.user()).isEqualTo("jürgen");
    assertThat(new String(c.password())).isEqualTo("pässwörd");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    String token = Base64.getEncoder().encodeToString("bob:x".getBytes(StandardCharsets.UTF_8));
    assertThat(BasicCredentials.parse("basic " + token)).isPresent();
    assertThat(BasicCredentials.parse("BASIC   " + token)).isPresent();
  }

  @Test
  void otherSchemesAreNotBasic() {
    assertThat(BasicCredentials.isBasic("Bearer abc")).isFalse();
    assertThat(BasicCredentials.isBasic("Basicabc")).isFalse();
    assertThat(BasicCredentials.isBasic(null)).isFalse();
    assertThat(BasicCredentials.isBasic("Basic abc")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic !!!not-base64!!!",
        "Basic ",
        "Basic YWxpY2U=" /* "alice", no colon */,
        "Basic /w==" /* 0xFF, not UTF-8 */
      })
  void malformedHeadersGiveNothing(String header) {
    assertThat(BasicCredentials.parse(header)).isEmpty();
  }

  @Test
  void wipeAndToStringKeepThePasswordOut() {
    BasicCredentials c = BasicCredentials.parse(basic("alice:hunter2")).orElseThrow();
    assertThat(c.toString()).contains("alice").doesNotContain("hunter2");
    c.wipe();
    assertThat(new String(c.password())).doesNotContain("hunter2");
  }
}
