package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.LeaseSettings;
import com.livermore.perseus.instance.LeaseLoss.Cause;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.WriteOutcome;
import com.livermore.perseus.store.ExchangeDirectory;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Keeps this instance's lease: claims it, renews it, re-claims it when Redis lost its data, writes
 * the lifecycle's records under it, and releases it. It tells the rest of the instance exactly two
 * things, as Curator's {@code LeaderLatch} sends every change through one {@code setLeadership}:
 * the lease was gained, and the lease was lost (with its cause). Every loss — expired, taken or
 * fenced, its deadline passed without Redis, released — goes through {@link #lose}, which drops the
 * lease by compare-and-set, so each lease is lost exactly once whichever thread notices first.
 */
final class LeaseKeeper {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  /** Hears of every lease gained and lost. */
  interface Listener {
    void gained(Lease lease, LeaseGain how);

    void lost(LeaseLoss loss);
  }

  /** The record of a lease as the instance would write it now. */
  interface Records {
    OwnerRecord at(Lease held, Instant now);
  }

  private final String exchange;
  private final LeaseSettings settings;
  private final LeaseStore store;
  private final ExchangeDirectory directory;
  private final InstanceEvents events;
  private final RecordSnapshot snapshot;
  private final RedisReachability redis;
  private final InstanceMetrics metrics;
  private final Clock clock;
  private final LeaseDeadline deadline;
  private final ReplicaEpisodes replicas;
  private final CleanRelease releaser = new CleanRelease();

  /**
   * The lease held, or a loss not yet recorded, or null: one atomic state, so that no claim can
   * slip in between a lease's loss and the recording of that loss.
   */
  private final AtomicReference<Object> state = new AtomicReference<>();

  private volatile Listener listener;
  private volatile Runnable redisAnswered = () -> {};
  private volatile boolean registered;

  LeaseKeeper(
      String exchange,
      LeaseSettings settings,
      LeaseStore store,
      ExchangeDirectory directory,
      InstanceEvents events,
      RecordSnapshot snapshot,
      RedisReachability redis,
      InstanceMetrics metrics,
      Clock clock) {
    this.exchange = exchange;
    this.settings = settings;
    this.store = store;
    this.directory = directory;
    this.events = events;
    this.snapshot = snapshot;
    this.redis = redis;
    this.metrics = metrics;
    this.clock = clock;
    this.deadline = new LeaseDeadline(settings.ttl());
    this.replicas = new ReplicaEpisodes(exchange, store, events);
  }

  /**
   * Where gains and losses go, and who hears that Redis answered a lease call (right after the
   * reply, before the gain or loss it brings is handled).
   */
  void reportTo(Listener listener, Runnable redisAnswered) {
    this.listener = listener;
    this.redisAnswered = redisAnswered;
  }

  /** The lease held now, or null. */
  Lease current() {
    return state.get() instanceof Lease held ? held : null;
  }

  boolean holds() {
    return state.get() instanceof Lease;
  }

  /** True while a lease is held and its deadline has not passed (checked without Redis). */
  boolean withinDeadline() {
    return holds() && !deadline.passed(System.nanoTime());
  }

  /** A loss reported but not yet recorded, or null. */
  LeaseLoss unrecordedLoss() {
    return state.get() instanceof LeaseLoss loss ? loss : null;
  }

  /** {@code loss} is recorded: a claim may follow. */
  void recorded(LeaseLoss loss) {
    state.compareAndSet(loss, null);
  }

  /** Adds the exchange to {@code network:exchanges} once (again after Redis lost its data). */
  void ensureRegistered(Instant now) {
    if (registered) return;
    directory.registerExchange(exchange, now);
    registered = true;
  }

  /** SET NX with a new epoch and the {@code registered} entry; a success is reported as gained. */
  ClaimOutcome claim(OwnerRecord draft, ActivityEntry registeredEntry, ClaimOptions options) {
    long sent = System.nanoTime();
    ClaimOutcome outcome =
        store.claim(draft, settings.ttl(), events.retention(), registeredEntry, options);
    redisAnswered.run();
    metrics.claimAttempt(outcome instanceof ClaimOutcome.Claimed);
    if (outcome instanceof ClaimOutcome.Unacknowledged unacknowledged) {
      replicas.withdraw(unacknowledged, draft);
    } else if (outcome instanceof ClaimOutcome.Claimed claimed) {
      gain(claimed.lease(), sent, claimed.tookOver() ? LeaseGain.TOOK_OVER_OWN : LeaseGain.CLAIMED);
    }
    return outcome;
  }

  /**
   * The heartbeat's renewal, waiting for Redis at most until the deadline. A lease found gone
   * together with its epoch counter (Redis lost its data) is claimed again at once; any other lease
   * found gone or taken is lost. Redis errors are thrown to the caller.
   */
  void renew(Records records) {
    Lease held = current();
    if (held == null) return;
    long sent = System.nanoTime();
    long patience = deadline.patienceNanos(sent);
    if (patience <= 0) {
      stepDownIfOverdue();
      return;
    }
    Instant now = clock.instant();
    WriteOutcome outcome =
        store.renew(held, records.at(held, now), settings.ttl(), Duration.ofNanos(patience));
    long elapsed = System.nanoTime() - sent;
    snapshot.heartbeatLatency(elapsed);
    metrics.renewal(elapsed, outcome instanceof WriteOutcome.Written);
    if (outcome instanceof WriteOutcome.Written && current() == held) {
      deadline.grantedAt(sent);
      replicas.acknowledged();
    }
    redisAnswered.run();
    if (outcome instanceof WriteOutcome.Unacknowledged unacknowledged && current() == held) {
      replicas.renewalUnacknowledged(held, unacknowledged, now);
    }
    if (outcome instanceof WriteOutcome.Lost lost && current() == held) {
      if (lost.dataLost() && reclaimAfterDataLoss(held, records.at(held, now), now)) return;
      lose(held, lost.holderRaw() == null ? Cause.EXPIRED : Cause.TAKEN, lost.holderRaw());
    }
  }

  /**
   * Writes a transition's record with its {@code state_changed} entry while {@code held} is the
   * lease; false (and the lease lost) when it no longer is.
   */
  boolean write(Lease held, OwnerRecord record, ActivityEntry entry) {
    WriteOutcome outcome = store.write(held, record, settings.ttl(), events.retention(), entry);
    if (outcome instanceof WriteOutcome.Lost lost) {
      lose(held, lost.holderRaw() == null ? Cause.EXPIRED : Cause.TAKEN, lost.holderRaw());
      return false;
    }
    events.written(entry.withEpoch(held.epoch()));
    return true;
  }

  /**
   * Drops the lease once its deadline has passed, without Redis and without the instance lock (a
   * call waiting for a silent Redis may hold it).
   */
  void stepDownIfOverdue() {
    Lease held = current();
    if (held == null || !deadline.passed(System.nanoTime())) return;
    Cause cause =
        replicas.unacknowledged()
            ? Cause.UNREPLICATED
            : redis.silent() ? Cause.CUT_OFF : Cause.STALLED;
    lose(held, cause, null);
  }

  /**
   * A clean release of this lease, with the walk to stopped and the notice ({@link CleanRelease}).
   */
  Optional<String> release(
      Records records, String why, List<ActivityEntry> walk, String notice, String to) {
    return releaser.run(this, store, events, clock, records, why, walk, notice, to);
  }

  /** {@link CleanRelease} deleted {@code held}: dropped through the one path of every loss. */
  void released(Lease held) {
    lose(held, Cause.RELEASED, null);
  }

  /**
   * Redis lost its data (flushed, or failed over without it): nobody took the lease, so the owner
   * claims it again at once, before any standby may, above the epoch it held. False when someone
   * else got it first (then it is an ordinary loss).
   */
  private boolean reclaimAfterDataLoss(Lease held, OwnerRecord record, Instant now) {
    ActivityEntry reclaimed =
        events
            .entry(EventType.TAKEOVER, 0, now)
            .withMessage(
                "re-claimed "
                    + exchange
                    + " after Redis lost its data (flush or failover without it)");
    long sent = System.nanoTime();
    ClaimOutcome outcome =
        store.claim(
            record,
            settings.ttl(),
            events.retention(),
            reclaimed,
            ClaimPolicy.reclaimAbove(held.epoch()));
    if (outcome instanceof ClaimOutcome.Unacknowledged unacknowledged) {
      replicas.withdraw(unacknowledged, record);
      return false;
    }
    if (!(outcome instanceof ClaimOutcome.Claimed claimed)) return false;
    Lease next = claimed.lease();
    deadline.grantedAt(sent);
    if (!state.compareAndSet(held, next)) return false; // stepped down meanwhile
    replicas.reset();
    listener.gained(next, LeaseGain.RECLAIMED_AFTER_DATA_LOSS);
    registered = false;
    directory.registerExchange(exchange, now);
    directory.markRecovered(exchange, now);
    registered = true;
    events.written(reclaimed.withEpoch(next.epoch()));
    LOG.warning(
        () -> "Redis lost its data: re-claimed " + exchange + " under epoch " + next.epoch() + ".");
    return true;
  }

  private void gain(Lease gained, long sentNanos, LeaseGain how) {
    replicas.reset();
    deadline.grantedAt(sentNanos);
    state.set(gained);
    LOG.info(
        () ->
            (how == LeaseGain.TOOK_OVER_OWN
                    ? "takeover: restarted on the same node, took over the orphaned lease of "
                    : "Claimed ")
                + gained.exchange()
                + " as instance "
                + gained.instanceId()
                + " (epoch "
                + gained.epoch()
                + ").");
    listener.gained(gained, how);
  }

  /**
   * The one way a lease ends: dropped once, reported once. Until it is recorded, the loss takes the
   * lease's place (a release needs no record).
   */
  private void lose(Lease held, Cause cause, String holderRaw) {
    LeaseLoss loss = new LeaseLoss(held, cause, holderRaw, clock.instant());
    if (state.compareAndSet(held, cause == Cause.RELEASED ? null : loss)) listener.lost(loss);
  }
}
