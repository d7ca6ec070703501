package com.livermore.perseus.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the in-process benchmarks with JMH (sample-time mode: every call's latency is sampled) and
 * turns each Perseus benchmark and its baseline into a row.
 *
 * <p>JMH runs without forking, inside the suite's own JVM (already separate from Maven), because
 * each row must compare the two paths over the same Redisson client and connections; the paths are
 * bound by network round trips, not by the JIT profile that forking protects.
 */
final class JmhRows {
  private JmhRows() {}

  /** A Perseus benchmark, the baseline it is compared to, and the highest acceptable ratio. */
  private record Pair(
      String operation, String perseus, String baseline, String exchanges, double maxRatio) {}

  private static final List<Pair> PAIRS =
      List.of(
          new Pair("lease renewal", "LeaseBenchmarks.renewal", "renewalBaselinePing", null, 1.5),
          new Pair("claim", "LeaseBenchmarks.claim", "claimBaselineSetNxPx", null, 1.5),
          read(100),
          read(1_000),
          read(10_000),
          new Pair(
              "activity append with trimming",
              "ActivityBenchmarks.append",
              "appendBaselineXadd",
              null,
              1.5),
          new Pair(
              "activity page, 50 entries over 10 exchanges",
              "ActivityBenchmarks.page",
              "pageBaselineXrevrange",
              null,
              3));

  private static Pair read(int exchanges) {
    return new Pair(
        String.format("network read, %,d exchanges", exchanges),
        "NetworkReadBenchmarks.read",
        "readBaselinePipelinedGet",
        Integer.toString(exchanges),
        2);
  }

  static List<ResultRow> run() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(LeaseBenchmarks.class.getName())
            .include(NetworkReadBenchmarks.class.getName())
            .include(ActivityBenchmarks.class.getName())
            .forks(0)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    List<ResultRow> rows = new ArrayList<>();
    for (Pair pair : PAIRS) {
      String benchmarkClass = pair.perseus().substring(0, pair.perseus().indexOf('.') + 1);
      rows.add(
          ResultRow.latency(
              pair.operation(),
              latency(results, pair.perseus(), pair.exchanges()),
              latency(results, benchmarkClass + pair.baseline(), pair.exchanges()),
              pair.maxRatio()));
    }
    return rows;
  }

  private static ResultRow.Latency latency(
      Collection<RunResult> results, String benchmark, String exchanges) {
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      if (params.getBenchmark().endsWith("." + benchmark)
          && (exchanges == null || exchanges.equals(params.getParam("exchanges")))) {
        var statistics = result.getPrimaryResult().getStatistics();
        return new ResultRow.Latency(statistics.getPercentile(50), statistics.getPercentile(99));
      }
    }
    throw new IllegalStateException("JMH reported no result for " + benchmark);
  }
}
