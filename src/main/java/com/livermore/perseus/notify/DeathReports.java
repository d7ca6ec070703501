package com.livermore.perseus.notify;

import com.livermore.perseus.network.NetworkWatcher;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.store.NoticeLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * Sends a {@code dead} notification when an owner's lease expires without a goodbye: the watcher
 * notices the death at the lease's expiry, and the ledger lets exactly one instance of the network
 * report it. Runs only when a webhook is configured.
 */
@ApplicationScoped
public class DeathReports {
  @Inject WebhookNotifier notifier;
  @Inject NetworkWatcher watcher;
  @Inject NoticeLedger ledger;

  void watchFromStartup(@Observes Startup event) {
    if (!notifier.enabled()) return;
    watcher.subscribe(
        new DeathNotices(
            ledger::firstToReportDeath,
            s -> {
              OwnerRecord last = s.lastKnown();
              notifier.offer(
                  Notification.dead(
                      s.exchange(),
                      last.instanceId(),
                      last.hostname(),
                      last.epoch(),
                      last.lastHeartbeat()));
            }));
  }
}
