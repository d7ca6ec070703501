package com.livermore.perseus.network;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Instant;

/**
 * One exchange as the network sees it now. {@code owner} is the live lease record (alive or late);
 * {@code lastKnown} is the {@code :last} record of a dead exchange. {@code problem} is set when a
 * stored value could not be read; the rest of the network is unaffected.
 */
@JsonPropertyOrder({"exchange", "displayName", "liveness", "state", "heartbeatAgeMs", "leaseExpiresInMs", "uptimeMs",
    "timeInStateMs", "lastSeen", "owner", "lastKnown", "problem"})
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
    String problem) {

  /** The record to show: the live one, else the last known one (may be null: never seen). */
  public OwnerRecord record() {
    return owner != null ? owner : lastKnown;
  }
}
