package com.livermore.perseus.instance;

import com.livermore.perseus.registry.Lease;
import java.time.Duration;
import java.time.Instant;

/**
 * How a lease ended, when (on the instance's clock), and the new holder's raw record when Redis
 * named one. Every loss, whatever its cause, reaches the instance as one of these.
 */
record LeaseLoss(Lease lease, Cause cause, String holderRaw, Instant at) {

  enum Cause {
    /** A write found the lease gone: it expired. */
    EXPIRED,
    /** A write found another instance or a newer epoch holding it: this owner is fenced. */
    TAKEN,
    /** Not renewed within its TTL because Redis did not answer; the work is known to be stopped. */
    CUT_OFF,
    /** Not renewed within its TTL because the instance itself stalled (a long pause). */
    STALLED,
    /** Renewed on the master, but no replica acknowledged a renewal within its TTL. */
    UNREPLICATED,
    /** Released on shutdown. */
    RELEASED
  }

  /** The deadline passed without Redis: nothing is known of a new holder until Redis answers. */
  boolean deadlinePassed() {
    return cause == Cause.CUT_OFF || cause == Cause.STALLED || cause == Cause.UNREPLICATED;
  }

  /** The log line, written when the loss happens: "coinbase (epoch 3): the lease expired; …". */
  String logLine(Duration ttl, String holder) {
    String why =
        switch (cause) {
          case EXPIRED -> "the lease expired";
          case TAKEN -> "the lease is now held by " + holder;
          case CUT_OFF ->
              "not renewed within its TTL of "
                  + ttl.toMillis()
                  + " ms because Redis did not answer";
          case STALLED ->
              "not renewed within its TTL of " + ttl.toMillis() + " ms (the instance stalled)";
          case UNREPLICATED ->
              "no replica acknowledged a renewal within its TTL of " + ttl.toMillis() + " ms";
          case RELEASED -> "released";
        };
    return lease.exchange() + " (epoch " + lease.epoch() + "): " + why + "; exchange work stopped.";
  }

  /** The {@code lease_lost} entry's message, naming the new holder when one is known. */
  String entryMessage(String holder) {
    return switch (cause) {
      case EXPIRED -> "the lease expired";
      case TAKEN -> "the lease is now held by " + holder;
      case CUT_OFF, STALLED, UNREPLICATED ->
          (switch (cause) {
                case CUT_OFF ->
                    "the lease was not renewed within its TTL because Redis did not answer";
                case UNREPLICATED ->
                    "no replica acknowledged a renewal of the lease within its TTL";
                default -> "the lease was not renewed within its TTL (the instance stalled)";
              })
              + (holder == null ? "" : "; it is now held by " + holder)
              + "; exchange work was stopped";
      case RELEASED -> "released";
    };
  }
}
