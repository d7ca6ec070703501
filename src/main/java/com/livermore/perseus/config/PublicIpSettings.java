package com.livermore.perseus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Public-IP detection: on or off, the lookup services tried in order, and the overall timeout. */
public record PublicIpSettings(boolean enabled, List<URI> endpoints, Duration timeout) {
  public static final String PUBLIC_IP_ENABLED = "perseus.public-ip.enabled";
  public static final String PUBLIC_IP_ENDPOINTS = "perseus.public-ip.endpoints";
  public static final String PUBLIC_IP_TIMEOUT = "perseus.public-ip.timeout";
  public static final String DEFAULT_ENDPOINTS =
      "https://checkip.amazonaws.com,https://api.ipify.org,https://icanhazip.com";

  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(3);

  public static PublicIpSettings read(ConfigValues values) {
    boolean enabled = values.flag(PUBLIC_IP_ENABLED, true);
    List<URI> endpoints = new ArrayList<>();
    for (String part : values.text(PUBLIC_IP_ENDPOINTS, DEFAULT_ENDPOINTS).split(",")) {
      if (part.isBlank()) continue;
      try {
        URI uri = new URI(part.trim());
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          endpoints.add(uri);
          continue;
        }
      } catch (URISyntaxException e) {
        // reported below with the rule
      }
      throw new InvalidConfigurationException(
          PUBLIC_IP_ENDPOINTS
              + " must be a comma list of http:// or https:// URLs, but one was '"
              + part.trim()
              + "'.");
    }
    Duration timeout = values.duration(PUBLIC_IP_TIMEOUT, "3s");
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidConfigurationException(
          PUBLIC_IP_TIMEOUT
              + " must be more than 0 and at most 3s, but was "
              + Durations.format(timeout)
              + ".");
    }
    return new PublicIpSettings(enabled, List.copyOf(endpoints), timeout);
  }
}
