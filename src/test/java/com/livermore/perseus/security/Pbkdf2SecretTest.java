package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pbkdf2SecretTest {

  @Test
  void derivationMatchesTheRfc7914TestVectors() {
    assertThat(
            HexFormat.of()
                .formatHex(
                    Pbkdf2Secret.derive(
                        "PBKDF2WithHmacSHA256",
                        "passwd".toCharArray(),
                        "salt".getBytes(StandardCharsets.US_ASCII),
                        1,
                        64)))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    assertThat(
            HexFormat.of()
                .formatHex(
                    Pbkdf2Secret.derive(
                        "PBKDF2WithHmacSHA256",
                        "Password".toCharArray(),
                        "NaCl".getBytes(StandardCharsets.US_ASCII),
                        80000,
                        64)))
        .isEqualTo(
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  }

  // Generated with Python's hashlib.pbkdf2_hmac, an implementation independent of the JDK's.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "correct horse battery staple|PBKDF2WithHmacSHA256:2048:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=:o+8zkquIvyvg0kiIQ3iwJtjIR5RGBj85ywKWUeet75I=",
        "pässwörd|PBKDF2WithHmacSHA512:4096:EBESExQVFhcYGRobHB0eHw==:By4A2k57vr3N1Vc6MC/F5JaqXMLc8xSvOrwupV/cmm2lTqW/vLO2WASzJ/nEBXRJ1tnvr9tGrkZ9vUuNyDKxPg==",
        "s3cret|PBKDF2WithHmacSHA384:1024:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=:v7xMELyCtVvog3sYwnCGtWMx2suwuvvJRYEs0MGQ39F0Fyrx2qlfWa85EQ6UUuZu",
        "s3cret|PBKDF2WithHmacSHA224:1024:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=:h/D78IYdzOKURIi8TCjSOahV1x+njrnvrZdakA=="
      })
  void verifiesHashesMadeByAnotherImplementation(String password, String encoded) {
    Pbkdf2Secret secret = Pbkdf2Secret.parse(encoded);
    assertThat(secret.matches(password.toCharArray())).isTrue();
    assertThat(secret.matches((password + "!").toCharArray())).isFalse();
    assertThat(secret.matches(new char[0])).isFalse();
    assertThat(secret.matches(null)).isFalse();
  }

  @Test
  void generatedHashesUseThePbkdf2PasswordHashEncoding() {
    String encoded = Pbkdf2Secret.generate("hunter2".toCharArray());
    assertThat(encoded)
        .matches("PBKDF2WithHmacSHA256:210000:[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=");
    String[] parts = encoded.split(":");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(32);
    assertThat(Base64.getDecoder().decode(parts[3]))
        .isEqualTo(
            Pbkdf2Secret.derive(
                parts[0],
                "hunter2".toCharArray(),
                Base64.getDecoder().decode(parts[2]),
                210_000,
                32));
  }

  @Test
  void generatedHashesRoundTripAndUseAFreshSaltEachTime() {
    String first = Pbkdf2Secret.generate("hunter2".toCharArray());
    String second = Pbkdf2Secret.generate("hunter2".toCharArray());
    assertThat(first).isNotEqualTo(second);
    assertThat(Pbkdf2Secret.parse(first).matches("hunter2".toCharArray())).isTrue();
    assertThat(Pbkdf2Secret.parse(second).matches("hunter2".toCharArray())).isTrue();
    assertThat(Pbkdf2Secret.parse(first).matches("hunter3".toCharArray())).isFalse();
  }

  @Test
  void anEmptyPasswordIsNotHashed() {
    assertThatThrownBy(() -> Pbkdf2Secret.generate(new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringDoesNotRevealTheHash() {
    String encoded =
        "PBKDF2WithHmacSHA256:2048:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=:o+8zkquIvyvg0kiIQ3iwJtjIR5RGBj85ywKWUeet75I=";
    assertThat(Pbkdf2Secret.parse(encoded).toString()).isEqualTo("PBKDF2WithHmacSHA256:2048:***");
  }
}
