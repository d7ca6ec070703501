package com.livermore.perseus.registry;

import java.time.Duration;

/** What a claim attempt found: the lease is ours, or someone else holds it. */
public sealed interface ClaimOutcome {

  /**
   * Redis lost its data (the epoch counter is gone though an epoch was seen before): a standby
   * waits so the previous owner can re-claim first.
   */
  record AfterDataLoss() implements ClaimOutcome {}

  /**
   * Nobody holds the lease, but an operator stopped the exchange; {@code intent} says who and when.
   */
  record HeldBack(OperatorIntent intent) implements ClaimOutcome {}

  /**
   * The claim succeeded under a freshly incremented epoch; {@code tookOver} when it replaced this
   * node's own orphaned lease after a fast restart.
   */
  record Claimed(Lease lease, boolean tookOver) implements ClaimOutcome {}

  /**
   * Redis granted the lease, but fewer replicas than required acknowledged it within {@code
   * waited}: a failover could lose it, so it must not be acted on (the claimant withdraws it).
   */
  record Unacknowledged(Lease lease, int acknowledged, int required, Duration waited)
      implements ClaimOutcome {}

  /**
   * Another instance holds the lease. {@code holder} is its record, or null when the stored value
   * could not be read as one ({@code raw} keeps it for the message).
   */
  record Conflict(OwnerRecord holder, String raw, long expiresInMs) implements ClaimOutcome {

    public Conflict(OwnerRecord holder, String raw) {
      this(holder, raw, -1);
    }

    /** A conflict with whatever the lease key holds, readable or not. */
    public static Conflict of(String raw) {
      return of(raw, -1);
    }

    /** From the claim script's {@code <pttl>:<record>}. */
    public static Conflict ofTimedReply(String payload) {
      int colon = payload.indexOf(':');
      if (colon > 0 && payload.substring(0, colon).matches("-?[0-9]{1,12}")) {
        return of(payload.substring(colon + 1), Long.parseLong(payload.substring(0, colon)));
      }
      return of(payload);
    }

    /** As {@link #of(String)}, with the lease's time left as Redis measured it (-1: unknown). */
    public static Conflict of(String raw, long expiresInMs) {
      try {
        return new Conflict(RecordJson.readOwner(raw), raw, expiresInMs);
      } catch (UnreadableRecordException e) {
        return new Conflict(null, raw, expiresInMs);
      }
    }

    /** "host (ip), instance id, holding since …" for logs and the console. */
    public String describeHolder() {
      if (holder == null) {
        return "an unreadable record";
      }
      return "instance "
          + holder.instanceId()
          + " on "
          + holder.hostname()
          + (holder.ipAddress() != null ? " (" + holder.ipAddress() + ")" : "")
          + " since "
          + holder.registeredAt()
          + " (epoch "
          + holder.epoch()
          + ")";
    }
  }
}
