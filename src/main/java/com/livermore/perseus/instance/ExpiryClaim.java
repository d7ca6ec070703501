package com.livermore.perseus.instance;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A standby's claim at the moment a dying owner's lease expires. A refused claim says how long the
 * lease has left (Redis's PTTL); when that is less than one heartbeat interval, the owner has
 * stopped renewing (a live one renews every interval, so its lease never runs that low), and one
 * claim is scheduled for the expiry, as a lock waiter would retry, rather than up to an interval
 * later at the next tick. Without a scheduler the next tick claims.
 */
final class ExpiryClaim {
  private final ScheduledExecutorService scheduler;
  private final long intervalMs;
  private final Runnable claim;
  private final AtomicBoolean pending = new AtomicBoolean();

  ExpiryClaim(ScheduledExecutorService scheduler, Duration interval, Runnable claim) {
    this.scheduler = scheduler;
    this.intervalMs = interval.toMillis();
    this.claim = claim;
  }

  /** A claim was refused with {@code expiresInMs} left on the lease (-1: unknown). */
  void watch(long expiresInMs) {
    if (scheduler == null || expiresInMs < 0 || expiresInMs >= intervalMs) return;
    if (!pending.compareAndSet(false, true)) return;
    try {
      scheduler.schedule(
          () -> {
            pending.set(false);
            claim.run();
          },
          expiresInMs + 1,
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      pending.set(false); // the next tick claims
    }
  }
}
