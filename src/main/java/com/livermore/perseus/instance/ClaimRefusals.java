package com.livermore.perseus.instance;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.registry.ClaimOutcome;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Why this instance waits instead of owning its exchange: the holder that refused its claim (or
 * took its lease), or the operator's stop. A new reason is logged once and, for a conflict,
 * recorded as one {@code claim_conflict} entry, not on every retry.
 */
final class ClaimRefusals {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final InstanceEvents events;
  private final LongSupplier ownEpoch;
  private volatile String reason;

  ClaimRefusals(String exchange, InstanceEvents events, LongSupplier ownEpoch) {
    this.exchange = exchange;
    this.events = events;
    this.ownEpoch = ownEpoch;
  }

  /** The holder (or stop) this instance waits for; null when it does not wait. */
  String reason() {
    return reason;
  }

  void clear() {
    reason = null;
  }

  /** The lease is held by the owner whose raw record is {@code holderRaw}; its description. */
  String heldBy(String holderRaw) {
    String holder = ClaimOutcome.Conflict.of(holderRaw).describeHolder();
    reason = holder;
    return holder;
  }

  /** A claim was refused: by a holder (a conflict) or by the operator's stop. */
  void refused(ClaimOutcome outcome, Instant now) {
    if (outcome instanceof ClaimOutcome.Conflict conflict) conflict(conflict, now);
    if (outcome instanceof ClaimOutcome.HeldBack held) heldBack(held);
    if (outcome instanceof ClaimOutcome.Unacknowledged claim) unacknowledged(claim, now);
  }

  /**
   * The claim was granted but not acknowledged by enough replicas, and withdrawn: one {@code error}
   * entry per episode.
   */
  private void unacknowledged(ClaimOutcome.Unacknowledged claim, Instant now) {
    String why = "its claims are not acknowledged by a replica";
    if (why.equals(reason)) return;
    reason = why;
    String message =
        "claim of "
            + exchange
            + " not acknowledged by a replica within "
            + claim.waited().toMillis()
            + " ms ("
            + claim.acknowledged()
            + " of "
            + claim.required()
            + "); withdrawn, claimed again at the next tick";
    LOG.warning(() -> message + ".");
    events.append(events.entry(EventType.ERROR, ownEpoch.getAsLong(), now).withMessage(message));
  }

  /** Redis lost its data and this standby's claim was held back for the previous owner. */
  void redisLostItsData() {
    LOG.warning(
        () ->
            "Redis lost its data (the epoch counter of "
                + exchange
                + " is gone); this standby gives the previous owner one lease TTL to re-claim"
                + " before it claims.");
  }

  private void conflict(ClaimOutcome.Conflict conflict, Instant now) {
    String holder = conflict.describeHolder();
    if (holder.equals(reason)) return;
    reason = holder;
    String message = "claim refused: " + exchange + " is held by " + holder;
    LOG.warning(
        () ->
            "claim_conflict: "
                + message
                + "; this instance waits as a standby and does not start work.");
    events.append(
        events.entry(EventType.CLAIM_CONFLICT, ownEpoch.getAsLong(), now).withMessage(message));
  }

  private void heldBack(ClaimOutcome.HeldBack held) {
    String why =
        "stopped by "
            + held.intent().stoppedBy()
            + (held.intent().at() == null ? "" : " at " + held.intent().at());
    if (why.equals(reason)) return;
    reason = why;
    LOG.info(() -> exchange + " is " + why + "; this instance waits and claims it after a start.");
  }
}
