package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityLog;
import com.livermore.perseus.activity.ErrorThrottle;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandChannel;
import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.lifecycle.InvalidTransitionException;
import com.livermore.perseus.lifecycle.StateMachine;
import com.livermore.perseus.lifecycle.Transition;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.LeaseStore;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.WriteOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's hold on its exchange: claims the lease, renews it on every heartbeat, drives the
 * lifecycle through the state machine, and releases on shutdown. Without a lease it is a standby
 * that tries the claim again on every heartbeat. Plain Java, so tests drive it against real Redis
 * without a container; {@link InstanceRuntime} wires it to the EJB timer.
 *
 * <p>Every write of the owner record (heartbeat, transition, release) happens under one lock, so a
 * heartbeat can never overwrite a newer state with an older one.
 */
public final class ExchangeInstance implements WorkRun.Host {
  private static final Logger LOG = Logger.getLogger(ExchangeInstance.class.getName());

  private final PerseusConfig config;
  private final InstanceIdentity identity;
  private final LeaseStore store;
  private final ActivityLog activity;
  private final ExchangeConnector connector;
  private final Executor worker;
  private final Clock clock;
  private final StateMachine machine;
  private final ErrorThrottle throttle;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile InstanceMetrics metrics = InstanceMetrics.NONE;
  private volatile CommandListener commands;
  private volatile java.util.function.Consumer<ActivityEntry> notify = e -> {};

  private volatile Lease lease;
  private volatile long lastEpoch;
  private volatile WorkRun run;
  private volatile boolean shuttingDown;
  private volatile boolean exchangeRegistered;
  private volatile String reportedConflict;
  private volatile String publicIp;
  private volatile Integer warmupProgress;
  private volatile ErrorInfo lastError;
  private volatile Long heartbeatLatencyMs;
  private volatile Instant registeredAt;
  private volatile boolean firstClaim = true;
  private volatile Instant claimNotBefore = Instant.MIN;
  private volatile boolean announcedStandby;
  private volatile long highestSeenEpoch;
  private volatile Instant dataLossGraceUntil;
  private volatile long leaseValidUntilNanos;
  private volatile Lease steppedDown;
  private volatile boolean reclaimAsFormerOwner;
  private volatile RedisOutage outage;

  public ExchangeInstance(
      PerseusConfig config,
      InstanceIdentity identity,
      LeaseStore store,
      ActivityLog activity,
      ExchangeConnector connector,
      Executor worker,
      Clock clock) {
    this.config = config;
    this.identity = identity;
    this.store = store;
    this.activity = activity;
    this.connector = connector;
    this.worker = worker;
    this.clock = clock;
    this.machine = new StateMachine(ConnectionState.IDLE, this::record, clock);
    this.throttle = new ErrorThrottle(config.activity().errorWindow());
  }

  /** Boot: try to claim at once. Never throws for Redis trouble; the heartbeat retries. */
  public void start() {
    tryClaim();
  }

  /**
   * The timer body, one round trip: renew the lease if held (rewriting the record with fresh
   * heartbeat facts), else try to claim it. Redis errors are reported, never thrown. A round that
   * finds the previous one still waiting for Redis is skipped rather than queued; the lease
   * deadline is checked first, without Redis, so a hanging Redis cannot keep the work running past
   * the TTL.
   */
  public void heartbeat() {
    if (shuttingDown) return;
    stepDownIfLeaseOverdue();
    if (!lock.tryLock()) return;
    try {
      appendAll(throttle.closeExpired(clock.instant()));
      Lease held = lease;
      if (held == null) {
        tryClaim();
      } else {
        renew(held);
      }
    } finally {
      lock.unlock();
    }
  }

  private void renew(Lease held) {
    try {
      Instant now = clock.instant();
      long started = System.nanoTime();
      long patience = leaseValidUntilNanos - started;
      if (patience <= 0) {
        stepDownIfLeaseOverdue();
        return;
      }
      WriteOutcome outcome =
          store.renew(
              held,
              snapshot(held, machine.state(), machine.since(), now),
              config.lease().ttl(),
              Duration.ofNanos(patience));
      long elapsed = System.nanoTime() - started;
      heartbeatLatencyMs = elapsed / 1_000_000;
      metrics.renewal(elapsed, outcome instanceof WriteOutcome.Written);
      if (outcome instanceof WriteOutcome.Written && lease == held) leaseRenewedAt(started);
      reachable();
      if (outcome instanceof WriteOutcome.Lost lost
          && lease == held
          && !(lost.dataLost() && reclaimAfterDataLoss(held, now))) {
        onLeaseLost(held, lost.holderRaw());
      }
    } catch (RuntimeException e) {
      metrics.renewalFailed();
      unreachable(e);
      stepDownIfLeaseOverdue();
    }
  }

