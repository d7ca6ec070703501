package com.livermore.perseus.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the in-process benchmarks with JMH (sample-time mode: every call's latency is sampled) and
 * turns each Perseus benchmark and its baseline into a row.
 *
 * <p>The two sides of a row are measured in alternating short trials (Perseus, baseline, baseline,
 * Perseus, …), so both see the same machine, as the HTTP rows do. Measured one after the other, a
 * few seconds each, the same code gave renewal ratios from 0.94× to 2.06× on this 2-core machine:
 * the machine's drift between two runs was larger than the difference between the two paths. A
 * row's medians and p99s pool the samples of all its trials; its note gives the spread of the
 * per-round ratios.
 *
 * <p>JMH runs without forking, inside the suite's own JVM (already separate from Maven), because
 * each row must compare the two paths over the same Redisson client and connections; the paths are
 * bound by network round trips, not by the JIT profile that forking protects.
 */
final class JmhRows {
  /** Alternating rounds per row; each round is one trial of each side. */
  private static final int ROUNDS = 8;

  /** Warm-up of each side before the first round (JIT, connections, the readers' caches). */
  private static final int WARMUP_SECONDS = 3;

  /** Re-entry into a path at the start of each trial, not measured. */
  private static final TimeValue REENTRY = TimeValue.milliseconds(250);

  private JmhRows() {}

  /**
   * A Perseus benchmark, the baseline it is compared to (both methods of {@code benchmarks}), the
   * highest acceptable ratio, and how long each trial measures.
   */
  private record Pair(
      String operation,
      Class<?> benchmarks,
      String perseus,
      String baseline,
      Map<String, String> params,
      double maxRatio,
      TimeValue trial) {}

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "lease renewal",
              LeaseBenchmarks.class,
              "renewal",
              "renewalBaselinePing",
              Map.of(),
              1.5,
              TimeValue.seconds(1)),
          new Pair(
              "claim",
              LeaseBenchmarks.class,
              "claim",
              "claimBaselineSetNxPx",
              Map.of(),
              1.5,
              TimeValue.seconds(1)),
          new Pair(
              "lease renewal, acknowledged by a replica",
              ReplicatedLeaseBenchmarks.class,
              "renewal",
              "renewalBaselineSetPxWait",
              Map.of(),
              1.5,
              TimeValue.seconds(1)),
          new Pair(
              "claim, acknowledged by a replica",
              ReplicatedLeaseBenchmarks.class,
              "claim",
              "claimBaselineSetNxPxWait",
              Map.of(),
              1.5,
              TimeValue.seconds(1)),
          read(100),
          read(1_000),
          read(10_000),
          new Pair(
              "activity append with trimming",
              ActivityBenchmarks.class,
              "append",
              "appendBaselineXadd",
              Map.of(),
              1.5,
              TimeValue.seconds(1)),
          new Pair(
              "activity page, 50 entries over 10 exchanges",
              ActivityBenchmarks.class,
              "page",
              "pageBaselineXrevrange",
              Map.of(),
              3,
              TimeValue.seconds(1)));

  /** A whole-network read takes up to ~150 ms at 10,000 exchanges: longer trials. */
  private static Pair read(int exchanges) {
    return new Pair(
        String.format("network read, %,d exchanges", exchanges),
        NetworkReadBenchmarks.class,
        "read",
        "readBaselinePipelinedGet",
        Map.of("exchanges", Integer.toString(exchanges)),
        2,
        TimeValue.seconds(2));
  }

  /** Every row, or with {@code only} set, the rows whose operation contains it. */
  static List<ResultRow> run(String only) throws RunnerException {
    List<ResultRow> rows = new ArrayList<>();
    for (Pair pair : PAIRS) {
      if (only.isEmpty() || pair.operation().contains(only)) rows.add(measure(pair));
    }
    return rows;
  }

  private static ResultRow measure(Pair pair) throws RunnerException {
    trial(pair, pair.perseus(), WARMUP_SECONDS);
    trial(pair, pair.baseline(), WARMUP_SECONDS);
    MultisetStatistics perseus = new MultisetStatistics();
    MultisetStatistics baseline = new MultisetStatistics();
    List<Double> roundRatios = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean perseusFirst = round % 2 == 0;
      Statistics first = trial(pair, perseusFirst ? pair.perseus() : pair.baseline(), 0);
      Statistics second = trial(pair, perseusFirst ? pair.baseline() : pair.perseus(), 0);
      Statistics p = perseusFirst ? first : second;
      Statistics b = perseusFirst ? second : first;
      roundRatios.add(p.getPercentile(50) / b.getPercentile(50));
      pool(p, perseus);
      pool(b, baseline);
    }
    ResultRow row =
        ResultRow.latency(
                pair.operation(),
                new ResultRow.Latency(perseus.getPercentile(50), perseus.getPercentile(99)),
                new ResultRow.Latency(baseline.getPercentile(50), baseline.getPercentile(99)),
                pair.maxRatio())
            .withNote(spread(roundRatios));
    System.out.printf(Locale.ROOT, "%-45s %.2f× (%s)%n", pair.operation(), row.ratio(), row.note());
    return row;
  }

  /**
   * One JMH trial of one method: {@code warmupSeconds} of warm-up (or a short re-entry), then one
   * measured iteration of the pair's trial time.
   */
  private static Statistics trial(Pair pair, String method, int warmupSeconds)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(pair.benchmarks().getName() + "." + method) + "$")
            .forks(0)
            .warmupIterations(warmupSeconds > 0 ? warmupSeconds : 1)
            .warmupTime(warmupSeconds > 0 ? TimeValue.seconds(1) : REENTRY)
            .measurementIterations(1)
            .measurementTime(pair.trial())
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true);
    pair.params().forEach(options::param);
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException(
          "JMH ran " + results.size() + " benchmarks for " + method + ", expected one");
    }
    return results.iterator().next().getPrimaryResult().getStatistics();
  }

  private static void pool(Statistics trial, MultisetStatistics all) {
    trial.getRawData().forEachRemaining(e -> all.addValue(e.getKey(), e.getValue()));
  }

  /** {@code rounds 1.21–1.34×}: the lowest and highest of the per-round ratios. */
  private static String spread(List<Double> ratios) {
    return String.format(
        Locale.ROOT,
        "%d rounds: %.2f–%.2f×",
        ratios.size(),
        ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }
}
