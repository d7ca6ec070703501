package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LoginChallengeTest {

  @Test
  void theProblemForAMissingLoginIsTheDocumentedBody() throws Exception {
    String body = LoginChallenge.problemJson(LoginChallenge.LOGIN_REQUIRED);
    assertThat(body)
        .isEqualTo(
            "{\"type\":\"tag:perseus.livermore.com,2026:problems/authentication-required\",\"title\":\"Authentication required\",\"status\":401,"
                + "\"detail\":\"Log in with HTTP Basic as a network-viewer or network-admin user.\"}");
    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.get("status").asInt()).isEqualTo(401);
  }

  @Test
  void problemDetailsAreJsonEscaped() throws Exception {
    JsonNode json = new ObjectMapper().readTree(LoginChallenge.problemJson("say \"hi\" \\ \n"));
    assertThat(json.get("detail").asText()).isEqualTo("say \"hi\" \\ \n");
  }

  @Test
  void theChallengeAnnouncesBasicInUtf8() {
    assertThat(LoginChallenge.WWW_AUTHENTICATE)
        .isEqualTo("Basic realm=\"Perseus Network\", charset=\"UTF-8\"");
  }

  @Test
  void facesAjaxGetsAPartialResponseRedirect() {
    assertThat(LoginChallenge.partialRedirectXml("/perseus/login.xhtml"))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"/perseus/login.xhtml\"></redirect></partial-response>");
    assertThat(LoginChallenge.partialRedirectXml("/a&b\"<c>/login.xhtml"))
        .contains("url=\"/a&amp;b&quot;&lt;c&gt;/login.xhtml\"");
    assertThat(LoginChallenge.isFacesAjax("partial/ajax")).isTrue();
    assertThat(LoginChallenge.isFacesAjax(null)).isFalse();
  }

  @Test
  void onlyPathsUnderApiAreApiPaths() {
    assertThat(LoginChallenge.isApiPath("/api")).isTrue();
    assertThat(LoginChallenge.isApiPath("/api/network/instances")).isTrue();
    assertThat(LoginChallenge.isApiPath("/apidocs")).isFalse();
    assertThat(LoginChallenge.isApiPath("/console/network.xhtml")).isFalse();
    assertThat(LoginChallenge.isApiPath("")).isFalse();
  }
}
