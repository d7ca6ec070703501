package com.livermore.perseus.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two requests measured under the same load in alternating rounds (baseline first in each), so both
 * see the same machine: the latencies of each, the median of each one's round throughputs, the
 * answers that were not 200, and the size of the measured request's answer.
 */
record AlternatingLoad(
    Latencies measured,
    Latencies baseline,
    double measuredRate,
    double baselineRate,
    long errors,
    long measuredBytes) {
  static final int ROUNDS = 3;
  static final Duration WARM_UP = Duration.ofSeconds(8);
  static final Duration ROUND = Duration.ofSeconds(5);

  static AlternatingLoad run(int clients, HttpRequest measured, HttpRequest baseline)
      throws InterruptedException {
    HttpLoad load = new HttpLoad(clients);
    load.run(baseline, WARM_UP);
    load.run(measured, WARM_UP);
    Latencies measuredLatencies = new Latencies();
    Latencies baselineLatencies = new Latencies();
    List<Double> measuredRates = new ArrayList<>();
    List<Double> baselineRates = new ArrayList<>();
    long bytes = 0;
    long errors = 0;
    for (int round = 0; round < ROUNDS; round++) {
      HttpLoad.Result b = load.run(baseline, ROUND);
      baselineLatencies.addAll(b.latencies());
      baselineRates.add(b.requestsPerSecond());
      HttpLoad.Result m = load.run(measured, ROUND);
      measuredLatencies.addAll(m.latencies());
      measuredRates.add(m.requestsPerSecond());
      bytes = m.bytesPerResponse();
      errors += m.errors() + b.errors();
    }
    return new AlternatingLoad(
        measuredLatencies,
        baselineLatencies,
        median(measuredRates),
        median(baselineRates),
        errors,
        bytes);
  }

  double ratio() {
    return measuredRate / baselineRate;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
