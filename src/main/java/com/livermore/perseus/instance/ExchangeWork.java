package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.lifecycle.InvalidTransitionException;
import com.livermore.perseus.lifecycle.StateMachine;
import com.livermore.perseus.lifecycle.Transition;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The exchange work: drives the connector through the lifecycle (starting → warming → active, a
 * failure aborting to stopping → stopped), and records every transition through the lease keeper —
 * the owner record and its {@code state_changed} entry in one script — before the new state's work
 * begins. A transition that cannot be recorded because the lease is gone does not happen; one that
 * cannot be recorded because Redis is silent waits for Redis.
 */
final class ExchangeWork implements WorkRun.Host {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final ExchangeConnector connector;
  private final Executor worker;
  private final Lock lock;
  private final LeaseKeeper keeper;
  private final RecordSnapshot snapshot;
  private final InstanceEvents events;
  private final RedisReachability redis;
  private final LongSupplier ownEpoch;
  private final BooleanSupplier shuttingDown;
  private final Duration retryAfter;
  private final Clock clock;
  private final Runnable beforeStart;
  private final StateMachine machine;
  private volatile WorkRun run;
  private volatile Integer warmupProgress;
  private volatile List<ActivityEntry> unwritten;

  ExchangeWork(
      String exchange,
      ExchangeConnector connector,
      Executor worker,
      Lock lock,
      LeaseKeeper keeper,
      RecordSnapshot snapshot,
      InstanceEvents events,
      RedisReachability redis,
      LongSupplier ownEpoch,
      BooleanSupplier shuttingDown,
      Duration retryAfter,
      Clock clock,
      Runnable beforeStart) {
    this.exchange = exchange;
    this.connector = connector;
    this.worker = worker;
    this.lock = lock;
    this.keeper = keeper;
    this.snapshot = snapshot;
    this.events = events;
    this.redis = redis;
    this.ownEpoch = ownEpoch;
    this.shuttingDown = shuttingDown;
    this.retryAfter = retryAfter;
    this.clock = clock;
    this.beforeStart = beforeStart;
    this.machine = new StateMachine(ConnectionState.IDLE, this::record, clock);
  }

  /** Starts a new run of the work (idle or stopped → starting …) on the worker. */
  void start() {
    WorkRun next = new WorkRun(exchange, connector, this);
    run = next;
    worker.execute(next);
  }

  /** The lease was re-claimed after Redis lost its data: the running work goes on under it. */
  void continuesUnder(long epoch) {
    WorkRun current = run;
    if (current != null) current.continuesUnder(epoch);
  }

  /** Stops the connector at once; the walk to stopped is recorded separately. */
  void stop() {
    WorkRun current = run;
    if (current != null) current.stop();
  }

  ConnectionState state() {
    return machine.state();
  }

  Instant since() {
    return machine.since();
  }

  /** The owner record of {@code held} as it stands now. */
  OwnerRecord record(Lease held, Instant now) {
    return recordIn(held, machine.state(), machine.since(), now);
  }

  /**
   * Moves to {@code to}, recorded first; false when it could not be recorded (the lease is gone).
   * Redis errors are thrown. Call it holding the instance lock.
   */
  boolean moveTo(ConnectionState to) {
    return machine.moveTo(to);
  }

  /** Records stopping → stopped for work that was running (each step only if it applies). */
  void walkToStopped() {
    if (machine.state().isWorking()) moveQuietly(ConnectionState.STOPPING);
    if (machine.state() == ConnectionState.STOPPING) moveQuietly(ConnectionState.STOPPED);
  }

  /**
   * Walks to stopped keeping the steps' entries instead of writing them: the release writes them
   * with the lease's deletion, in one step. Call it holding the instance lock.
   */
  List<ActivityEntry> walkToStoppedUnwritten() {
    List<ActivityEntry> steps = new ArrayList<>();
    unwritten = steps;
    try {
      walkToStopped();
    } finally {
      unwritten = null;
    }
    return steps;
  }

  /** A warm standby's preparation under way ends before the connector starts. */
  @Override
  public void awaitPreparation() {
    beforeStart.run();
  }

  @Override
  public boolean enter(WorkRun from, ConnectionState to) {
    while (true) {
      lock.lock();
      try {
        if (from != run || from.stopRequested() || !keeper.holds() || shuttingDown.getAsBoolean()) {
          return false;
        }
        if (to == ConnectionState.WARMING) warmupProgress = 0;
        boolean entered = machine.moveTo(to);
        if (to != ConnectionState.WARMING) warmupProgress = null;
        return entered;
      } catch (InvalidTransitionException e) {
        LOG.warning(e.getMessage());
        events.append(
            events
                .entry(EventType.ERROR, ownEpoch.getAsLong(), clock.instant())
                .withMessage(e.getMessage()));
        return false;
      } catch (RuntimeException e) {
        redis.failed(e);
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
    snapshot.lastError(new ErrorInfo(message, now));
    LOG.log(Level.FINE, "Exchange work error on " + exchange + ": " + message, cause);
    events.error(events.entry(EventType.ERROR, ownEpoch.getAsLong(), now).withMessage(message));
  }

  @Override
  public boolean leaseValid() {
    return keeper.withinDeadline();
  }

  @Override
  public long epoch() {
    Lease held = keeper.current();
    return held != null ? held.epoch() : ownEpoch.getAsLong();
  }

  /** The state machine's writer: under a lease through the keeper, else to the stream only. */
  private boolean record(Transition t) {
    ActivityEntry changed =
        events
            .entry(EventType.STATE_CHANGED, ownEpoch.getAsLong(), t.at())
            .withStates(t.from().wireName(), t.to().wireName());
    List<ActivityEntry> kept = unwritten;
    if (kept != null) return kept.add(changed);
    Lease held = keeper.current();
    if (held == null) {
      events.appendOrThrow(changed);
      return true;
    }
    return keeper.write(held, recordIn(held, t.to(), t.at(), t.at()), changed);
  }

  private OwnerRecord recordIn(Lease held, ConnectionState state, Instant since, Instant now) {
    WorkRun current = run;
    return snapshot.of(
        held, state, since, now, current == null ? 0 : current.symbolCount(), warmupProgress);
  }

  private void moveQuietly(ConnectionState to) {
    try {
      machine.moveTo(to);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not record " + to.wireName() + " for " + exchange + ": " + e.getMessage());
    }
  }

  private boolean pause() {
    try {
      Thread.sleep(retryAfter.toMillis());
      return !shuttingDown.getAsBoolean();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
