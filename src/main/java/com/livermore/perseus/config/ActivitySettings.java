package com.livermore.perseus.config;

import java.time.Duration;

/** Retention of the activity streams (MINID age and MAXLEN cap) and the error-throttling window. */
public record ActivitySettings(Duration retention, long maxLength, Duration errorWindow) {
  public static final String ACTIVITY_RETENTION = "perseus.activity.retention";
  public static final String ACTIVITY_MAX_LENGTH = "perseus.activity.max-length";
  public static final String ACTIVITY_ERROR_WINDOW = "perseus.activity.error-window";

  public static ActivitySettings read(ConfigValues values) {
    Duration retention = values.duration(ACTIVITY_RETENTION, "90d");
    if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidConfigurationException(
          ACTIVITY_RETENTION
              + " must be at least 1m, but was "
              + Durations.format(retention)
              + ".");
    }
    long maxLength = values.number(ACTIVITY_MAX_LENGTH, 50_000);
    if (maxLength < 100 || maxLength > 100_000_000) {
      throw new InvalidConfigurationException(
          ACTIVITY_MAX_LENGTH
              + " must be between 100 and 100000000 entries, but was "
              + maxLength
              + ".");
    }
    Duration window = values.duration(ACTIVITY_ERROR_WINDOW, "60s");
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationException(
          ACTIVITY_ERROR_WINDOW
              + " must be at least 1s, but was "
              + Durations.format(window)
              + ".");
    }
    return new ActivitySettings(retention, maxLength, window);
  }
}
