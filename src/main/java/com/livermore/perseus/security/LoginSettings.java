package com.livermore.perseus.security;

import com.livermore.perseus.config.ConfigValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How logins are checked: how long a verified credential is remembered, how many failed logins of
 * one user from one address are allowed within a window before further attempts are refused, and
 * which origins besides the server's own may send state-changing requests (a reverse proxy that
 * rewrites {@code Host}).
 */
public record LoginSettings(
    Duration cacheFor, int throttleFailures, Duration throttleWindow, List<String> allowedOrigins) {
  public static final String LOGIN_CACHE = "perseus.security.login-cache";
  public static final String THROTTLE_FAILURES = "perseus.security.login-throttle.failures";
  public static final String THROTTLE_WINDOW = "perseus.security.login-throttle.window";
  public static final String ALLOWED_ORIGINS = "perseus.security.allowed-origins";

  public LoginSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public static LoginSettings defaults() {
    return new LoginSettings(Duration.ofMinutes(5), 10, Duration.ofMinutes(5), List.of());
  }

  public static LoginSettings read(ConfigValues values) {
    LoginSettings d = defaults();
    Duration cache = values.duration(LOGIN_CACHE, d.cacheFor(), Duration.ZERO, Duration.ofHours(1));
    int failures = (int) values.number(THROTTLE_FAILURES, d.throttleFailures(), 1, 1000);
    Duration window =
        values.duration(
            THROTTLE_WINDOW, d.throttleWindow(), Duration.ofSeconds(1), Duration.ofHours(24));
    List<String> origins =
        Arrays.stream(values.text(ALLOWED_ORIGINS, "").split(",", -1))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(o -> SameOrigin.parseOrigin(ALLOWED_ORIGINS, o))
            .toList();
    return new LoginSettings(cache, failures, window, origins);
  }

  /** Whether the origin (scheme://host[:port], lower case) is one of {@link #allowedOrigins}. */
  boolean allows(String origin) {
    return origin != null && allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
  }
}
