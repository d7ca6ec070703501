package com.livermore.perseus.instance;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.WriteOutcome;
import com.livermore.perseus.store.LeaseStore;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * What the keeper does when replicas do not acknowledge: a claim is withdrawn before anyone acts on
 * it, and an episode of unacknowledged renewals is logged and recorded once (as one {@code error}
 * entry), its start kept so that the step-down names the cause.
 */
final class ReplicaEpisodes {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final LeaseStore store;
  private final InstanceEvents events;

  /** Renewals since this (nanoTime) were written but not acknowledged by enough replicas; or 0. */
  private volatile long unacknowledgedSince;

  ReplicaEpisodes(String exchange, LeaseStore store, InstanceEvents events) {
    this.exchange = exchange;
    this.store = store;
    this.events = events;
  }

  /** True while the last renewals were not acknowledged by enough replicas. */
  boolean unacknowledged() {
    return unacknowledgedSince != 0;
  }

  /**
   * A claim no replica acknowledged is deleted again (compare-and-delete) before anyone acts on it;
   * the caller stays a standby and claims again at the next tick. If Redis cannot take the delete,
   * the unused lease runs out by its TTL.
   */
  void withdraw(ClaimOutcome.Unacknowledged claim, OwnerRecord draft) {
    Lease lease = claim.lease();
    try {
      store.withdraw(lease, draft.withEpoch(lease.epoch()), events.retention());
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Could not withdraw the unacknowledged claim of "
                  + exchange
                  + " (epoch "
                  + lease.epoch()
                  + "); it runs out by its TTL: "
                  + e);
    }
  }

  /**
   * A renewal reached the master but not enough replicas: the deadline stays where the last
   * acknowledged renewal put it. The first of an episode is logged and recorded as one {@code
   * error} entry.
   */
  void renewalUnacknowledged(Lease held, WriteOutcome.Unacknowledged renewal, Instant now) {
    if (unacknowledgedSince != 0) return;
    unacknowledgedSince = System.nanoTime();
    String message =
        "renewal of "
            + exchange
            + " not acknowledged by a replica within "
            + renewal.waited().toMillis()
            + " ms ("
            + renewal.acknowledged()
            + " of "
            + renewal.required()
            + "); the owner steps down when its lease runs out unless a replica acknowledges";
    LOG.warning(() -> message + ".");
    events.append(events.entry(EventType.ERROR, held.epoch(), now).withMessage(message));
  }

  /** A renewal was acknowledged: an episode ends. */
  void acknowledged() {
    if (unacknowledgedSince == 0) return;
    unacknowledgedSince = 0;
    LOG.info(() -> "Replicas acknowledge the renewals of " + exchange + " again.");
  }

  /** A new lease: no episode carries over. */
  void reset() {
    unacknowledgedSince = 0;
  }
}
