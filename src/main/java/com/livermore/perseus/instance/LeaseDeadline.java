package com.livermore.perseus.instance;

import java.time.Duration;

/**
 * The step-down rule: a lease granted by a renewal (or claim) sent at {@code t} on the monotonic
 * clock runs out at {@code t + TTL}, whatever Redis says afterwards. An owner that has not renewed
 * by then must assume another instance holds the exchange (Redis may answer others while it cannot
 * reach Redis) and stop its work without waiting for Redis. Pure: callers pass {@link
 * System#nanoTime()} readings, so the rule is tested with plain numbers.
 */
final class LeaseDeadline {
  private final long ttlNanos;
  private volatile long grantedUntil;

  LeaseDeadline(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** Redis granted the lease for one TTL from {@code sentAtNanos}, when the call was sent. */
  void grantedAt(long sentAtNanos) {
    grantedUntil = sentAtNanos + ttlNanos;
  }

  /** How long a renewal sent at {@code nowNanos} may wait for Redis; 0 or less once it passed. */
  long patienceNanos(long nowNanos) {
    return grantedUntil - nowNanos;
  }

  /** True from the deadline on (compared as a difference, so it survives nanoTime wrapping). */
  boolean passed(long nowNanos) {
    return nowNanos - grantedUntil >= 0;
  }
}
