package com.livermore.perseus.bench;

import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandType;
import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceAssembly;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.InstanceStores;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * Planned handoff, in-process instances on the bench's Redis, as the EJB timer drives them: the gap
 * from the {@code handoff} command (published as the API publishes it), and separately from a
 * shutdown (what SIGTERM runs), to the new owner {@code active}; with a warm standby (prepared
 * while it waited) and a cold one; at the default timings (15 s interval, 45 s TTL, 5 s simulated
 * warm-up) and the bench's short ones (333 ms, 1 s, 200 ms). Each trial also checks the stream: the
 * old owner's {@code → stopped} comes before the new owner's {@code → starting}.
 */
final class PlannedHandoff {
  private static final int TRIALS = 10;
  private static final String PREFIX = "handoff:";

  private record Timing(String name, String interval, String ttl, Duration warmUp) {}

  private static final List<Timing> TIMINGS =
      List.of(
          new Timing("15 s / 45 s, 5 s warm-up", "15s", "45s", Duration.ofSeconds(5)),
          new Timing("333 ms / 1 s, 200 ms warm-up", "333ms", "1s", Duration.ofMillis(200)));

  private final RedissonClient redisson;
  private final String redisAddress;
  private final Keys keys = new Keys(PREFIX);
  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private int overlaps;

  private PlannedHandoff(RedissonClient redisson, String redisAddress) {
    this.redisson = redisson;
    this.redisAddress = redisAddress;
  }

  static List<ResultRow> measure(RedissonClient redisson, String redisAddress) throws Exception {
    PlannedHandoff bench = new PlannedHandoff(redisson, redisAddress);
    try {
      return bench.run();
    } finally {
      bench.timers.shutdownNow();
      bench.worker.shutdownNow();
    }
  }

  private List<ResultRow> run() throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    for (Timing t : TIMINGS) {
      rows.add(row("handoff command → new owner active, warm standby, " + t.name(), t, true, true));
      rows.add(row("SIGTERM → new owner active, warm standby, " + t.name(), t, true, false));
      rows.add(
          row("handoff command → new owner active, cold standby, " + t.name(), t, false, true));
    }
    return rows;
  }

  private ResultRow row(String what, Timing t, boolean warm, boolean command) throws Exception {
    overlaps = 0;
    String exchange = "hx" + UUID.randomUUID().toString().substring(0, 6);
    PerseusConfig config =
        TestConfig.exchange(exchange)
            .keyPrefix(PREFIX)
            .redis(redisAddress)
            .heartbeat(t.interval(), t.ttl())
            .warmup(t.warmUp().toMillis() + "ms")
            .set(ConnectorSettings.STANDBY_WARM, Boolean.toString(warm))
            .read();
    Latencies gaps = new Latencies();
    Node first = start(config);
    await(() -> active(first), "the first owner to be active");
    Node owner = first;
    for (int i = 0; i < TRIALS; i++) {
      Node standby = start(config);
      await(() -> standby.instance.status().role() == InstanceRole.STANDBY, "a standby");
      if (warm) await(() -> "100".equals(prepared(exchange, standby)), "the standby to be warm");
      String from = lastId(exchange);
      long t0 = System.nanoTime();
      if (command) publishHandoff(exchange);
      else owner.stop();
      await(() -> active(standby), "the new owner to be active");
      gaps.add(System.nanoTime() - t0);
      checkOrder(exchange, from, owner, standby);
      if (command) owner.stop(); // it waits as a standby now; this trial is over
      owner = standby;
    }
    owner.stop();
    double goalMedian = warm ? 100_000 : t.warmUp().toNanos() / 1_000.0 + 100_000;
    boolean met =
        overlaps == 0
            && gaps.medianMicros() <= goalMedian
            && (!warm || gaps.p99Micros() <= 250_000);
    return new ResultRow(
        what,
        gaps.medianMicros(),
        gaps.p99Micros(),
        null,
        null,
        null,
        warm ? "median ≤ 100 ms, p99 ≤ 250 ms, no overlap" : "median ≤ warm-up + 100 ms",
        met,
        null,
        null,
        null,
        TRIALS
            + " handoffs; old stopped before new starting in "
            + (TRIALS - overlaps)
            + "/"
            + TRIALS);
  }

  private record Node(ExchangeInstance instance, ScheduledFuture<?> beat) {
    void stop() {
      beat.cancel(false);
      instance.shutdown();
    }

    String id() {
      return instance.identity().instanceId();
    }
  }

  private Node start(PerseusConfig config) {
    ExchangeInstance instance =
        InstanceAssembly.of(
                config, InstanceStores.on(redisson, keys, config.activity(), Clock.systemUTC()))
            .connector(new SimulatedConnector(config))
            .worker(worker)
            .scheduler(timers)
            .acceptingCommands()
            .build();
    instance.start();
    long every = config.lease().heartbeatInterval().toMillis();
    return new Node(
        instance,
        timers.scheduleAtFixedRate(instance::heartbeat, every, every, TimeUnit.MILLISECONDS));
  }

  private static boolean active(Node n) {
    var s = n.instance.status();
    return s.role() == InstanceRole.OWNER && s.state() == ConnectionState.ACTIVE;
  }

  private void publishHandoff(String exchange) {
    Command c =
        new Command(
            UUID.randomUUID().toString(), exchange, CommandType.HANDOFF, "bench", Instant.now());
    new CommandBus(redisson, keys).publish(exchange, c.toJson());
  }

  private String prepared(String exchange, Node n) {
    return redisson
        .<String, String>getMap(keys.prepared(exchange), StringCodec.INSTANCE)
        .get(n.id());
  }

  private String lastId(String exchange) {
    var last =
        redisson
            .<String, String>getStream(keys.activity(exchange), StringCodec.INSTANCE)
            .rangeReversed(1, StreamMessageId.MAX, StreamMessageId.MIN);
    return last.isEmpty() ? "0-0" : last.keySet().iterator().next().toString();
  }

  /** The old owner's last {@code → stopped} before the new owner's first {@code → starting}. */
  private void checkOrder(String exchange, String from, Node old, Node next) {
    String[] parts = from.split("-");
    StreamMessageId after = new StreamMessageId(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    Map<StreamMessageId, Map<String, String>> entries =
        redisson
            .<String, String>getStream(keys.activity(exchange), StringCodec.INSTANCE)
            .range(after, StreamMessageId.MAX);
    int stopped = -1;
    int starting = -1;
    int i = 0;
    for (Map<String, String> e : entries.values()) {
      if ("state_changed".equals(e.get("type"))) {
        if (old.id().equals(e.get("instanceId")) && "stopped".equals(e.get("to"))) stopped = i;
        if (next.id().equals(e.get("instanceId"))
            && "starting".equals(e.get("to"))
            && starting < 0) {
          starting = i;
        }
      }
      i++;
    }
    if (stopped < 0 || starting < 0 || stopped > starting) overlaps++;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("waited 60 s for " + what);
      LockSupport.parkNanos(200_000);
    }
  }
}
