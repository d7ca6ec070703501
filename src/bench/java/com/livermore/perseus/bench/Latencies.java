package com.livermore.perseus.bench;

import java.util.Arrays;

/** Every latency of one measurement, in nanoseconds, and its nearest-rank percentiles. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int size;

  void add(long nanosTaken) {
    if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
    nanos[size++] = nanosTaken;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) add(other.nanos[i]);
  }

  int count() {
    return size;
  }

  double medianMicros() {
    return percentileMicros(50);
  }

  double p99Micros() {
    return percentileMicros(99);
  }

  /** The smallest recorded value that at least {@code percent} % of the values do not exceed. */
  double percentileMicros(double percent) {
    if (size == 0) throw new IllegalStateException("nothing was measured");
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * size);
    return sorted[Math.max(0, rank - 1)] / 1_000.0;
  }
}
