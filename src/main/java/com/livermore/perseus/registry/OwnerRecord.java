package com.livermore.perseus.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.lifecycle.ConnectionState;
import java.time.Instant;

/**
 * The owner record stored in {@code exchange:{x}:instance} (and {@code :last}), with the field
 * names of DESIGN.md. Absent values are written as JSON {@code null}, never left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"instanceId", "exchange", "epoch", "hostname", "ipAddress", "localAddress", "admin", "state",
    "stateSince", "symbolCount", "warmupProgress", "registeredAt", "lastHeartbeat", "heartbeatLatencyMs", "lastError",
    "version"})
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
    String version) {

  public OwnerRecord withEpoch(long newEpoch) {
    return new OwnerRecord(instanceId, exchange, newEpoch, hostname, ipAddress, localAddress, admin, state, stateSince,
        symbolCount, warmupProgress, registeredAt, lastHeartbeat, heartbeatLatencyMs, lastError, version);
  }

  public OwnerRecord withRegisteredAt(Instant at) {
    return new OwnerRecord(instanceId, exchange, epoch, hostname, ipAddress, localAddress, admin, state, stateSince,
        symbolCount, warmupProgress, at, lastHeartbeat, heartbeatLatencyMs, lastError, version);
  }
}
