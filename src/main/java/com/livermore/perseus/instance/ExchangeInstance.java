package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * This instance's hold on its exchange, coordinating its parts: the {@link LeaseKeeper} (claim,
 * renewal, release, and the one path of every loss), the {@link ClaimPolicy} (when a claim may be
 * tried), the {@link ExchangeWork} (the lifecycle), and the standby, command and Redis parts.
 * Without a lease it is a standby that tries the claim on every heartbeat. Plain Java, built by
 * {@link InstanceAssembly}, so tests drive it against real Redis without a container.
 *
 * <p>Lock discipline: one {@link ReentrantLock}, the instance lock, is held for every Redis write
 * of the owner record (claim, renewal, transition, release) and every lifecycle step, so a
 * heartbeat never overwrites a newer state with an older one. The lease itself is one atomic state
 * in the keeper (the lease, or its loss until recorded), which the deadline step-down changes
 * without the lock (a call waiting for a silent Redis may hold it); the heartbeat only tries the
 * lock and skips a round rather than queue behind one still waiting.
 */
public final class ExchangeInstance implements LeaseKeeper.Listener {
  private static final Logger LOG = Logger.getLogger(ExchangeInstance.class.getName());

  private final PerseusConfig config;
  private final InstanceIdentity identity;
  private final ReentrantLock lock;
  private final ClaimPolicy policy;
  private final LeaseKeeper keeper;
  private final ExchangeWork work;
  private final StandbyAnnouncement standby;
  private final Handoffs handoffs;
  private final StandbyPreparation preparation;
  private final OwnerCommands commands;
  private final ClaimRefusals refusals;
  private final LossRecords losses;
  private final RedisReachability redis;
  private final InstanceEvents events;
  private final RecordSnapshot snapshot;
  private final InstanceMetrics metrics;
  private final Clock clock;
  private final AtomicBoolean shuttingDown;
  private final Executor worker;
  private final ExpiryClaim expiry;

  ExchangeInstance(InstanceAssembly.Parts p) {
    this.config = p.config();
    this.identity = p.identity();
    this.lock = p.lock();
    this.policy = p.policy();
    this.keeper = p.keeper();
    this.work = p.work();
    this.standby = p.standby();
    this.handoffs = p.handoffs();
    this.preparation = p.preparation();
    this.commands = p.commands();
    this.refusals = p.refusals();
    this.losses = p.losses();
    this.redis = p.redis();
    this.events = p.events();
    this.snapshot = p.snapshot();
    this.metrics = p.metrics();
    this.clock = p.clock();
    this.shuttingDown = p.shuttingDown();
    this.expiry =
        new ExpiryClaim(
            p.scheduler(),
            config.lease().heartbeatInterval(),
            () -> {
              if (!shuttingDown.get() && !keeper.holds()) tryClaim(false);
            });
    this.worker = p.worker();
    keeper.reportTo(this, this::redisAnswered);
    handoffs.onNotice(this::claimNow);
  }

  /** Boot: try to claim at once. Never throws for Redis trouble; the heartbeat retries. */
  public void start() {
    tryClaim(false);
  }

  /** A handoff notice named this standby: claim now rather than at the next heartbeat. */
  void claimNow() {
    if (shuttingDown.get() || keeper.holds()) return;
    tryClaim(true);
  }

