package com.livermore.perseus.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the benchmark table and of {@code target/bench/results.json}. Latencies are in
 * microseconds; {@code ratio} is Perseus over baseline (for the throughput row, Perseus requests/s
 * over baseline requests/s), {@code goal} is the bound as text and {@code met} whether this run
 * kept it. Rows without a baseline leave the baseline fields and the ratio null; {@code note}
 * carries what a row reports besides latency (requests/s, bytes).
 */
@JsonPropertyOrder({
  "operation",
  "perseusMedianMicros",
  "perseusP99Micros",
  "baselineMedianMicros",
  "baselineP99Micros",
  "ratio",
  "goal",
  "met"
})
record ResultRow(
    String operation,
    double perseusMedianMicros,
    double perseusP99Micros,
    Double baselineMedianMicros,
    Double baselineP99Micros,
    Double ratio,
    String goal,
    boolean met,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double perseusRequestsPerSecond,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double baselineRequestsPerSecond,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long responseBytes,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note,
    @JsonInclude(JsonInclude.Include.NON_NULL) String unit) {

  /** A row of times (microseconds). */
  ResultRow(
      String operation,
      double perseusMedianMicros,
      double perseusP99Micros,
      Double baselineMedianMicros,
      Double baselineP99Micros,
      Double ratio,
      String goal,
      boolean met,
      Double perseusRequestsPerSecond,
      Double baselineRequestsPerSecond,
      Long responseBytes,
      String note) {
    this(
        operation,
        perseusMedianMicros,
        perseusP99Micros,
        baselineMedianMicros,
        baselineP99Micros,
        ratio,
        goal,
        met,
        perseusRequestsPerSecond,
        baselineRequestsPerSecond,
        responseBytes,
        note,
        null);
  }

  /** A latency row: met when the ratio of the medians is at most {@code maxRatio}. */
  static ResultRow latency(String operation, Latency perseus, Latency baseline, double maxRatio) {
    double ratio = perseus.median() / baseline.median();
    return new ResultRow(
        operation,
        perseus.median(),
        perseus.p99(),
        baseline.median(),
        baseline.p99(),
        ratio,
        "≤ " + maxRatio + "×",
        ratio <= maxRatio,
        null,
        null,
        null,
        null);
  }

  ResultRow withNote(String note) {
    return new ResultRow(
        operation,
        perseusMedianMicros,
        perseusP99Micros,
        baselineMedianMicros,
        baselineP99Micros,
        ratio,
        goal,
        met,
        perseusRequestsPerSecond,
        baselineRequestsPerSecond,
        responseBytes,
        note);
  }

  /** Median and 99th percentile of one measured path, in microseconds. */
  record Latency(double median, double p99) {
    static Latency of(Latencies all) {
      return new Latency(all.medianMicros(), all.p99Micros());
    }
  }
}
