package com.livermore.perseus.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/network/instances} under 50 concurrent clients against the trivial {@link
 * PingResource} in the same server. The two alternate in rounds so both see the same machine; the
 * row's ratio is the median throughput of the API over the median throughput of the trivial
 * endpoint, met at 0.5 or more with every answer a 200 (only 200s count as throughput). Its latency
 * columns are the latencies of the 200s under that load.
 */
final class ApiThroughput {
  static final int CLIENTS = 50;
  private static final int ROUNDS = 3;
  private static final Duration WARM_UP = Duration.ofSeconds(8);
  private static final Duration ROUND = Duration.ofSeconds(5);
  private static final double MIN_RATIO = 0.5;

  private ApiThroughput() {}

  static ResultRow measure(BenchServer server, int exchanges) throws InterruptedException {
    HttpLoad load = new HttpLoad(CLIENTS);
    HttpRequest instances = server.get("api/network/instances");
    HttpRequest ping = server.get("api/bench/ping");
    load.run(ping, WARM_UP);
    load.run(instances, WARM_UP);
    Latencies perseus = new Latencies();
    Latencies baseline = new Latencies();
    List<Double> perseusRates = new ArrayList<>();
    List<Double> baselineRates = new ArrayList<>();
    long bytes = 0;
    long errors = 0;
    for (int round = 0; round < ROUNDS; round++) {
      HttpLoad.Result p = load.run(ping, ROUND);
      baseline.addAll(p.latencies());
      baselineRates.add(p.requestsPerSecond());
      HttpLoad.Result i = load.run(instances, ROUND);
      perseus.addAll(i.latencies());
      perseusRates.add(i.requestsPerSecond());
      bytes = i.bytesPerResponse();
      errors += i.errors() + p.errors();
    }
    double perseusRate = median(perseusRates);
    double baselineRate = median(baselineRates);
    double ratio = perseusRate / baselineRate;
    return new ResultRow(
        String.format("GET /api/network/instances, %d exchanges, %d clients", exchanges, CLIENTS),
        perseus.medianMicros(),
        perseus.p99Micros(),
        baseline.medianMicros(),
        baseline.p99Micros(),
        ratio,
        "≥ " + MIN_RATIO + "× the trivial endpoint's requests/s",
        ratio >= MIN_RATIO && errors == 0,
        perseusRate,
        baselineRate,
        bytes,
        String.format(
            Locale.ROOT,
            "%.0f req/s vs %.0f req/s (trivial endpoint); %,d bytes per answer; %d answers not 200",
            perseusRate,
            baselineRate,
            bytes,
            errors));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