  /**
   * The timer body, one round trip: renew the lease if held, else try to claim it. Redis errors are
   * reported, never thrown. The deadline is checked first, without Redis or the lock, so a hanging
   * Redis cannot keep the work running past the TTL.
   */
  public void heartbeat() {
    if (shuttingDown.get()) return;
    keeper.stepDownIfOverdue();
    if (!lock.tryLock()) return;
    try {
      events.closeThrottleWindows(clock.instant());
      if (keeper.holds()) renew();
      else tryClaim(false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Shutdown: stopping → stopped, then compare-and-delete of the lease (see the keeper), and a
   * handoff notice to the first standby (warm ones first), which claims at once.
   */
  public void shutdown() {
    shuttingDown.set(true);
    preparation.cancel();
    lock.lock();
    try {
      Lease held = keeper.current();
      work.stop();
      List<ActivityEntry> walk = work.walkToStoppedUnwritten();
      String notice = held == null ? null : handoffs.notice(held);
      // The release names the first standby (warm first) and tells it, in the same step.
      if (keeper.release(work::record, "on shutdown", walk, notice, null).isEmpty()) {
        walk.forEach(events::append); // not an owner: the walk goes to the stream alone
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "Could not release the lease on "
              + config.exchange()
              + " at shutdown; it expires within "
              + config.lease().ttl().toSeconds()
              + "s: "
              + e.getMessage());
    } finally {
      lock.unlock();
    }
    // After the release, so that nothing delays the standby's notice; a command that still
    // arrives meanwhile is answered "this instance no longer owns the lease".
    if (commands != null) commands.stopListening();
    handoffs.stopListening();
    standby.withdraw();
  }

  public void publicIpDetected(String ip) {
    snapshot.publicIp(ip);
  }

  public InstanceIdentity identity() {
    return identity;
  }

  public InstanceStatus status() {
    Lease held = keeper.current();
    InstanceRole role =
        shuttingDown.get()
            ? InstanceRole.STOPPED
            : held != null
                ? InstanceRole.OWNER
                : refusals.reason() != null ? InstanceRole.STANDBY : InstanceRole.CLAIMING;
    return new InstanceStatus(
        config.exchange(),
        identity.instanceId(),
        role,
        held == null ? 0 : held.epoch(),
        work.state(),
        work.since(),
        held == null ? refusals.reason() : null,
        !redis.silent(),
        snapshot.lastError());
  }

  @Override
  public void gained(Lease lease, LeaseGain how) {
    policy.claimed(lease.epoch());
    if (how == LeaseGain.RECLAIMED_AFTER_DATA_LOSS) {
      work.continuesUnder(lease.epoch()); // the work goes on, under the new epoch
      return;
    }
    refusals.clear();
    work.start();
    if (commands != null) commands.listen();
    worker.execute( // not urgent: the standby entry and notices no longer apply
        () -> {
          standby.withdraw();
          handoffs.stopListening();
        });
  }

  /**
   * The lease is gone, however it went: the work stops at once and the lease is never written
   * again; {@link LossRecords} records the loss as soon as Redis allows, before the next claim.
   */
  @Override
  public void lost(LeaseLoss loss) {
    if (loss.cause() == LeaseLoss.Cause.RELEASED) return;
    work.stop();
    metrics.leaseLost();
    losses.lost(loss);
  }

  private void renew() {
    try {
      keeper.renew(work::record);
    } catch (RuntimeException e) {
      metrics.renewalFailed();
      redis.failed(e);
      keeper.stepDownIfOverdue();
    }
  }

  /** {@code told}: a handoff notice named this instance. */
  private void tryClaim(boolean told) {
    lock.lock();
    try {
      if (keeper.holds() || shuttingDown.get()) return;
      losses.recordPending();
      Optional<ClaimOptions> options = policy.next(told);
      if (options.isEmpty()) return; // lock-delay, or a standby's grace after a data loss
      Instant now = clock.instant();
      keeper.ensureRegistered(now);
      ActivityEntry registered =
          events
              .entry(EventType.REGISTERED, 0, now)
              .withMessage(
                  "claimed "
                      + config.exchange()
                      + " on "
                      + identity.hostname()
                      + (told ? ", handed over" : ""));
      ClaimOutcome outcome =
          keeper.claim(
              work.record(new Lease(config.exchange(), identity.instanceId(), 0), now)
                  .withRegisteredAt(now),
              registered,
              options.get());
      policy.answered();
      if (outcome instanceof ClaimOutcome.Claimed claimed) {
        snapshot.registeredAt(now);
        events.written(
            (claimed.tookOver()
                    ? registered.withMessage(
                        "restarted on the same node: took over its orphaned lease")
                    : registered)
                .withEpoch(claimed.lease().epoch()));
      } else if (outcome instanceof ClaimOutcome.AfterDataLoss) {
        policy.heldBackAfterDataLoss();
        refusals.redisLostItsData();
      } else {
        if (outcome instanceof ClaimOutcome.Conflict c && c.holder() != null) {
          policy.refusedBy(c.holder().epoch());
        }
        if (outcome instanceof ClaimOutcome.Conflict c) expiry.watch(c.expiresInMs());
        refusals.refused(outcome, now);
        standby.announce(now);
        handoffs.listen();
        preparation.begin();
      }
    } catch (RuntimeException e) {
      redis.failed(e);
    } finally {
      lock.unlock();
    }
  }

  /** Redis answered: an outage that just ended becomes one {@code error} entry and lastError. */
  private void redisAnswered() {
    Instant now = clock.instant();
    redis
        .answered(now)
        .ifPresent(
            message -> {
              snapshot.lastError(new ErrorInfo(message, now));
              events.append(
                  events.entry(EventType.ERROR, policy.ownEpoch(), now).withMessage(message));
            });
  }
}
