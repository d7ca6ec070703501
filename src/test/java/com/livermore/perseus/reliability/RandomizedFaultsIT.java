package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceMetrics;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.instance.InstanceStatus;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.store.RedisClientProducer;
import com.livermore.perseus.testing.RedisSentinelSet;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A Jepsen-style run: three exchanges with three contenders each (in-process instances built as the
 * WAR builds them, each with its own wall clock), behind Redis Sentinel (a master with AOF, a
 * replica, three sentinels), under a seeded random schedule of faults over the real processes and
 * the instances — owner killed, owner frozen past its TTL, a graceful restart, a clock jump, the
 * replica frozen, the master killed (Sentinel promotes the replica), the master restarted with and
 * without its data. Each owner's work sends epoch-stamped actions to a fencing sink; the {@link
 * HistoryChecker} then judges the recorded history, and the {@link OwnershipObserver} the leases in
 * Redis. {@code ./mvnw verify} runs it for {@code perseus.nemesis.seconds} (60 s); {@code
 * -Pnemesis} runs it long enough for well over 10,000 lease operations. The seed ({@code
 * perseus.nemesis.seed}) reproduces the schedule.
 */
class RandomizedFaultsIT {
  private static final Logger LOG = Logger.getLogger(RandomizedFaultsIT.class.getName());
  static final List<String> EXCHANGES = List.of("alpha", "beta", "gamma");
  static final int CONTENDERS = 3;
  static final Duration INTERVAL = Duration.ofMillis(200);
  static final Duration TTL = Duration.ofSeconds(1);
  static final Duration WARMUP = Duration.ofMillis(100);
  static final Duration ACTION_PERIOD = Duration.ofMillis(20);

  final History history = new History();
  final FencingSink sink = new FencingSink(history);
  final List<Contender> contenders = new CopyOnWriteArrayList<>();
  final ScheduledExecutorService beats = Executors.newScheduledThreadPool(4);
  final AtomicLong claims = new AtomicLong();
  final AtomicLong renewals = new AtomicLong();
  final AtomicLong releases = new AtomicLong();
  final AtomicInteger labels = new AtomicInteger();
  RedisSentinelSet redis;
  TestInstances instances;
  TestConfig base;
  Random random;

  /** A wall clock the run can jump, per instance. */
  static final class JumpingClock extends Clock {
    private volatile Duration offset;

    JumpingClock(Duration offset) {
      this.offset = offset;
    }

