package com.livermore.perseus.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.lifecycle.ConnectionState;
import java.time.Instant;

/**
 * The owner record stored in {@code exchange:{x}:instance} (and {@code :last}), with the field
 * names of DESIGN.md, plus {@code nodeName} (the configured {@code perseus.node-name}, used to
 * recognise a fast restart). Absent values are written as JSON {@code null}, never left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "instanceId",
  "exchange",
  "epoch",
  "hostname",
  "ipAddress",
  "localAddress",
  "admin",
  "state",
  "stateSince",
  "symbolCount",
  "warmupProgress",
  "registeredAt",
  "lastHeartbeat",
  "heartbeatLatencyMs",
  "lastError",
  "version",
  "nodeName"
})
public record OwnerRecord(
    String instanceId,
    String exchange,
    long epoch,
    String hostname,
    String ipAddress,
    String localAddress,
    String admin,
    ConnectionState state,
    Instant stateSince,
    int symbolCount,
    Integer warmupProgress,
    Instant registeredAt,
    Instant lastHeartbeat,
    Long heartbeatLatencyMs,
    ErrorInfo lastError,
    String version,
    String nodeName) {

  /** A record without a configured node name. */
  public OwnerRecord(
      String instanceId,
      String exchange,
      long epoch,
      String hostname,
      String ipAddress,
      String localAddress,
      String admin,
      ConnectionState state,
      Instant stateSince,
      int symbolCount,
      Integer warmupProgress,
      Instant registeredAt,
      Instant lastHeartbeat,
      Long heartbeatLatencyMs,
      ErrorInfo lastError,
      String version) {
    this(
        instanceId,
        exchange,
        epoch,
        hostname,
        ipAddress,
        localAddress,
        admin,
        state,
        stateSince,
        symbolCount,
        warmupProgress,
        registeredAt,
        lastHeartbeat,
        heartbeatLatencyMs,
        lastError,
        version,
        null);
  }

  public OwnerRecord withEpoch(long newEpoch) {
    return new OwnerRecord(
        instanceId,
        exchange,
        newEpoch,
        hostname,
        ipAddress,
        localAddress,
        admin,
        state,
        stateSince,
        symbolCount,
        warmupProgress,
        registeredAt,
        lastHeartbeat,
        heartbeatLatencyMs,
        lastError,
        version,
        nodeName);
  }

  public OwnerRecord withRegisteredAt(Instant at) {
    return new OwnerRecord(
        instanceId,
        exchange,
        epoch,
        hostname,
        ipAddress,
        localAddress,
        admin,
        state,
        stateSince,
        symbolCount,
        warmupProgress,
        at,
        lastHeartbeat,
        heartbeatLatencyMs,
        lastError,
        version,
        nodeName);
  }
}
