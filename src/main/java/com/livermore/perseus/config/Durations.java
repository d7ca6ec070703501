package com.livermore.perseus.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration forms operators write: {@code 200ms}, {@code 15s}, {@code 5m}, {@code 2h},
 * {@code 90d}, {@code PT15S}.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String property, String value) {
    String text = value.trim();
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          property
              + " must be a duration such as 200ms, 15s, 5m, 90d or PT15S, but was '"
              + value
              + "'.");
    }
  }

  /** Compact form for messages and the README: 15s, 200ms, 90d. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) return ms / 86_400_000 + "d";
    if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
    if (ms % 1000 == 0) return ms / 1000 + "s";
    return ms + "ms";
  }
}
