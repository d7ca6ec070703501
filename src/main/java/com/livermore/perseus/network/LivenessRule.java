package com.livermore.perseus.network;

import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.UnreadableRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

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

  /**
   * The status of one exchange. {@code pttl} is the lease's PTTL as Redis reports it: with the
   * record's {@code leaseTtlMs} it gives the heartbeat's age on Redis's clock. When it was not
   * asked for (null), the age and the lease's remaining time are taken from the record ({@code
   * lastHeartbeat + leaseTtlMs}) against this reader's clock, and the remaining time stays unknown
   * for a record that does not carry its TTL.
   */
  public ExchangeStatus status(
      String exchange,
      String displayName,
      String leaseRaw,
      Long pttl,
      String lastRaw,
      Instant now) {
    return status(exchange, displayName, leaseRaw, pttl, lastRaw, now, RecordJson::readOwner);
  }

  /**
   * As {@link #status(String, String, String, Long, String, Instant)}, parsing records with {@code
   * parser} (which throws {@link UnreadableRecordException} for anything that is not a record).
   */
  ExchangeStatus status(
      String exchange,
      String displayName,
      String leaseRaw,
      Long pttl,
      String lastRaw,
      Instant now,
      Function<String, OwnerRecord> parser) {
    if (leaseRaw != null) {
      Long expiresIn = pttl != null && pttl >= 0 ? pttl : null;
      try {
        OwnerRecord owner = parser.apply(leaseRaw);
        if (pttl == null) {
          expiresIn =
              owner
                  .leaseExpiresAt()
                  .map(at -> Math.max(0, Duration.between(now, at).toMillis()))
                  .orElse(null);
        }
        // One clock: with the lease's PTTL and the TTL the owner set with its last write, the
        // heartbeat's age is measured by Redis (the TTL minus what is left of it), whatever the
        // writer's and this reader's wall clocks say. Uptime and time in state are then the
        // writer's own differences (measured on one clock) plus that age.
        Long measured =
            pttl != null && pttl >= 0 && owner.leaseTtlMs() != null
                ? Math.max(0, owner.leaseTtlMs() - pttl)
                : null;
        long age = measured != null ? measured : ageMs(owner.lastHeartbeat(), now);
        Liveness liveness = age <= lateAfter.toMillis() ? Liveness.ALIVE : Liveness.LATE;
        return new ExchangeStatus(
            exchange,
            displayName,
            liveness,
            owner.state().wireName(),
            age,
            expiresIn,
            sinceThenMs(owner.registeredAt(), owner.lastHeartbeat(), measured, now),
            sinceThenMs(owner.stateSince(), owner.lastHeartbeat(), measured, now),
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
            readable(lastRaw, parser),
            "unreadable owner record in the lease: " + e.getMessage());
      }
    }
    if (lastRaw == null) {
      return ExchangeStatus.withoutRecord(exchange, displayName, null);
    }
    try {
      OwnerRecord last = parser.apply(lastRaw);
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

  private static OwnerRecord readable(String raw, Function<String, OwnerRecord> parser) {
    if (raw == null) return null;
    try {
      return parser.apply(raw);
    } catch (UnreadableRecordException e) {
      return null;
    }
  }

  /**
   * Time since {@code then} (a writer's instant): with an age measured by Redis, the writer's own
   * {@code then → lastHeartbeat} plus that age; otherwise {@code now - then} across the clocks.
   */
  private static Long sinceThenMs(Instant then, Instant lastHeartbeat, Long measured, Instant now) {
    if (then == null) return null;
    if (measured == null || lastHeartbeat == null) return ageMs(then, now);
    return Math.max(0, Duration.between(then, lastHeartbeat).toMillis()) + measured;
  }

  private static Long ageMs(Instant then, Instant now) {
    return then == null ? null : Math.max(0, Duration.between(then, now).toMillis());
  }
}
