package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ErrorThrottle;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.store.InstanceStores;
import com.livermore.perseus.store.LeaseStore;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one place an {@link ExchangeInstance} and its parts are built: by the EJB runtime, every test
 * and the benchmarks. A new part or collaborator is one edit here.
 *
 * <pre>{@code
 * ExchangeInstance instance =
 *     InstanceAssembly.of(config, stores).connector(connector).worker(executor).build();
 * }</pre>
 */
public final class InstanceAssembly {
  private final PerseusConfig config;
  private final InstanceStores stores;
  private ExchangeConnector connector;
  private Executor worker;
  private Clock clock = Clock.systemUTC();
  private InstanceIdentity identity;
  private InstanceMetrics metrics = InstanceMetrics.NONE;
  private Consumer<ActivityEntry> notify = e -> {};
  private boolean commands;
  private ScheduledExecutorService scheduler;

  private InstanceAssembly(PerseusConfig config, InstanceStores stores) {
    this.config = Objects.requireNonNull(config, "config");
    this.stores = Objects.requireNonNull(stores, "stores");
  }

  /** An instance of {@code config} keeping its exchange through {@code stores}. */
  public static InstanceAssembly of(PerseusConfig config, InstanceStores stores) {
    return new InstanceAssembly(config, stores);
  }

  /** The exchange work (required). */
  public InstanceAssembly connector(ExchangeConnector connector) {
    this.connector = connector;
    return this;
  }

  /** Runs the work and commands off the heartbeat (required): the container's managed executor. */
  public InstanceAssembly worker(Executor worker) {
    this.worker = worker;
    return this;
  }

  /** The instance's wall clock (default UTC); the lease deadline always uses the monotonic one. */
  public InstanceAssembly clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Who it is (default: detected, with a fresh id). */
  public InstanceAssembly identity(InstanceIdentity identity) {
    this.identity = identity;
    return this;
  }

  /** Reports renewals, losses and appends (default: nowhere). */
  public InstanceAssembly metrics(InstanceMetrics metrics) {
    this.metrics = metrics;
    return this;
  }

  /** Receives every entry the instance writes, once stored (the webhook notifier). */
  public InstanceAssembly notifications(Consumer<ActivityEntry> notify) {
    this.notify = notify;
    return this;
  }

  /**
   * Where a standby schedules its claim for the moment a dying owner's lease expires (the
   * container's managed scheduler); without one it claims at its next tick.
   */
  public InstanceAssembly scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** Takes operator commands from the exchange's command channel while it owns the lease. */
  public InstanceAssembly acceptingCommands() {
    this.commands = true;
    return this;
  }

  public ExchangeInstance build() {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(worker, "worker");
    String exchange = config.exchange();
    InstanceIdentity id = identity != null ? identity : InstanceIdentity.detect(config.admin());
    ReentrantLock lock = new ReentrantLock();
    AtomicBoolean shuttingDown = new AtomicBoolean();
    RedisReachability redis = new RedisReachability(exchange, clock);
    RecordSnapshot snapshot = new RecordSnapshot(config, id);
    InstanceEvents events =
        new InstanceEvents(
            exchange,
            id,
            stores.activity(),
            new ErrorThrottle(config.activity().errorWindow()),
            redis,
            metrics,
            notify);
    ClaimPolicy policy = new ClaimPolicy(config.lease(), clock);
    LeaseStore leases = stores.leases();
    LeaseKeeper keeper =
        new LeaseKeeper(
            exchange,
            config.lease(),
            leases,
            stores.directory(),
            events,
            snapshot,
            redis,
            metrics,
            clock);
    StandbyPreparation preparation =
        new StandbyPreparation(
            config.connector().warmStandby(),
            exchange,
            id.instanceId(),
            connector,
            stores.directory(),
            worker,
            config.lease().ttl());
    Handoffs handoffs =
        new Handoffs(exchange, id, stores.commands(), stores.directory(), leases, worker, clock);
    ExchangeWork work =
        new ExchangeWork(
            exchange,
            connector,
            worker,
            lock,
            keeper,
            snapshot,
            events,
            redis,
            policy::ownEpoch,
            shuttingDown::get,
            config.lease().heartbeatInterval(),
            clock,
            preparation::awaitAndConsume);
    OwnerCommands owner =
        commands
            ? new OwnerCommands(
                exchange,
                id.hostname(),
                stores.commands(),
                leases,
                worker,
                lock,
                keeper,
                work,
                handoffs,
                () -> policy.handedOver(ClaimPolicy.handoffGrace(config.lease())))
            : null;
    ClaimRefusals refusals = new ClaimRefusals(exchange, events, policy::ownEpoch);
    LossRecords losses =
        new LossRecords(
            exchange,
            config.lease().ttl(),
            lock,
            worker,
            leases,
            events,
            refusals,
            policy,
            work,
            keeper,
            owner,
            redis,
            clock);
    ExchangeInstance instance =
        new ExchangeInstance(
            new Parts(
                config,
                id,
                lock,
                shuttingDown,
                policy,
                keeper,
                work,
                new StandbyAnnouncement(
                    stores.directory(), exchange, id, config.lease().ttl(), preparation::percent),
                handoffs,
                preparation,
                owner,
                refusals,
                losses,
                redis,
                events,
                snapshot,
                metrics,
                clock,
                scheduler,
                worker));
    metrics.leasesHeld(() -> keeper.holds() ? 1 : 0);
    metrics.identity(instance.identity(), config.exchange());
    return instance;
  }

  /** What the coordinator is made of. */
  record Parts(
      PerseusConfig config,
      InstanceIdentity identity,
      ReentrantLock lock,
      AtomicBoolean shuttingDown,
      ClaimPolicy policy,
      LeaseKeeper keeper,
      ExchangeWork work,
      StandbyAnnouncement standby,
      Handoffs handoffs,
      StandbyPreparation preparation,
      OwnerCommands commands,
      ClaimRefusals refusals,
      LossRecords losses,
      RedisReachability redis,
      InstanceEvents events,
      RecordSnapshot snapshot,
      InstanceMetrics metrics,
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor worker) {}
}
