package com.livermore.perseus.instance;

import java.util.function.Supplier;

/** What an instance reports for monitoring; the container provides a Prometheus-backed one. */
public interface InstanceMetrics {
  InstanceMetrics NONE = new InstanceMetrics() {};

  /** One lease renewal round trip: how long it took and whether the lease was still ours. */
  default void renewal(long nanos, boolean held) {}

  /** One claim attempt that Redis answered; {@code claimed} when it won a trusted lease. */
  default void claimAttempt(boolean claimed) {}

  /** A renewal that could not reach Redis. */
  default void renewalFailed() {}

  default void leaseLost() {}

  /** Activity entries written (by a script or an append). */
  default void appended(int entries) {}

  /** Identical errors folded into an {@code errors_suppressed} entry. */
  default void suppressed(long count) {}

  /** 1 while this instance holds its lease, else 0. */
  default void leasesHeld(Supplier<Number> held) {}

  /** Who this instance is, for its info series: told once, when it is built. */
  default void identity(InstanceIdentity identity, String exchange) {}
}
