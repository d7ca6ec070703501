package com.livermore.perseus.instance;

import com.livermore.perseus.store.ExchangeDirectory;
import java.time.Duration;
import java.time.Instant;

/**
 * This instance listed in {@code exchange:{x}:standbys} while it waits for a held exchange, renewed
 * with every claim it tries and withdrawn when it claims or shuts down.
 */
final class StandbyAnnouncement {
  private final ExchangeDirectory directory;
  private final String exchange;
  private final InstanceIdentity identity;
  private final Duration ttl;
  private volatile boolean announced;

  StandbyAnnouncement(
      ExchangeDirectory directory, String exchange, InstanceIdentity identity, Duration ttl) {
    this.directory = directory;
    this.exchange = exchange;
    this.identity = identity;
    this.ttl = ttl;
  }

  /** Lists (or renews) this instance as a standby for one TTL from {@code now}. */
  void announce(Instant now) {
    directory.announceStandby(
        exchange, identity.instanceId(), identity.hostname(), now, now.plus(ttl));
    announced = true;
  }

  void withdraw() {
    if (!announced) return;
    announced = false;
    try {
      directory.withdrawStandby(exchange, identity.instanceId(), identity.hostname());
    } catch (RuntimeException e) {
      // the announcement expires by itself within one TTL
    }
  }
}
