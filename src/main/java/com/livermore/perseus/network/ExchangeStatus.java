package com.livermore.perseus.network;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Instant;
import java.util.List;

/**
 * One exchange as the network sees it now. {@code owner} is the live lease record (alive or late);
 * {@code lastKnown} is the {@code :last} record of a dead exchange. {@code problem} is set when a
 * stored value could not be read; the rest of the network is unaffected. {@code stoppedByOperator}
 * names who stopped the exchange network-wide, while that stop holds.
 */
@JsonPropertyOrder({
  "exchange",
  "displayName",
  "liveness",
  "state",
  "heartbeatAgeMs",
  "leaseExpiresInMs",
  "uptimeMs",
  "timeInStateMs",
  "lastSeen",
  "owner",
  "lastKnown",
  "problem",
  "stoppedByOperator",
  "standbys"
})
public record ExchangeStatus(
    String exchange,
    String displayName,
    Liveness liveness,
    String state,
    Long heartbeatAgeMs,
    Long leaseExpiresInMs,
    Long uptimeMs,
    Long timeInStateMs,
    Instant lastSeen,
    OwnerRecord owner,
    OwnerRecord lastKnown,
    String problem,
    OperatorIntent stoppedByOperator,
    List<Standby> standbys) {

  /**
   * An instance waiting to take the exchange over, and how ready it is: {@code warm} (its connector
   * is prepared, {@code prepared} 100), {@code preparing} (with the percent done) or {@code cold}
   * (it prepares nothing; {@code perseus.standby.warm} is off).
   */
  public record Standby(String instanceId, String hostname, String readiness, int prepared) {
    public Standby(String instanceId, String hostname) {
      this(instanceId, hostname, "cold", 0);
    }

    /** From the percent a standby recorded ({@code -1}: none). */
    public static Standby of(String instanceId, String hostname, int prepared) {
      if (prepared < 0) return new Standby(instanceId, hostname);
      return new Standby(instanceId, hostname, prepared >= 100 ? "warm" : "preparing", prepared);
    }

    public boolean warm() {
      return "warm".equals(readiness);
    }
  }

  public ExchangeStatus(
      String exchange,
      String displayName,
      Liveness liveness,
      String state,
      Long heartbeatAgeMs,
      Long leaseExpiresInMs,
      Long uptimeMs,
      Long timeInStateMs,
      Instant lastSeen,
      OwnerRecord owner,
      OwnerRecord lastKnown,
      String problem) {
    this(
        exchange,
        displayName,
        liveness,
        state,
        heartbeatAgeMs,
        leaseExpiresInMs,
        uptimeMs,
        timeInStateMs,
        lastSeen,
        owner,
        lastKnown,
        problem,
        null,
        List.of());
  }

  /**
   * An exchange with nothing readable to show: never seen ({@code problem} null), or flagged with
   * the reason its values could not be read.
   */
  public static ExchangeStatus withoutRecord(String exchange, String displayName, String problem) {
    return new ExchangeStatus(
        exchange,
        displayName,
        Liveness.DEAD,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        problem);
  }

  /** The same status, with the operator's stop (if any). */
  public ExchangeStatus withIntent(OperatorIntent intent) {
    return new ExchangeStatus(
        exchange,
        displayName,
        liveness,
        state,
        heartbeatAgeMs,
        leaseExpiresInMs,
        uptimeMs,
        timeInStateMs,
        lastSeen,
        owner,
        lastKnown,
        problem,
        intent,
        standbys);
  }

  /** The same status, with the standbys currently waiting for it. */
  public ExchangeStatus withStandbys(List<Standby> waiting) {
    return new ExchangeStatus(
        exchange,
        displayName,
        liveness,
        state,
        heartbeatAgeMs,
        leaseExpiresInMs,
        uptimeMs,
        timeInStateMs,
        lastSeen,
        owner,
        lastKnown,
        problem,
        stoppedByOperator,
        List.copyOf(waiting));
  }

  /** The record to show: the live one, else the last known one (may be null: never seen). */
  public OwnerRecord record() {
    return owner != null ? owner : lastKnown;
  }
}
