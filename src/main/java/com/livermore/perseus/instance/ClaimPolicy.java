package com.livermore.perseus.instance;

import com.livermore.perseus.config.LeaseSettings;
import com.livermore.perseus.registry.ClaimOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When this instance may try to claim its exchange, and on what terms. Pure: no Redis, and the
 * clock is the instance's own wall clock.
 *
 * <ul>
 *   <li>Lock-delay: after losing a lease it waits {@code perseus.lease.lock-delay}, so a flapping
 *       owner cannot grab the exchange straight back.
 *   <li>An owner that stepped down only because Redis did not answer re-claims at once when Redis
 *       answers: its work is known to be stopped.
 *   <li>Only the first claim after start may take over this node's own orphaned lease (a fast
 *       restart).
 *   <li>After Redis lost its data, a standby that had seen an epoch holds back for one TTL, so the
 *       owners re-claim first; the owner itself does not wait.
 *   <li>After a clean handoff the old owner leaves the claim to the standby it told for two seconds
 *       (no lock-delay: a clean release is not a loss).
 *   <li>Fencing never goes back: a claim asks for an epoch above any this instance has seen.
 * </ul>
 */
final class ClaimPolicy {
  private final Clock clock;
  private final LeaseSettings lease;
  private Instant notBefore = Instant.MIN;
  private Instant handoffGraceUntil = Instant.MIN;
  private boolean firstClaim = true;
  private boolean formerOwner;
  private long ownEpoch;
  private long highestSeen;
  private Instant dataLossGraceUntil;

  ClaimPolicy(LeaseSettings lease, Clock clock) {
    this.lease = lease;
    this.clock = clock;
  }

  /** The terms of a claim tried now, or empty while this instance must wait. */
  synchronized Optional<ClaimOptions> next() {
    return next(false);
  }

  /**
   * As {@link #next()}; {@code told} when a handoff notice named this instance, which skips its own
   * handoff grace (it may be handed the exchange straight back) but never a lock-delay.
   */
  synchronized Optional<ClaimOptions> next(boolean told) {
    Instant now = clock.instant();
    if (now.isBefore(notBefore)) return Optional.empty();
    if (!told && now.isBefore(handoffGraceUntil)) return Optional.empty();
    boolean graceOver = dataLossGraceUntil != null && !now.isBefore(dataLossGraceUntil);
    if (dataLossGraceUntil != null && !graceOver && !formerOwner) return Optional.empty();
    return Optional.of(
        new ClaimOptions(
            firstClaim,
            Math.max(highestSeen, ownEpoch) + 1,
            !formerOwner && highestSeen > 0 && !graceOver));
  }

  /**
   * Redis answered a claim, whatever it said: the boot claim and the former-owner pass are used.
   */
  synchronized void answered() {
    firstClaim = false;
    formerOwner = false;
  }

  /** A lease was gained under {@code epoch}. */
  synchronized void claimed(long epoch) {
    dataLossGraceUntil = null;
    ownEpoch = epoch;
    highestSeen = Math.max(highestSeen, epoch);
  }

  /** Another instance holds the exchange under {@code epoch}. */
  synchronized void refusedBy(long epoch) {
    highestSeen = Math.max(highestSeen, epoch);
  }

  /** Redis lost its data and this (standby) claim was held back: the owners get one TTL first. */
  synchronized void heldBackAfterDataLoss() {
    dataLossGraceUntil = clock.instant().plus(lease.ttl());
  }

  /**
   * The lease was lost (and the loss recorded). Cut off only by Redis, the instance may re-claim at
   * once; any other loss starts the lock-delay, counted from {@code since}.
   */
  synchronized void lost(boolean cutOffByRedis, Instant since) {
    if (cutOffByRedis) {
      formerOwner = true;
    } else {
      notBefore = since.plus(lease.lockDelay());
    }
  }

  /**
   * How long an owner that handed its exchange over leaves the claim to the standby it told: two
   * seconds (the told standby claims within milliseconds), at most one heartbeat interval.
   */
  static Duration handoffGrace(LeaseSettings lease) {
    Duration two = Duration.ofSeconds(2);
    return lease.heartbeatInterval().compareTo(two) < 0 ? lease.heartbeatInterval() : two;
  }

  /**
   * This instance handed its exchange over: it leaves the claim to the standby it told for {@code
   * grace}, with no lock-delay (a clean release is not a loss).
   */
  synchronized void handedOver(Duration grace) {
    handoffGraceUntil = clock.instant().plus(grace);
  }

  /** The epoch of the last lease this instance held (0 before its first), for its entries. */
  synchronized long ownEpoch() {
    return ownEpoch;
  }

  /** The terms of an owner's re-claim after Redis lost its data: above the epoch it held. */
  static ClaimOptions reclaimAbove(long heldEpoch) {
    return new ClaimOptions(false, heldEpoch + 1, false);
  }
}
