package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.config.ConfigValues;
import com.livermore.perseus.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginTest {
  static final LoginSettings DEFAULTS = LoginSettings.defaults();

  @ParameterizedTest
  @CsvSource({
    "http://perseus.example.com, perseus.example.com",
    "https://perseus.example.com, perseus.example.com",
    "https://perseus.example.com, perseus.example.com:443",
    "http://127.0.0.1:8080, 127.0.0.1:8080",
    "HTTP://Perseus.Example.COM, perseus.example.com",
    "http://[::1]:8080, [::1]:8080"
  })
  void theServersOwnOriginMayChangeState(String origin, String host) {
    assertThat(SameOrigin.refusal("POST", origin, "same-origin", host, DEFAULTS)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8081, 127.0.0.1:8080",
    "http://evil.example, perseus.example.com",
    "http://perseus.example.com.evil.example, perseus.example.com",
    "http://sub.perseus.example.com, perseus.example.com",
    "null, perseus.example.com",
    "http://perseus.example.com/path, perseus.example.com",
    "garbage, perseus.example.com"
  })
  void anyOtherOriginIsRefused(String origin, String host) {
    assertThat(SameOrigin.refusal("POST", origin, null, host, DEFAULTS)).isPresent();
    assertThat(SameOrigin.refusal("DELETE", origin, null, host, DEFAULTS)).isPresent();
  }

  @Test
  void safeMethodsAndClientsWithoutBrowserHeadersAreLeftAlone() {
    assertThat(SameOrigin.refusal("GET", "http://evil.example", "cross-site", "h", DEFAULTS))
        .isEmpty();
    assertThat(SameOrigin.refusal("POST", null, null, "h", DEFAULTS)).isEmpty();
    assertThat(SameOrigin.refusal("POST", null, "none", "h", DEFAULTS)).isEmpty();
    assertThat(SameOrigin.refusal("POST", null, "cross-site", "h", DEFAULTS)).isPresent();
    assertThat(SameOrigin.refusal("POST", null, "same-site", "h", DEFAULTS)).isPresent();
  }

  @Test
  void aConfiguredOriginIsAcceptedForAProxyThatRewritesTheHost() {
    LoginSettings behindProxy =
        LoginSettings.read(
            ConfigValues.of(
                Map.of(
                    LoginSettings.ALLOWED_ORIGINS,
                    "https://ops.example.com/, http://x:81, https://y.example:443")));
    assertThat(behindProxy.allowedOrigins())
        .containsExactly("https://ops.example.com", "http://x:81", "https://y.example");
    assertThat(
            SameOrigin.refusal(
                "POST", "https://ops.example.com", null, "backend:8080", behindProxy))
        .isEmpty();
    assertThat(
            SameOrigin.refusal("POST", "https://evil.example", null, "backend:8080", behindProxy))
        .isPresent();
  }

  @Test
  void aConfiguredOriginThatIsNotOneFailsTheDeploymentNamingTheProperty() {
    assertThatThrownBy(
            () ->
                LoginSettings.read(
                    ConfigValues.of(Map.of(LoginSettings.ALLOWED_ORIGINS, "ops.example.com"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(LoginSettings.ALLOWED_ORIGINS)
        .hasMessageContaining("ops.example.com");
  }

  @Test
  void loginSettingsHaveDefaultsAndBounds() {
    LoginSettings d = LoginSettings.read(ConfigValues.of(Map.of()));
    assertThat(d).isEqualTo(LoginSettings.defaults());
    assertThatThrownBy(
            () -> LoginSettings.read(ConfigValues.of(Map.of(LoginSettings.THROTTLE_FAILURES, "0"))))
        .hasMessageContaining(LoginSettings.THROTTLE_FAILURES);
    assertThatThrownBy(
            () -> LoginSettings.read(ConfigValues.of(Map.of(LoginSettings.LOGIN_CACHE, "2h"))))
        .hasMessageContaining(LoginSettings.LOGIN_CACHE);
    assertThat(
            LoginSettings.read(ConfigValues.of(Map.of(LoginSettings.LOGIN_CACHE, "0s"))).cacheFor())
        .isZero();
  }
}
