package com.livermore.perseus.network;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Shares one read of the whole network among every caller within {@code maxAge}: a crowd of API
 * clients and console tabs polling at once costs Redis one pipelined batch per period, not one per
 * request. Only one caller reads at a time (the others wait for its result); failures are not kept.
 */
public final class SnapshotCache {
  private record Read(NetworkSnapshot snapshot, long startedNanos) {}

  private final long maxAgeNanos;
  private final Object readLock = new Object();
  private volatile Read last;

  public SnapshotCache(Duration maxAge) {
    this.maxAgeNanos = maxAge.toNanos();
  }

  public NetworkSnapshot get(Supplier<NetworkSnapshot> read) {
    NetworkSnapshot fresh = fresh();
    if (fresh != null) return fresh;
    synchronized (readLock) {
      fresh = fresh();
      if (fresh != null) return fresh;
      long started = System.nanoTime();
      NetworkSnapshot snapshot = read.get();
      last = new Read(snapshot, started);
      return snapshot;
    }
  }

  private NetworkSnapshot fresh() {
    Read read = last;
    return read != null && System.nanoTime() - read.startedNanos() < maxAgeNanos
        ? read.snapshot()
        : null;
  }
}
