package com.livermore.perseus.instance;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.logging.Logger;

/**
 * Records each lost lease once: the {@code lease_lost} entry naming the new holder, the start of
 * the lock-delay (or the former owner's pass), and the walk to stopped. A loss Redis told of is
 * recorded at once on the worker; one whose deadline passed without Redis waits for Redis. Either
 * way it is recorded before the instance claims again.
 */
final class LossRecords {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final Duration ttl;
  private final Lock lock;
  private final Executor worker;
  private final LeaseStore leases;
  private final InstanceEvents events;
  private final ClaimRefusals refusals;
  private final ClaimPolicy policy;
  private final ExchangeWork work;
  private final LeaseKeeper keeper;
  private final OwnerCommands commands;
  private final RedisReachability redis;
  private final Clock clock;

  LossRecords(
      String exchange,
      Duration ttl,
      Lock lock,
      Executor worker,
      LeaseStore leases,
      InstanceEvents events,
      ClaimRefusals refusals,
      ClaimPolicy policy,
      ExchangeWork work,
      LeaseKeeper keeper,
      OwnerCommands commands,
      RedisReachability redis,
      Clock clock) {
    this.exchange = exchange;
    this.ttl = ttl;
    this.lock = lock;
    this.worker = worker;
    this.leases = leases;
    this.events = events;
    this.refusals = refusals;
    this.policy = policy;
    this.work = work;
    this.keeper = keeper;
    this.commands = commands;
    this.redis = redis;
    this.clock = clock;
  }

  /**
   * A loss happened (the keeper holds it as unrecorded): name the holder Redis told of, and record
   * it now on the worker, or, when the deadline passed without Redis, once Redis answers.
   */
  void lost(LeaseLoss loss) {
    String holder = loss.holderRaw() == null ? null : refusals.heldBy(loss.holderRaw());
    LOG.severe(() -> "lease_lost: " + loss.logLine(ttl, holder));
    if (!loss.deadlinePassed()) {
      if (commands != null) commands.stopListening(); // Redis answers: stop taking commands now
      worker.execute(this::recordOnWorker);
    }
  }

  /**
   * Records the pending loss, if any, under the instance lock. Throws while Redis is silent, so the
   * next round tries again.
   */
  void recordPending() {
    LeaseLoss loss = keeper.unrecordedLoss();
    if (loss == null) return;
    Instant now = clock.instant();
    String holder = null;
    if (loss.holderRaw() != null) {
      holder = refusals.heldBy(loss.holderRaw());
    } else if (loss.deadlinePassed()) {
      holder = leases.currentRaw(exchange).map(refusals::heldBy).orElse(null);
    }
    events.appendOrThrow(
        events
            .entry(EventType.LEASE_LOST, loss.lease().epoch(), now)
            .withMessage(loss.entryMessage(holder)));
    keeper.recorded(loss);
    // A loss Redis told of delays claims from when it happened; one found without Redis, from
    // when Redis answered again (a stalled instance waits the full lock-delay after waking).
    policy.lost(loss.cause() == LeaseLoss.Cause.CUT_OFF, loss.deadlinePassed() ? now : loss.at());
    if (commands != null) commands.stopListening();
    work.walkToStopped();
  }

  private void recordOnWorker() {
    lock.lock();
    try {
      recordPending();
    } catch (RuntimeException e) {
      redis.failed(e); // the next heartbeat tries again, before it claims
    } finally {
      lock.unlock();
    }
  }
}
