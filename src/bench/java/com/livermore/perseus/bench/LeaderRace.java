package com.livermore.perseus.bench;

import com.livermore.perseus.bench.PeerLeaders.Kind;
import com.livermore.perseus.bench.PeerLeaders.Leader;
import com.livermore.perseus.bench.PeerLeaders.Setup;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.redisson.api.RedissonClient;

/**
 * Perseus beside its peers ({@link PeerLeaders}) on the same Redis at the same TTL: the time from a
 * leader's kill (as SIGKILL: it stops renewing, releases nothing) and from its clean release (the
 * library's own stop) to the next leader, over 10 trials each, at the bench's 1 s TTL and at
 * Perseus's default 45 s (whose kill trials run side by side, 10 keys at once per library, so that
 * they take one TTL rather than ten); and the Redis commands one leader and one waiting contender
 * cost per heartbeat, from {@code INFO commandstats} on a Redis of their own.
 */
final class LeaderRace {
  private static final int TRIALS = 10;
  private static final Duration SHORT = Duration.ofSeconds(1);
  private static final Duration DEFAULT = Duration.ofSeconds(45);

  /**
   * Where in the renewal cycle each trial's kill or release falls, the same for every library, so
   * that the time a killed leader's lease still had to run is the same on both sides of a row.
   */
  private static final double[] PHASES = new java.util.Random(20261202).doubles(TRIALS).toArray();

  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);

  static List<ResultRow> measure() throws Exception {
    LeaderRace race = new LeaderRace();
    try {
      return race.run();
    } finally {
      race.timers.shutdownNow();
      race.worker.shutdownNow();
    }
  }

  private List<ResultRow> run() throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    try (RedisServer redis = RedisServer.start()) {
      RedissonClient client = BenchRedis.connectTo(redis.address());
      try {
        for (Duration ttl : List.of(SHORT, DEFAULT)) {
          Setup setup = new Setup(RedisServer.HOST, redis.port(), ttl, client, worker, timers);
          rows.addAll(compare("clean release → next leader", ttl, clean(setup), false));
          rows.addAll(compare("kill -9 of the leader → next leader", ttl, kills(setup), true));
        }
      } finally {
        client.shutdown();
      }
    }
    rows.addAll(commandsPerHeartbeat());
    return rows;
  }

  private Map<Kind, Latencies> clean(Setup setup) throws Exception {
    Map<Kind, Latencies> out = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      Latencies l = new Latencies();
      for (int i = 0; i < TRIALS; i++) l.add(trial(kind, setup, false, PHASES[i]));
      out.put(kind, l);
    }
    return out;
  }

  /** Short TTL: one kill at a time; the default TTL: every trial of every library at once. */
  private Map<Kind, Latencies> kills(Setup setup) throws Exception {
    Map<Kind, Latencies> out = new EnumMap<>(Kind.class);
    if (setup.ttl().compareTo(SHORT) <= 0) {
      for (Kind kind : Kind.values()) {
        Latencies l = new Latencies();
        for (int i = 0; i < TRIALS; i++) l.add(trial(kind, setup, true, PHASES[i]));
        out.put(kind, l);
      }
      return out;
    }
    ExecutorService parallel = Executors.newFixedThreadPool(TRIALS * Kind.values().length);
    try {
      Map<Kind, List<Future<Long>>> running = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        List<Future<Long>> trials = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
          double phase = PHASES[i];
          trials.add(parallel.submit(() -> trial(kind, setup, true, phase)));
        }
        running.put(kind, trials);
      }
      for (Kind kind : Kind.values()) {
        Latencies l = new Latencies();
        for (Future<Long> f : running.get(kind)) l.add(f.get());
        out.put(kind, l);
      }
    } finally {
      parallel.shutdownNow();
    }
    return out;
  }

  /** One leader, one waiting contender; the nanoseconds from the kill or release to the next. */
  private long trial(Kind kind, Setup setup, boolean kill, double phase) throws Exception {
    String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
    Leader leader = PeerLeaders.create(kind, setup, key);
    leader.start();
    await(() -> leader.ledSince() != 0, setup.ttl().multipliedBy(3), kind + " to lead");
    Leader next = PeerLeaders.create(kind, setup, key);
    next.start();
    // The contender settles into waiting (at the short TTL through a few renewals); the end falls
    // at the trial's phase of the renewal cycle, counted from when the leader took the lead.
    long interval = setup.interval().toNanos();
    boolean sequential = setup.ttl().compareTo(SHORT) <= 0;
    long settle = kill && sequential ? interval * 3 / 2 : Duration.ofMillis(300).toNanos();
    long span = kill ? interval : Math.min(interval, Duration.ofSeconds(1).toNanos());
    long at = leader.ledSince() + settle + (long) (phase * span);
    while (System.nanoTime() < at) Thread.sleep(1);
    if (next.ledSince() != 0) throw new IllegalStateException(kind + ": two leaders at once");
    long from = System.nanoTime();
    if (kill) leader.kill();
    else leader.release();
    await(() -> next.ledSince() != 0, setup.ttl().multipliedBy(3), kind + " to lead again");
    long took = next.ledSince() - from;
    next.release();
    return took;
  }

  private static void await(BooleanSupplier condition, Duration patience, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("waited for " + what);
      Thread.sleep(1);
    }
  }

  /** Perseus beside each peer; the kill goal is against the better peer, the clean one each. */
  private static List<ResultRow> compare(
      String what, Duration ttl, Map<Kind, Latencies> measured, boolean kill) {
    Latencies perseus = measured.get(Kind.PERSEUS);
    double better =
        Math.min(
            measured.get(Kind.REDISSON).medianMicros(), measured.get(Kind.SPRING).medianMicros());
    List<ResultRow> rows = new ArrayList<>();
    for (Kind peer : List.of(Kind.REDISSON, Kind.SPRING)) {
      Latencies p = measured.get(peer);
      double ratio = perseus.medianMicros() / p.medianMicros();
      boolean met = kill ? perseus.medianMicros() <= 1.05 * better : ratio < 1;
      rows.add(
          new ResultRow(
              what + ", " + seconds(ttl) + " TTL: Perseus vs " + peer.label,
              perseus.medianMicros(),
              perseus.p99Micros(),
              p.medianMicros(),
              p.p99Micros(),
              ratio,
              kill ? "≤ 1.05× the better peer" : "< 1× (Perseus ahead)",
              met,
              null,
              null,
              null,
              TRIALS
                  + " trials each; same Redis, TTL, renewal every TTL / 3; baseline is the peer"));
    }
    return rows;
  }

  /** One leader and one waiting contender, for 30 renewal intervals, on a Redis of their own. */
  private List<ResultRow> commandsPerHeartbeat() throws Exception {
    Map<Kind, Double> perBeat = new EnumMap<>(Kind.class);
    int beats = 30;
    for (Kind kind : Kind.values()) {
      try (RedisServer redis = RedisServer.start()) {
        RedissonClient client = BenchRedis.connectTo(redis.address());
        try {
          Setup setup = new Setup(RedisServer.HOST, redis.port(), SHORT, client, worker, timers);
          Leader leader = PeerLeaders.create(kind, setup, "counted");
          leader.start();
          await(() -> leader.ledSince() != 0, SHORT.multipliedBy(3), kind + " to lead");
          Leader standby = PeerLeaders.create(kind, setup, "counted");
          standby.start();
          Thread.sleep(SHORT.toMillis() * 2);
          long before = calls(redis);
          Thread.sleep(setup.interval().toMillis() * beats);
          perBeat.put(kind, (calls(redis) - before) / (double) beats);
          standby.release();
          leader.release();
        } finally {
          client.shutdown();
        }
      }
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Kind peer : List.of(Kind.REDISSON, Kind.SPRING)) {
      double perseus = perBeat.get(Kind.PERSEUS);
      rows.add(
          new ResultRow(
              "Redis commands per heartbeat, leader + 1 waiting, 1 s TTL: Perseus vs " + peer.label,
              perseus,
              perseus,
              perBeat.get(peer),
              perBeat.get(peer),
              perseus / perBeat.get(peer),
              "— (for reading)",
              true,
              null,
              null,
              null,
              "INFO commandstats over "
                  + beats
                  + " renewal intervals (it counts the commands a script runs too)",
              "commands"));
    }
    return rows;
  }

  /** Every command Redis ran so far, but the INFO calls that read it. */
  private static long calls(RedisServer redis) {
    try (Resp r = redis.connect()) {
      String info = (String) r.call("INFO", "commandstats");
      long total = 0;
      for (String line : info.split("\r\n")) {
        if (!line.startsWith("cmdstat_") || line.startsWith("cmdstat_info:")) continue;
        int at = line.indexOf("calls=");
        total += Long.parseLong(line.substring(at + 6, line.indexOf(',', at)));
      }
      return total;
    }
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}