  /** Redis granted the lease for one TTL from {@code calledAt} (a {@link System#nanoTime()}). */
  private void leaseRenewedAt(long calledAt) {
    leaseValidUntilNanos = calledAt + config.lease().ttl().toNanos();
  }

  /**
   * An owner that could not renew its lease within the TTL must assume another instance holds it
   * now (Redis may answer others while it cannot reach Redis): it stops the exchange work at once,
   * without waiting for Redis, and records the loss when Redis answers again.
   */
  private void stepDownIfLeaseOverdue() {
    Lease held = lease;
    if (held == null || System.nanoTime() - leaseValidUntilNanos < 0) return;
    synchronized (this) {
      if (lease != held) return;
      lease = null;
      steppedDown = held;
      // Cut off by Redis, it may re-claim at once when Redis answers; an instance that stalled
      // itself (a long pause) waits the lock-delay like any instance that lost its lease.
      reclaimAsFormerOwner = outage != null;
    }
    metrics.leaseLost();
    WorkRun current = run;
    if (current != null) current.stop();
    LOG.severe(
        () ->
            "lease_lost: "
                + held.exchange()
                + " (epoch "
                + held.epoch()
                + "): not renewed within its TTL of "
                + config.lease().ttl().toMillis()
                + " ms because Redis did not answer; exchange work stopped.");
  }

  /**
   * Records a local step-down once Redis answers: the {@code lease_lost} entry and the walk to
   * stopped. Throws while Redis is still unreachable, so the next round tries again.
   */
  private void settleStepDown() {
    Lease gone = steppedDown;
    if (gone == null) return;
    Instant now = clock.instant();
    String holderRaw = store.currentRaw(gone.exchange()).orElse(null);
    String cause =
        reclaimAsFormerOwner
            ? "the lease was not renewed within its TTL because Redis did not answer"
            : "the lease was not renewed within its TTL (the instance stalled)";
    if (holderRaw != null) {
      reportedConflict = ClaimOutcome.Conflict.of(holderRaw).describeHolder();
      cause += "; it is now held by " + reportedConflict;
    }
    appendOrThrow(
        entry(EventType.LEASE_LOST, gone.epoch(), now)
            .withMessage(cause + "; exchange work was stopped"));
    steppedDown = null;
    if (!reclaimAsFormerOwner) claimNotBefore = now.plus(config.lease().lockDelay());
    stopListening();
    walkToStopped();
  }

  /**
   * Redis lost its data (flushed, or failed over without it): nobody took the lease, so the owner
   * re-claims at once — before any standby may — with an epoch above the one it held, and keeps
   * working. Returns false when someone else got the lease first (then it is an ordinary loss).
   */
  private boolean reclaimAfterDataLoss(Lease held, Instant now) {
    ActivityEntry reclaimed =
        entry(EventType.TAKEOVER, 0, now)
            .withMessage(
                "re-claimed "
                    + config.exchange()
                    + " after Redis lost its data (flush or failover without it)");
    long started = System.nanoTime();
    ClaimOutcome outcome =
        store.claim(
            snapshot(held, machine.state(), machine.since(), now).withRegisteredAt(registeredAt),
            config.lease().ttl(),
            activity.retention(),
            reclaimed,
            new ClaimOptions(false, held.epoch() + 1, false));
    if (!(outcome instanceof ClaimOutcome.Claimed claimed)) return false;
    leaseRenewedAt(started);
    lease = claimed.lease();
    lastEpoch = claimed.lease().epoch();
    highestSeenEpoch = Math.max(highestSeenEpoch, lastEpoch);
    exchangeRegistered = false;
    store.registerExchange(config.exchange(), now);
    store.markRecovered(config.exchange(), now);
    exchangeRegistered = true;
    metrics.appended(1);
    notifyQuietly(reclaimed.withEpoch(lastEpoch));
    LOG.warning(
        () ->
            "Redis lost its data: re-claimed "
                + config.exchange()
                + " under epoch "
                + lastEpoch
                + ".");
    return true;
  }

