package com.livermore.perseus.instance;

import com.livermore.perseus.store.ExchangeDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * This instance listed in {@code exchange:{x}:standbys} while it waits for a held exchange, renewed
 * with every claim it tries and withdrawn when it claims or shuts down.
 */
final class StandbyAnnouncement {
  private final ExchangeDirectory directory;
  private final String exchange;
  private final InstanceIdentity identity;
  private final Duration ttl;
  private final IntSupplier prepared;
  private volatile boolean announced;

  StandbyAnnouncement(
      ExchangeDirectory directory,
      String exchange,
      InstanceIdentity identity,
      Duration ttl,
      IntSupplier prepared) {
    this.directory = directory;
    this.exchange = exchange;
    this.identity = identity;
    this.ttl = ttl;
    this.prepared = prepared;
  }

  /**
   * Lists (or renews) this instance as a standby for one TTL from {@code now}, with how far it has
   * prepared its connector (a warm standby).
   */
  void announce(Instant now) {
    directory.announceStandby(
        exchange,
        identity.instanceId(),
        identity.hostname(),
        now,
        now.plus(ttl),
        prepared.getAsInt());
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