    void jump(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** One contender: its instance, work, clock and heartbeat. */
  final class Contender {
    final String label;
    final String exchange;
    final JumpingClock clock;
    final FencedConnector connector;
    final ExchangeInstance instance;
    final PerseusConfig config;
    volatile ScheduledFuture<?> beat;
    volatile boolean gone;

    Contender(String exchange) {
      this.label = "c" + labels.incrementAndGet() + "-" + exchange;
      this.exchange = exchange;
      this.clock = new JumpingClock(Duration.ofSeconds(random.nextInt(81) - 40));
      this.connector = new FencedConnector(label, sink, history, WARMUP, ACTION_PERIOD);
      this.config = base.copy().exchangeId(exchange).read();
      InstanceMetrics counting =
          new InstanceMetrics() {
            @Override
            public void renewal(long nanos, boolean held) {
              renewals.incrementAndGet();
            }

            @Override
            public void renewalFailed() {
              renewals.incrementAndGet();
            }

            @Override
            public void claimAttempt(boolean claimed) {
              claims.incrementAndGet();
            }
          };
      this.instance = instances.create(config, connector, a -> a.clock(clock).metrics(counting));
      instance.start();
      beat();
    }

    void beat() {
      long ms = INTERVAL.toMillis();
      beat = beats.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
      try {
        instance.heartbeat();
      } catch (RuntimeException e) {
        LOG.warning(label + ": heartbeat threw " + e);
      }
    }

    boolean owns() {
      InstanceStatus s = instance.status();
      return !gone && s.role() == InstanceRole.OWNER && s.state() == ConnectionState.ACTIVE;
    }

    /** kill -9: no heartbeat, no release, no more actions. */
    void crash() {
      gone = true;
      beat.cancel(false);
      connector.crash();
      instances.forget(instance);
    }

    void freeze() {
      beat.cancel(false);
      connector.freeze();
    }

    void thaw() {
      connector.thaw();
      beat();
    }

    void shutdown() {
      gone = true;
      beat.cancel(false);
      instance.shutdown();
      connector.crash();
      instances.forget(instance);
      releases.incrementAndGet();
    }
  }

  @Test
  void underRandomFaultsNoExchangeEverHasTwoOwnersAndNoSupersededEpochActs() throws Exception {
    long seconds = Long.getLong("perseus.nemesis.seconds", 60);
    long seed = Long.getLong("perseus.nemesis.seed", 20261201L);
    random = new Random(seed);
    redis = RedisSentinelSet.start(1, "--appendonly", "yes", "--appendfsync", "always");
    base =
        TestConfig.exchange("any")
            .redis(redis.sentinelAddresses())
            .set(RedisSettings.REDIS_MODE, "sentinel")
            .set(RedisSettings.SENTINEL_MASTER, RedisSentinelSet.MASTER_NAME)
            .heartbeat("200ms", "1s")
            .lockDelay("500ms")
            .warmup("100ms");
    RedissonClient redisson =
        Redisson.create(RedisClientProducer.redissonConfig(base.read().redis()));
    instances = new TestInstances(redisson, "");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("seed", seed);
    figures.put("seconds", seconds);
    try {
      for (int i = 0; i < CONTENDERS; i++) {
        for (String x : EXCHANGES) contenders.add(new Contender(x));
      }
      await().atMost(Duration.ofSeconds(30)).until(this::everyExchangeOwned);

      List<OwnershipObserver.BeliefSource> beliefs = new ArrayList<>();
      OwnershipObserver observer =
          OwnershipObserver.start(
              x ->
                  redisson
                      .<String>getBucket(instances.keys().instance(x), StringCodec.INSTANCE)
                      .get(),
              EXCHANGES,
              beliefs,
              Duration.ofMillis(20));
      long runStart = System.nanoTime();
      long until = runStart + Duration.ofSeconds(seconds).toNanos();
      while (System.nanoTime() < until) {
        injectOneFault();
        Thread.sleep(1000 + random.nextInt(1500));
      }
      // Calm: every exchange owned again, then a few seconds of quiet work.
      await().atMost(Duration.ofSeconds(60)).until(this::everyExchangeOwned);
      Thread.sleep(3000);
      long runEnd = System.nanoTime();
      observer.close();

      // A lease the holder never acted on (a claim the replicas did not acknowledge, withdrawn or
      // lost with a failed master) is not an owner; the history says who acted under which epoch.
      java.util.Set<String> actedOn = new java.util.HashSet<>();
      for (History.Start s : history.starts()) {
        actedOn.add(s.exchange() + "#" + idOf(s.instance()) + "#" + s.epoch());
      }
      observer.judgingOnly((x, id, epoch) -> actedOn.contains(x + "#" + id + "#" + epoch));
      HistoryChecker.Report report =
          new HistoryChecker(TTL, INTERVAL, WARMUP, Duration.ofSeconds(3), Duration.ofMillis(500))
              .check(history, runStart, runEnd);
      figures.put("leaseOperations", claims.get() + renewals.get() + releases.get());
      figures.put("claims", claims.get());
      figures.put("renewals", renewals.get());
      figures.put("releases", releases.get());
      figures.put("contendersStarted", labels.get());
      figures.putAll(report.figures());
      figures.put("observer", observer.figures());
      figures.put("violations", report.violations().size() + observer.violations().size());
      ReliabilityReport.record(
          "Randomized faults under Sentinel (3 exchanges x 3 contenders, seed " + seed + ")",
          figures);
      assertThat(report.violations()).as("history checker").isEmpty();
      String timeline = timeline(observer, runStart);
      java.nio.file.Path written =
          ReliabilityReport.detail("randomized-faults-timeline.txt", timeline);
      assertThat(observer.violations())
          .as("ownership observer (the run's timeline is in %s):%n%s", written, timeline)
          .isEmpty();
      assertThat(report.figures().get("actionsAccepted")).isNotEqualTo(0L);
    } finally {
      beats.shutdownNow();
      for (Contender c : contenders) c.connector.thaw();
      instances.close();
      redisson.shutdown();
      redis.close();
    }
  }

  private String idOf(String label) {
    return contenders.stream()
        .filter(c -> c.label.equals(label))
        .map(c -> c.instance.status().instanceId())
        .findFirst()
        .orElse(label);
  }

  /**
   * Faults, owner starts and lease sightings in seconds from the run's start, to read a violation
   * against what was being done to the network at the time.
   */
  private String timeline(OwnershipObserver observer, long runStartNanos) {
    long nowNanos = System.nanoTime();
    Instant now = Instant.now();
    java.util.TreeMap<Double, List<String>> lines = new java.util.TreeMap<>();
    java.util.function.LongFunction<Double> fromNanos = n -> (n - runStartNanos) / 1e9;
    java.util.function.Function<Instant, Double> fromInstant =
        i -> (Duration.between(now, i).toNanos() + nowNanos - runStartNanos) / 1e9;
    for (History.Fault f : history.faults()) {
      lines
          .computeIfAbsent(fromNanos.apply(f.from()), k -> new ArrayList<>())
          .add(
              f.kind()
                  + (f.instance() == null ? "" : " " + f.instance())
                  + " until "
                  + String.format("%.3f", fromNanos.apply(f.until())));
    }
    for (History.Start st : history.starts()) {
      lines
          .computeIfAbsent(fromNanos.apply(st.at()), k -> new ArrayList<>())
          .add(st.exchange() + " work started by " + idOf(st.instance()) + " epoch " + st.epoch());
    }
    for (String x : EXCHANGES) {
      for (OwnershipObserver.Holding h : observer.holdings(x)) {
        lines
            .computeIfAbsent(fromInstant.apply(h.firstSeen()), k -> new ArrayList<>())
            .add(
                x
                    + " lease "
                    + h.instanceId()
                    + " epoch "
                    + h.epoch()
                    + " seen until "
                    + String.format("%.3f", fromInstant.apply(h.lastSeen())));
      }
    }
    StringBuilder out = new StringBuilder();
    lines.forEach((t, l) -> l.forEach(e -> out.append(String.format("%9.3f  %s%n", t, e))));
    return out.toString();
  }

  private boolean everyExchangeOwned() {
    return EXCHANGES.stream()
        .allMatch(x -> contenders.stream().anyMatch(c -> c.exchange.equals(x) && c.owns()));
  }

  private Contender ownerOf(String exchange) {
    return contenders.stream()
        .filter(c -> c.exchange.equals(exchange) && c.owns())
        .findFirst()
        .orElse(null);
  }

  private void injectOneFault() throws Exception {
    String exchange = EXCHANGES.get(random.nextInt(EXCHANGES.size()));
    int roll = random.nextInt(14);
    Contender owner = ownerOf(exchange);
    if (roll < 3 && owner != null) {
      long at = System.nanoTime();
      owner.crash();
      history.fault(new History.Fault("owner killed", owner.label, at, at, false, false));
      Thread.sleep(300 + random.nextInt(1200));
      contenders.add(new Contender(exchange));
    } else if (roll < 6 && owner != null) {
      long at = System.nanoTime();
      owner.freeze();
      Thread.sleep(TTL.toMillis() + 200 + random.nextInt(800));
      owner.thaw();
      history.fault(
          new History.Fault("owner paused", owner.label, at, System.nanoTime(), false, false));
    } else if (roll < 7 && owner != null) {
      long at = System.nanoTime();
      owner.shutdown();
      history.fault(
          new History.Fault(
              "owner restarted gracefully", owner.label, at, System.nanoTime(), false, false));
      contenders.add(new Contender(exchange));
    } else if (roll < 9) {
      List<Contender> live = contenders.stream().filter(c -> !c.gone).toList();
      Contender c = live.get(random.nextInt(live.size()));
      Duration by = Duration.ofSeconds((random.nextBoolean() ? 1 : -1) * (20 + random.nextInt(71)));
      long at = System.nanoTime();
      c.clock.jump(by);
      history.fault(new History.Fault("clock jump", c.label, at, at, false, false));
    } else if (roll < 11) {
      List<RedisServer> replicas = redis.replicas();
      if (replicas.isEmpty()) return;
      RedisServer replica = replicas.get(0);
      long at = System.nanoTime();
      replica.pause();
      Thread.sleep(300 + random.nextInt(1700));
      replica.resume();
      history.fault(new History.Fault("replica paused", null, at, System.nanoTime(), true, false));
    } else if (roll < 12) {
      RedisServer old = redis.master();
      if (old == null) return;
      long at = System.nanoTime();
      old.kill();
      redis.awaitFailoverFrom(old, Duration.ofSeconds(30));
      long promoted = System.nanoTime();
      Thread.sleep(500 + random.nextInt(1500));
      old.restart(); // rejoins with its old data; the sentinels make it a replica
      // Until they do, it is a former master back on its own, which Perseus trusts with nothing
      // (a claim there is lost when the sentinels demote it): the fault lasts until then.
      redis.awaitReplica(old, Duration.ofSeconds(30));
      history.fault(
          new History.Fault(
              "master killed", null, at, Math.max(promoted, System.nanoTime()), true, false));
    } else if (roll < 13) {
      RedisServer master = redis.master();
      if (master == null) return;
      long at = System.nanoTime();
      master.restart(); // SIGTERM and start: its AOF keeps every write
      history.fault(
          new History.Fault(
              "master restarted with its data", null, at, System.nanoTime(), true, false));
    } else {
      RedisServer master = redis.master();
      if (master == null) return;
      long at = System.nanoTime();
      master.restartWithoutData();
      history.fault(
          new History.Fault(
              "master restarted without its data", null, at, System.nanoTime(), true, true));
    }
  }
}
