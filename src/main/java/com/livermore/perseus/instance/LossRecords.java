package com.livermore.perseus.instance;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
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
  private final OwnerCommands commands;
  private final RedisReachability redis;
  private final Clock clock;
  private final AtomicReference<LeaseLoss> unrecorded = new AtomicReference<>();

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
    this.commands = commands;
    this.redis = redis;
    this.clock = clock;
  }

  /** A loss happened (the work is already stopped): record it now, or once Redis answers. */
  void lost(LeaseLoss loss) {
    if (loss.holderRaw() != null) refusals.heldBy(loss.holderRaw());
    LOG.severe(() -> "lease_lost: " + loss.logLine(ttl));
    unrecorded.set(loss);
    if (!loss.deadlinePassed()) worker.execute(this::recordOnWorker);
  }

  /**
   * Records the pending loss, if any, under the instance lock. Throws while Redis is silent, so the
   * next round tries again.
   */
  void recordPending() {
    LeaseLoss loss = unrecorded.get();
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
    if (!unrecorded.compareAndSet(loss, null)) return;
    policy.lost(loss.cause() == LeaseLoss.Cause.CUT_OFF);
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
