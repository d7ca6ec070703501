package com.livermore.perseus.registry;

import java.time.Duration;

/** What a guarded write of the owner record found. */
public sealed interface WriteOutcome {

  /** The record (and its entry, if any) was written and the TTL renewed. */
  record Written() implements WriteOutcome {}

  /**
   * The record was written and the TTL renewed on the master, but fewer replicas than required
   * acknowledged it within {@code waited}: the renewal does not extend the owner's deadline.
   */
  record Unacknowledged(int acknowledged, int required, Duration waited) implements WriteOutcome {}

  /**
   * The lease is no longer ours: expired ({@code holderRaw} null) or held by another owner or
   * epoch. {@code dataLost}: it vanished together with its epoch counter — Redis lost its data
   * (flushed, or failed over without it), so nobody else took it.
   */
  record Lost(String holderRaw, boolean dataLost) implements WriteOutcome {

    public Lost(String holderRaw) {
      this(holderRaw, false);
    }
  }
}
