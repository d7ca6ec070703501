package com.livermore.perseus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceAssembly;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.InstanceStores;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.TestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.redisson.api.RedissonClient;

/**
 * An owner killed at a 1 s lease TTL (heartbeat every 333 ms), in repeated trials. Owner and
 * standby are {@link ExchangeInstance}s in this JVM, each heartbeat driven by its own timer as the
 * EJB timer drives it; the owner is killed by stopping its timer, so that, as after SIGKILL, it
 * neither renews nor releases its lease. Detection is when the Payara server's network watcher
 * pushes the death over {@code /api/network/events}; takeover is when the standby holds the lease.
 * Both are timed from the kill, which falls at a random moment of the heartbeat cycle. Each bound
 * is checked against the worst trial.
 */
final class Failover {
  private static final String EXCHANGE = "failover";
  private static final int TRIALS = 10;
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final RedissonClient redisson;
  private final PerseusConfig settings;
  private final Keys keys = new Keys(BenchServer.KEY_PREFIX);
  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile String killedInstance;
  private volatile long detectedAt;

  private Failover(RedissonClient redisson, String redisAddress) {
    this.redisson = redisson;
    this.settings =
        TestConfig.exchange(EXCHANGE)
            .keyPrefix(BenchServer.KEY_PREFIX)
            .redis(redisAddress)
            .heartbeat(BenchServer.INTERVAL.toMillis() + "ms", BenchServer.TTL.toMillis() + "ms")
            .warmup("200ms")
            .admin("bench@example.com")
            .read();
  }

  /** Needs {@code server} to watch the same network with the same TTL and interval. */
  static List<ResultRow> measure(RedissonClient redisson, String redisAddress, BenchServer server)
      throws InterruptedException {
    Failover failover = new Failover(redisson, redisAddress);
    try {
      return failover.run(server);
    } finally {
      failover.timers.shutdownNow();
      failover.worker.shutdownNow();
    }
  }

  private List<ResultRow> run(BenchServer server) throws InterruptedException {
    listen(server);
    if (!listening.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("no event from /api/network/events");
    }
    Latencies detection = new Latencies();
    Latencies takeover = new Latencies();
    for (int trial = 0; trial < TRIALS; trial++) trial(detection, takeover);
    Duration bound = BenchServer.TTL.plus(BenchServer.INTERVAL);
    return List.of(
        row(
            "failure detection, 1 s TTL (watcher, pushed over SSE)",
            detection,
            "≤ TTL + poll (one interval) = " + ResultTable.time(micros(bound)),
            bound),
        row(
            "standby takeover, 1 s TTL",
            takeover,
            "≤ TTL + 1 interval = " + ResultTable.time(micros(bound)),
            bound));
  }

  private void trial(Latencies detection, Latencies takeover) throws InterruptedException {
    ExchangeInstance owner = instance();
    owner.start();
    ScheduledFuture<?> ownerBeat = beat(owner);
    await(
        () ->
            owner.status().role() == InstanceRole.OWNER
                && owner.status().state() == ConnectionState.ACTIVE,
        "the owner to become active");
    ExchangeInstance standby = instance();
    standby.start();
    ScheduledFuture<?> standbyBeat = beat(standby);
    await(() -> standby.status().role() == InstanceRole.STANDBY, "the standby to wait");
    Thread.sleep(ThreadLocalRandom.current().nextLong(BenchServer.INTERVAL.toMillis()));

    detectedAt = 0;
    killedInstance = owner.identity().instanceId();
    long killedAt = System.nanoTime();
    ownerBeat.cancel(false);
    await(() -> standby.status().role() == InstanceRole.OWNER, "the standby to take over");
    takeover.add(System.nanoTime() - killedAt);
    await(() -> detectedAt != 0, "the watcher to report the death");
    detection.add(detectedAt - killedAt);

    killedInstance = null;
    standbyBeat.cancel(false);
    standby.shutdown();
  }

  private ExchangeInstance instance() {
    return InstanceAssembly.of(
            settings, InstanceStores.on(redisson, keys, settings.activity(), Clock.systemUTC()))
        .connector(new SimulatedConnector(settings))
        .worker(worker)
        .scheduler(timers)
        .build();
  }

  private ScheduledFuture<?> beat(ExchangeInstance instance) {
    long every = BenchServer.INTERVAL.toMillis();
    return timers.scheduleAtFixedRate(instance::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Reads the server's event stream on a daemon thread; it ends with the server. */
  private void listen(BenchServer server) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = server.get("api/network/events");
    Thread reader =
        new Thread(
            () -> {
              try {
                http.send(request, HttpResponse.BodyHandlers.ofLines())
                    .body()
                    .filter(line -> line.startsWith("data:"))
                    .forEach(line -> onNetwork(System.nanoTime(), line.substring(5)));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "network-events");
    reader.setDaemon(true);
    reader.start();
  }

  /** The first event after a kill in which the killed instance no longer holds the exchange. */
  private void onNetwork(long receivedAt, String json) {
    listening.countDown();
    String killed = killedInstance;
    if (killed == null || detectedAt != 0) return;
    try {
      for (JsonNode x : RecordJson.mapper().readTree(json).path("exchanges")) {
        if (EXCHANGE.equals(x.path("exchange").asText())
            && !killed.equals(x.path("owner").path("instanceId").asText())) {
          detectedAt = receivedAt;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      Thread.sleep(1);
    }
  }

  private static ResultRow row(String operation, Latencies measured, String goal, Duration bound) {
    double ttl = micros(BenchServer.TTL);
    return new ResultRow(
        operation,
        measured.medianMicros(),
        measured.p99Micros(),
        ttl,
        ttl,
        measured.medianMicros() / ttl,
        goal,
        measured.percentileMicros(100) <= micros(bound),
        null,
        null,
        null,
        TRIALS + " kills; baseline is the TTL itself; the bound holds for the worst");
  }

  private static double micros(Duration d) {
    return d.toNanos() / 1_000.0;
  }
}
