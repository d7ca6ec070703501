package com.livermore.perseus.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * What an owner publishes on {@code perseus:handoff:{x}} right after it released its lease cleanly
 * (a {@code handoff} command, or its shutdown): the lease it held and the standby that should claim
 * now ({@code to}; null: any), with the master's online replicas and run id as the release saw them
 * ({@code replicas}, {@code runId}). Standbys listen while they wait; the named one claims at once
 * instead of at its next heartbeat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffNotice(
    String exchange,
    String from,
    long epoch,
    String to,
    Instant at,
    Integer replicas,
    String runId) {

  /** A notice as the releaser builds it; the release script adds the master's replicas. */
  public HandoffNotice(String exchange, String from, long epoch, String to, Instant at) {
    this(exchange, from, epoch, to, at, null, null);
  }

  public String toJson() {
    return RecordJson.write(this);
  }

  /** True when the instance {@code instanceId} is the one this notice asks to claim. */
  public boolean addresses(String instanceId) {
    return to == null || to.isEmpty() || to.equals(instanceId);
  }

  /** The notice a message carries, or empty for anything else. */
  public static Optional<HandoffNotice> fromJson(String json) {
    try {
      HandoffNotice n = RecordJson.mapper().readValue(json, HandoffNotice.class);
      return n == null || n.exchange() == null ? Optional.empty() : Optional.of(n);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