  /**
   * Shutdown: stopping → stopped, then compare-and-delete of the lease with a {@code deregistered}
   * entry.
   */
  public void shutdown() {
    shuttingDown = true;
    stopListening();
    withdrawStandby();
    WorkRun current = run;
    lock.lock();
    try {
      if (current != null) current.stop();
      walkToStopped();
      Lease held = lease;
      if (held != null) {
        Instant now = clock.instant();
        ActivityEntry bye =
            entry(EventType.DEREGISTERED, held.epoch(), now)
                .withMessage("released " + held.exchange() + " on shutdown");
        boolean released =
            store.release(
                held,
                snapshot(held, machine.state(), machine.since(), now),
                activity.retention(),
                bye);
        if (released) {
          metrics.appended(1);
          notifyQuietly(bye);
        }
        lease = null;
        LOG.info(
            () ->
                released
                    ? "Released the lease on " + held.exchange() + " (epoch " + held.epoch() + ")."
                    : "The lease on "
                        + held.exchange()
                        + " was no longer ours at shutdown; nothing released.");
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not release the lease on "
              + config.exchange()
              + " at shutdown; it expires within "
              + config.lease().ttl().toSeconds()
              + "s: "
              + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands every entry this instance writes to {@code sink} (the webhook notifier), after it is
   * stored.
   */
  public void notifyTo(java.util.function.Consumer<ActivityEntry> sink) {
    notify = sink;
  }

  private void notifyQuietly(ActivityEntry entry) {
    try {
      notify.accept(entry);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Notification not queued", e);
    }
  }

  /** Takes operator commands from {@code channel} while this instance owns the lease. */
  public void acceptCommandsFrom(CommandChannel channel) {
    commands = new CommandListener(channel, config.exchange(), worker, this);
  }

  /** Reports renewals, losses and appends to {@code m}; until called, nothing is reported. */
  public void reportTo(InstanceMetrics m) {
    metrics = m;
    m.leasesHeld(() -> lease != null ? 1 : 0);
  }

  public void publicIpDetected(String ip) {
    publicIp = ip;
  }

  public InstanceStatus status() {
    Lease held = lease;
    InstanceRole role =
        shuttingDown
            ? InstanceRole.STOPPED
            : held != null
                ? InstanceRole.OWNER
                : reportedConflict != null ? InstanceRole.STANDBY : InstanceRole.CLAIMING;
    return new InstanceStatus(
        config.exchange(),
        identity.instanceId(),
        role,
        held == null ? 0 : held.epoch(),
        machine.state(),
        machine.since(),
        held == null ? reportedConflict : null,
        outage == null,
        lastError);
  }

  public InstanceIdentity identity() {
    return identity;
  }

  private void tryClaim() {
    lock.lock();
    try {
      if (lease != null || shuttingDown) return;
      settleStepDown();
      Instant now = clock.instant();
      if (now.isBefore(claimNotBefore)) return; // lock-delay after a lost lease
      if (!exchangeRegistered) {
        store.registerExchange(config.exchange(), now);
        exchangeRegistered = true;
      }
      OwnerRecord draft =
          snapshot(
              new Lease(config.exchange(), identity.instanceId(), 0),
              machine.state(),
              machine.since(),
              now);
      ActivityEntry registered =
          entry(EventType.REGISTERED, 0, now)
              .withMessage("claimed " + config.exchange() + " on " + identity.hostname());
      // Only the boot claim may take over this node's own orphaned lease (a fast restart). A
      // standby that
      // saw an epoch before holds back once Redis lost its data, until the grace for the owner is
      // over.
      // An owner that stepped down because Redis did not answer re-claims like the owner after a
      // data loss: at once, without lock-delay (its own work is known to be stopped).
      boolean formerOwner = reclaimAsFormerOwner;
      boolean graceOver = dataLossGraceUntil != null && !now.isBefore(dataLossGraceUntil);
      if (dataLossGraceUntil != null && !graceOver && !formerOwner) return;
      ClaimOptions options =
          new ClaimOptions(
              firstClaim,
              Math.max(highestSeenEpoch, lastEpoch) + 1,
              !formerOwner && highestSeenEpoch > 0 && !graceOver);
      long started = System.nanoTime();
      ClaimOutcome outcome =
          store.claim(
              draft.withRegisteredAt(now),
              config.lease().ttl(),
              activity.retention(),
              registered,
              options);
      firstClaim = false;
      reclaimAsFormerOwner = false;
      reachable();
      if (outcome instanceof ClaimOutcome.AfterDataLoss) {
        dataLossGraceUntil = now.plus(config.lease().ttl());
        LOG.warning(
            () ->
                "Redis lost its data (the epoch counter of "
                    + config.exchange()
                    + " is gone); this standby gives the "
                    + "previous owner one lease TTL to re-claim before it claims.");
        return;
      }
      if (outcome instanceof ClaimOutcome.Claimed claimed) {
        dataLossGraceUntil = null;
        leaseRenewedAt(started);
        onClaimed(claimed, now);
        notifyQuietly(
            (claimed.tookOver()
                    ? registered.withMessage(
                        "restarted on the same node: took over its orphaned lease")
                    : registered)
                .withEpoch(claimed.lease().epoch()));
      } else {
        if (outcome instanceof ClaimOutcome.HeldBack held) onHeldBack(held, now);
        else onConflict((ClaimOutcome.Conflict) outcome, now);
        store.announceStandby(
            config.exchange(),
            identity.instanceId(),
            identity.hostname(),
            now,
            now.plus(config.lease().ttl()));
        announcedStandby = true;
      }
    } catch (RuntimeException e) {
      unreachable(e);
    } finally {
      lock.unlock();
    }
  }

  private void onClaimed(ClaimOutcome.Claimed outcome, Instant now) {
    Lease claimed = outcome.lease();
    lease = claimed;
    metrics.appended(1);
    lastEpoch = claimed.epoch();
    highestSeenEpoch = Math.max(highestSeenEpoch, claimed.epoch());
    registeredAt = now;
    reportedConflict = null;
    withdrawStandby();
    LOG.info(
        () ->
            (outcome.tookOver()
                    ? "takeover: restarted on the same node, took over the orphaned lease of "
                    : "Claimed ")
                + claimed.exchange()
                + " as instance "
                + claimed.instanceId()
                + " (epoch "
                + claimed.epoch()
                + ").");
    CommandListener listener = commands;
    if (listener != null) listener.listen();
    startWork();
  }

  private void withdrawStandby() {
    if (!announcedStandby) return;
    announcedStandby = false;
    try {
      store.withdrawStandby(config.exchange(), identity.instanceId(), identity.hostname());
    } catch (RuntimeException e) {
      // the announcement expires by itself within one TTL
    }
  }

  private void stopListening() {
    CommandListener listener = commands;
    if (listener != null) listener.stop();
  }

  private void startWork() {
    WorkRun next = new WorkRun(config.exchange(), connector, this);
    run = next;
    worker.execute(next);
  }

  private void onHeldBack(ClaimOutcome.HeldBack held, Instant now) {
    String why =
        "stopped by "
            + held.intent().stoppedBy()
            + (held.intent().at() == null ? "" : " at " + held.intent().at());
    if (why.equals(reportedConflict)) return;
    reportedConflict = why;
    LOG.info(
        () ->
            config.exchange()
                + " is "
                + why
                + "; this instance waits and claims it after a start.");
  }

  /**
   * Operator stop: walk to stopped, keep the lease (so no standby takes over) and record the
   * intent.
   */
  CommandOutcome stopByOperator(Command command, CommandChannel channel) {
    lock.lock();
    try {
      if (lease == null)
        return CommandOutcome.of(
            command, CommandOutcome.Result.REFUSED, "this instance no longer owns the lease");
      ConnectionState state = machine.state();
      WorkRun current = run;
      if (state.isWorking()) {
        if (current != null) current.stop();
        machine.moveTo(ConnectionState.STOPPING);
        machine.moveTo(ConnectionState.STOPPED);
      } else if (state != ConnectionState.STOPPED) {
        return CommandOutcome.of(
            command, CommandOutcome.Result.REFUSED, "cannot stop from " + state.wireName());
      }
      channel.setIntent(config.exchange(), new OperatorIntent(command.issuedBy(), command.at()));
      return CommandOutcome.of(
          command,
          CommandOutcome.Result.DONE,
          state == ConnectionState.STOPPED
              ? "already stopped; it stays stopped until a start"
              : "stopped on " + identity.hostname() + "; it stays stopped until a start");
    } finally {
      lock.unlock();
    }
  }

  /** Operator start: lift the intent and start the exchange work again (stopped → starting). */
  CommandOutcome startByOperator(Command command, CommandChannel channel) {
    lock.lock();
    try {
      if (lease == null)
        return CommandOutcome.of(
            command, CommandOutcome.Result.REFUSED, "this instance no longer owns the lease");
      ConnectionState state = machine.state();
      channel.clearIntent(config.exchange());
      if (state != ConnectionState.STOPPED) {
        return CommandOutcome.of(
            command, CommandOutcome.Result.REFUSED, "already " + state.wireName());
      }
      startWork();
      return CommandOutcome.of(
          command, CommandOutcome.Result.ACCEPTED, "starting on " + identity.hostname());
    } finally {
      lock.unlock();
    }
  }

  private void onConflict(ClaimOutcome.Conflict conflict, Instant now) {
    if (conflict.holder() != null)
      highestSeenEpoch = Math.max(highestSeenEpoch, conflict.holder().epoch());
    String holder = conflict.describeHolder();
    if (holder.equals(reportedConflict)) return;
    reportedConflict = holder;
    String message = "claim refused: " + config.exchange() + " is held by " + holder;
    LOG.warning(
        () ->
            "claim_conflict: "
                + message
                + "; this instance waits as a standby and does not start work.");
    ActivityEntry refused = entry(EventType.CLAIM_CONFLICT, lastEpoch, now).withMessage(message);
    appendAll(java.util.List.of(refused));
  }

  /**
   * The lease is gone: stop the work at once, record it in the stream only, and never write the
   * lease again.
   */
  private void onLeaseLost(Lease lost, String holderRaw) {
    lease = null;
    claimNotBefore = clock.instant().plus(config.lease().lockDelay());
    stopListening();
    metrics.leaseLost();
    WorkRun current = run;
    if (current != null) current.stop();
    String cause;
    if (holderRaw == null) {
      cause = "the lease expired";
    } else {
      reportedConflict = ClaimOutcome.Conflict.of(holderRaw).describeHolder();
      cause = "the lease is now held by " + reportedConflict;
    }
    LOG.severe(
        () ->
            "lease_lost: "
                + lost.exchange()
                + " (epoch "
                + lost.epoch()
                + "): "
                + cause
                + "; exchange work stopped.");
    Instant now = clock.instant();
    appendAll(java.util.List.of(entry(EventType.LEASE_LOST, lost.epoch(), now).withMessage(cause)));
    worker.execute(
        () -> {
          lock.lock();
          try {
            walkToStopped();
          } finally {
            lock.unlock();
          }
        });
  }

  /** Records stopping → stopped for work that was running (each step only if it applies). */
  private void walkToStopped() {
    ConnectionState state = machine.state();
    if (state.isWorking()) {
      moveQuietly(ConnectionState.STOPPING);
    }
    if (machine.state() == ConnectionState.STOPPING) moveQuietly(ConnectionState.STOPPED);
  }

  // --- WorkRun.Host -------------------------------------------------------------------------

  @Override
  public boolean enter(WorkRun from, ConnectionState to) {
    while (true) {
      lock.lock();
      try {
        if (from != run || from.stopRequested() || lease == null || shuttingDown) return false;
        if (to == ConnectionState.WARMING) warmupProgress = 0;
        machine.moveTo(to);
        if (to != ConnectionState.WARMING) warmupProgress = null;
        return true;
      } catch (LeaseLostException e) {
        return false;
      } catch (InvalidTransitionException e) {
        LOG.warning(e.getMessage());
        appendAll(
            java.util.List.of(
                entry(EventType.ERROR, lastEpoch, clock.instant()).withMessage(e.getMessage())));
        return false;
      } catch (RuntimeException e) {
        unreachable(e);
      } finally {
        lock.unlock();
      }
      // Redis is unreachable: the state cannot be recorded, so its work waits for Redis.
      if (!pause()) return false;
    }
  }

  @Override
  public void progress(int percent) {
    if (machine.state() == ConnectionState.WARMING) warmupProgress = percent;
  }

  @Override
  public void error(String message, Throwable cause) {
    Instant now = clock.instant();
    lastError = new ErrorInfo(message, now);
    LOG.log(Level.FINE, "Exchange work error on " + config.exchange() + ": " + message, cause);
    appendAll(throttle.onError(entry(EventType.ERROR, lastEpoch, now).withMessage(message)));
  }

  // --- recording ----------------------------------------------------------------------------

  /** The state machine's writer: the record and its {@code state_changed} entry in one script. */
  private void record(Transition t) {
    ActivityEntry changed =
        entry(EventType.STATE_CHANGED, lastEpoch, t.at())
            .withStates(t.from().wireName(), t.to().wireName());
    Lease held = lease;
    if (held == null) {
      activity.append(changed);
      metrics.appended(1);
      notifyQuietly(changed);
      return;
    }
    WriteOutcome outcome =
        store.write(
            held,
            snapshot(held, t.to(), t.at(), t.at()),
            config.lease().ttl(),
            activity.retention(),
            changed);
    if (outcome instanceof WriteOutcome.Written) {
      metrics.appended(1);
      notifyQuietly(changed.withEpoch(held.epoch()));
    }
    if (outcome instanceof WriteOutcome.Lost lost) {
      onLeaseLost(held, lost.holderRaw());
      throw new LeaseLostException(held.exchange());
    }
  }

  private OwnerRecord snapshot(Lease held, ConnectionState state, Instant since, Instant now) {
    WorkRun current = run;
    return new OwnerRecord(
        identity.instanceId(),
        config.exchange(),
        held.epoch(),
        identity.hostname(),
        publicIp,
        identity.localAddress(),
        identity.admin(),
        state,
        since,
        current == null ? 0 : current.symbolCount(),
        state == ConnectionState.WARMING ? warmupProgress : null,
        registeredAt == null ? now : registeredAt,
        now,
        heartbeatLatencyMs,
        lastError,
        identity.version(),
        config.nodeName().isEmpty() ? null : config.nodeName(),
        config.lease().ttl().toMillis());
  }

  private ActivityEntry entry(EventType type, long epoch, Instant at) {
    return ActivityEntry.of(
        type, config.exchange(), identity.instanceId(), epoch, identity.hostname(), at);
  }

  private void moveQuietly(ConnectionState to) {
    try {
      machine.moveTo(to);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not record "
              + to.wireName()
              + " for "
              + config.exchange()
              + ": "
              + e.getMessage());
    }
  }

  private void appendAll(java.util.List<ActivityEntry> entries) {
    for (ActivityEntry e : entries) {
      try {
        activity.append(e);
        metrics.appended(1);
        notifyQuietly(e);
        if (e.type() == EventType.ERRORS_SUPPRESSED && e.count() != null)
          metrics.suppressed(e.count());
      } catch (RuntimeException ex) {
        unreachable(ex);
      }
    }
  }

  /**
   * Redis answered: if it had not been answering, the outage becomes one {@code error} entry (and
   * the record's last error), however many calls failed meanwhile.
   */
  private void reachable() {
    RedisOutage ended = outage;
    if (ended == null) return;
    outage = null;
    Instant now = clock.instant();
    String message = ended.describe(now);
    lastError = new ErrorInfo(message, now);
    LOG.info(() -> message + "; " + config.exchange() + " resumes its heartbeat.");
    appendAll(java.util.List.of(entry(EventType.ERROR, lastEpoch, now).withMessage(message)));
  }

  /** Reported once per outage, so a Redis restart does not flood the log or the activity. */
  private void unreachable(RuntimeException e) {
    RedisOutage current = outage;
    if (current != null) {
      current.failedAgain();
      return;
    }
    outage = new RedisOutage(clock.instant(), e);
    LOG.warning(
        () ->
            "Redis call failed for "
                + config.exchange()
                + " ("
                + RedisOutage.summary(e)
                + "); retrying every heartbeat.");
  }

  private void appendOrThrow(ActivityEntry e) {
    activity.append(e);
    metrics.appended(1);
    notifyQuietly(e);
  }

  private boolean pause() {
    try {
      Thread.sleep(config.lease().heartbeatInterval().toMillis());
      return !shuttingDown;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
