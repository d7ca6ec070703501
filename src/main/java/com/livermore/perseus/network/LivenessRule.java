package com.livermore.perseus.network;

import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.UnreadableRecordException;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns the raw values of one exchange (lease, its PTTL, {@code :last}) into an {@link
 * ExchangeStatus}. Pure, so the rule is unit-tested without Redis.
 */
public final class LivenessRule {
  private final Duration lateAfter;

  /** An instance is late once its heartbeat is older than 1.5 × the heartbeat interval. */
  public LivenessRule(Duration heartbeatInterval) {
    this.lateAfter = Duration.ofMillis(heartbeatInterval.toMillis() * 3 / 2);
  }

  public Duration lateAfter() {
    return lateAfter;
  }

  public ExchangeStatus status(
      String exchange,
      String displayName,
      String leaseRaw,
      Long pttl,
      String lastRaw,
      Instant now) {
    if (leaseRaw != null) {
      Long expiresIn = pttl != null && pttl >= 0 ? pttl : null;
      try {
        OwnerRecord owner = RecordJson.readOwner(leaseRaw);
        long age = ageMs(owner.lastHeartbeat(), now);
        Liveness liveness = age <= lateAfter.toMillis() ? Liveness.ALIVE : Liveness.LATE;
        return new ExchangeStatus(
            exchange,
            displayName,
            liveness,
            owner.state().wireName(),
            age,
            expiresIn,
            ageMs(owner.registeredAt(), now),
            ageMs(owner.stateSince(), now),
            owner.lastHeartbeat(),
            owner,
            null,
            null);
      } catch (UnreadableRecordException e) {
        // A lease exists, so someone holds the exchange; without a readable heartbeat it counts as
        // late.
        return new ExchangeStatus(
            exchange,
            displayName,
            Liveness.LATE,
            null,
            null,
            expiresIn,
            null,
            null,
            null,
            null,
            readable(lastRaw),
            "unreadable owner record in the lease: " + e.getMessage());
      }
    }
    if (lastRaw == null) {
      return ExchangeStatus.withoutRecord(exchange, displayName, null);
    }
    try {
      OwnerRecord last = RecordJson.readOwner(lastRaw);
      return new ExchangeStatus(
          exchange,
          displayName,
          Liveness.DEAD,
          last.state().wireName(),
          ageMs(last.lastHeartbeat(), now),
          null,
          null,
          null,
          last.lastHeartbeat(),
          null,
          last,
          null);
    } catch (UnreadableRecordException e) {
      return ExchangeStatus.withoutRecord(
          exchange, displayName, "unreadable last-known record: " + e.getMessage());
    }
  }

  private static OwnerRecord readable(String raw) {
    if (raw == null) return null;
    try {
      return RecordJson.readOwner(raw);
    } catch (UnreadableRecordException e) {
      return null;
    }
  }

  private static Long ageMs(Instant then, Instant now) {
    return then == null ? null : Math.max(0, Duration.between(then, now).toMillis());
  }
}
