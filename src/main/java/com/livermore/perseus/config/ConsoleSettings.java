package com.livermore.perseus.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the console refreshes and judges: card and activity poll intervals, heartbeat-latency
 * thresholds for the yellow and red indicator, and how long a transient state may last before the
 * card flags it as stuck.
 */
public record ConsoleSettings(
    Duration cardsPoll,
    Duration activityPoll,
    Duration latencyWarn,
    Duration latencyCritical,
    Duration stuckAfter) {
  public static final String CONSOLE_CARDS_POLL = "perseus.console.cards-poll";
  public static final String CONSOLE_ACTIVITY_POLL = "perseus.console.activity-poll";
  public static final String CONSOLE_LATENCY_WARN = "perseus.console.latency-warn";
  public static final String CONSOLE_LATENCY_CRITICAL = "perseus.console.latency-critical";
  public static final String CONSOLE_STUCK_AFTER = "perseus.console.stuck-after";

  public static ConsoleSettings read(ConfigValues values) {
    Duration cards = values.duration(CONSOLE_CARDS_POLL, "5s");
    Duration activity = values.duration(CONSOLE_ACTIVITY_POLL, "10s");
    for (var e : Map.of(CONSOLE_CARDS_POLL, cards, CONSOLE_ACTIVITY_POLL, activity).entrySet()) {
      if (e.getValue().compareTo(Duration.ofSeconds(1)) < 0
          || e.getValue().compareTo(Duration.ofMinutes(10)) > 0) {
        throw new InvalidConfigurationException(
            e.getKey()
                + " must be between 1s and 10m, but was "
                + Durations.format(e.getValue())
                + ".");
      }
      if (e.getValue().toMillis() % 1000 != 0) {
        throw new InvalidConfigurationException(
            e.getKey() + " must be whole seconds, but was " + Durations.format(e.getValue()) + ".");
      }
    }
    Duration warn = values.duration(CONSOLE_LATENCY_WARN, "50ms");
    Duration critical = values.duration(CONSOLE_LATENCY_CRITICAL, "250ms");
    if (critical.compareTo(warn) <= 0) {
      throw new InvalidConfigurationException(
          CONSOLE_LATENCY_CRITICAL
              + " must be more than "
              + CONSOLE_LATENCY_WARN
              + " ("
              + Durations.format(warn)
              + "), but was "
              + Durations.format(critical)
              + ".");
    }
    Duration stuck = values.duration(CONSOLE_STUCK_AFTER, "2m");
    if (stuck.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationException(
          CONSOLE_STUCK_AFTER + " must be at least 1s, but was " + Durations.format(stuck) + ".");
    }
    return new ConsoleSettings(cards, activity, warn, critical, stuck);
  }
}
