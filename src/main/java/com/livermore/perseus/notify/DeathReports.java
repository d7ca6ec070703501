package com.livermore.perseus.notify;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkWatcher;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.store.NoticeLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Records every lease that expires without a goodbye: the watcher notices the death at the lease's
 * expiry, and the ledger lets exactly one instance of the network append the {@code lease_expired}
 * entry, and send the {@code dead} notification when a webhook is configured.
 */
@ApplicationScoped
public class DeathReports {
  @Inject WebhookNotifier notifier;
  @Inject NetworkWatcher watcher;
  @Inject NoticeLedger ledger;
  @Inject PerseusConfig config;

  private final Clock clock = Clock.systemUTC();

  void watchFromStartup(@Observes Startup event) {
    watcher.subscribe(new DeathNotices(this::record, this::report));
  }

  private boolean record(ExchangeStatus dead) {
    Instant now = clock.instant();
    return ledger.recordExpiry(expired(dead, now), StreamRetention.at(config.activity(), now));
  }

  /** The {@code lease_expired} entry of a dead exchange, as seen at {@code now}. */
  static ActivityEntry expired(ExchangeStatus dead, Instant now) {
    OwnerRecord last = dead.lastKnown();
    return ActivityEntry.of(
            EventType.LEASE_EXPIRED,
            dead.exchange(),
            last.instanceId(),
            last.epoch(),
            last.hostname(),
            now)
        .withStates(last.state().wireName(), null)
        .withMessage(
            "lease expired without a release; last heartbeat "
                + last.lastHeartbeat()
                + ", last state "
                + last.state().wireName());
  }

  private void report(ExchangeStatus dead) {
    if (!notifier.enabled()) return;
    OwnerRecord last = dead.lastKnown();
    notifier.offer(
        Notification.dead(
            dead.exchange(),
            last.instanceId(),
            last.hostname(),
            last.epoch(),
            last.lastHeartbeat()));
  }
}
