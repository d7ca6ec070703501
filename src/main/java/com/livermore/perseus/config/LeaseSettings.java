package com.livermore.perseus.config;

import java.time.Duration;

/**
 * Heartbeat interval and lease time-to-live (at least three intervals), and the lock-delay: how
 * long an instance that lost its lease waits before it may claim again, so a flapping owner does
 * not grab the exchange straight back.
 */
public record LeaseSettings(Duration heartbeatInterval, Duration ttl, Duration lockDelay) {
  public static final String HEARTBEAT_INTERVAL = "perseus.heartbeat.interval";
  public static final String LEASE_TTL = "perseus.lease.ttl";
  public static final String LEASE_LOCK_DELAY = "perseus.lease.lock-delay";

  private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  public LeaseSettings(Duration heartbeatInterval, Duration ttl) {
    this(heartbeatInterval, ttl, Duration.ofSeconds(15));
  }

  public static LeaseSettings read(ConfigValues values) {
    Duration interval = values.duration(HEARTBEAT_INTERVAL, "15s");
    Duration ttl = values.duration(LEASE_TTL, "45s");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidConfigurationException(
          HEARTBEAT_INTERVAL
              + " must be at least 100ms, but was "
              + Durations.format(interval)
              + ".");
    }
    if (ttl.compareTo(interval.multipliedBy(3)) < 0) {
      throw new InvalidConfigurationException(
          LEASE_TTL
              + " must be at least 3 x "
              + HEARTBEAT_INTERVAL
              + " ("
              + Durations.format(interval.multipliedBy(3))
              + "), but was "
              + Durations.format(ttl)
              + ".");
    }
    Duration lockDelay = values.duration(LEASE_LOCK_DELAY, "15s");
    if (lockDelay.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidConfigurationException(
          LEASE_LOCK_DELAY + " must be at most 1h, but was " + Durations.format(lockDelay) + ".");
    }
    return new LeaseSettings(interval, ttl, lockDelay);
  }
}
