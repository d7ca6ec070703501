package com.livermore.perseus.config;

import java.time.Duration;

/**
 * Heartbeat interval and lease time-to-live (at least three intervals), and the lock-delay: how
 * long an instance that lost its lease waits before it may claim again, so a flapping owner does
 * not grab the exchange straight back.
 */
public record LeaseSettings(Duration heartbeatInterval, Duration ttl, Duration lockDelay) {

  public LeaseSettings(Duration heartbeatInterval, Duration ttl) {
    this(heartbeatInterval, ttl, Duration.ofSeconds(15));
  }
}
