package com.livermore.perseus.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.lifecycle.ConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The owner record stored in {@code exchange:{x}:instance} (and {@code :last}), with the field
 * names of docs/DESIGN.md, plus {@code nodeName} (the configured {@code perseus.node-name}, used to
 * recognise a fast restart) and {@code leaseTtlMs} (the TTL the owner renews its lease with, so a
 * reader knows when the lease runs out without asking Redis for its PTTL) and {@code
 * recentLatencyMs} (the round trips of the last renewals, oldest first, at most {@link
 * #RECENT_LATENCIES}, written with the renewal itself). Absent values are written as JSON {@code
 * null}, never left out.
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
  "nodeName",
  "leaseTtlMs",
  "recentLatencyMs"
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
    String nodeName,
    Long leaseTtlMs,
    List<Long> recentLatencyMs) {

  /** How many of the last renewals' round trips a record carries at most. */
  public static final int RECENT_LATENCIES = 20;

  public OwnerRecord {
    recentLatencyMs = recentLatencyMs == null ? null : List.copyOf(recentLatencyMs);
  }

  /**
   * A record without the last renewals' round trips (as written before {@code recentLatencyMs}).
   */
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
      String version,
      String nodeName,
      Long leaseTtlMs) {
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
        nodeName,
        leaseTtlMs,
        null);
  }

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

  /** A record that does not say its lease TTL (as written before {@code leaseTtlMs} existed). */
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
      String version,
      String nodeName) {
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
        nodeName,
        null);
  }

  /**
   * When the lease written with this record runs out, as far as the record itself says: {@code
   * lastHeartbeat + leaseTtlMs} (the renewal is sent after {@code lastHeartbeat} is taken, so the
   * real expiry is never earlier); empty for a record that does not carry its TTL.
   */
  public Optional<Instant> leaseExpiresAt() {
    return lastHeartbeat == null || leaseTtlMs == null
        ? Optional.empty()
        : Optional.of(lastHeartbeat.plusMillis(leaseTtlMs));
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
        nodeName,
        leaseTtlMs,
        recentLatencyMs);
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
        nodeName,
        leaseTtlMs,
        recentLatencyMs);
  }
}
