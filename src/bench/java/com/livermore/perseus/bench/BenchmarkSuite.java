package com.livermore.perseus.bench;

import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RedissonClient;

/**
 * {@code ./mvnw -Pbench verify}: starts its own Redis, runs the in-process benchmarks with JMH,
 * then starts one Payara Micro process for the HTTP, console and failover rows, and prints one
 * table (also written to {@code target/bench/results.json}). Stops exactly the processes it
 * started. A missed goal is shown in the table, not turned into a failed build: the numbers of a
 * shared machine are for reading, not for gating.
 */
public final class BenchmarkSuite {
  /** Exchanges in the network the HTTP and console rows read (99 seeded, plus the server's own). */
  static final int NETWORK = 100;

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "target");
    Path results = target.resolve("bench/results.json");
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    List<ResultRow> rows = new ArrayList<>();
    try (RedisServer redis = RedisServer.start();
        RedisServer replicated = RedisServer.start();
        RedisServer replica =
            RedisServer.start(
                "--replicaof", RedisServer.HOST, Integer.toString(replicated.port()))) {
      RedissonClient redisson = BenchRedis.connect(redis.address());
      BenchRedis.connectReplicated(replicated.address(), replicated.port());
      try {
        String only = System.getProperty("perseus.bench.only", "").trim();
        boolean handoffOnly = only.equals("handoff");
        if (!handoffOnly) rows.addAll(JmhRows.run(only));
        if (only.isEmpty() || handoffOnly) {
          rows.addAll(PlannedHandoff.measure(redisson, redis.address()));
          rows.addAll(LeaderRace.measure());
        }
        if (only.isEmpty()) {
          try (BenchServer server = BenchServer.start(target, redis.address())) {
            Fixtures.seedNetwork(
                redisson, new Keys(BenchServer.KEY_PREFIX), NETWORK - 1, Duration.ofHours(1));
            rows.add(ApiThroughput.measure(server, NETWORK));
            rows.add(BasicLogins.measure(server, NETWORK));
            rows.add(ConsolePoll.measure(server, NETWORK));
            rows.addAll(Failover.measure(redisson, redis.address(), server));
          }
        } else {
          System.out.println("Only the in-process rows containing '" + only + "' were run.");
        }
      } finally {
        redisson.shutdown();
        BenchRedis.closeReplicated();
      }
    }
    ResultTable.writeJson(rows, results);
    System.out.println();
    System.out.println(ResultTable.markdown(rows));
    System.out.println("Written to " + results);
    rows.stream()
        .filter(r -> !r.met())
        .forEach(r -> System.out.println("Goal missed: " + r.operation() + " (" + r.goal() + ")"));
    System.exit(0);
  }
}
