package com.livermore.perseus.bench;

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
  private static final double MIN_RATIO = 0.5;

  private ApiThroughput() {}

  static ResultRow measure(BenchServer server, int exchanges) throws InterruptedException {
    AlternatingLoad load =
        AlternatingLoad.run(
            CLIENTS, server.get("api/network/instances"), server.get("api/bench/ping"));
    double ratio = load.ratio();
    return new ResultRow(
        String.format("GET /api/network/instances, %d exchanges, %d clients", exchanges, CLIENTS),
        load.measured().medianMicros(),
        load.measured().p99Micros(),
        load.baseline().medianMicros(),
        load.baseline().p99Micros(),
        ratio,
        "≥ " + MIN_RATIO + "× the trivial endpoint's requests/s",
        ratio >= MIN_RATIO && load.errors() == 0,
        load.measuredRate(),
        load.baselineRate(),
        load.measuredBytes(),
        String.format(
            Locale.ROOT,
            "%.0f req/s vs %.0f req/s (trivial endpoint); %,d bytes per answer; %d answers not 200",
            load.measuredRate(),
            load.baselineRate(),
            load.measuredBytes(),
            load.errors()));
  }
}
