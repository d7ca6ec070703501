package com.livermore.perseus.instance;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The facts of this instance's owner record that change outside the lifecycle (public IP, when it
 * registered, the last heartbeat's round trip, the last error), and the record they make together
 * with the lifecycle's state.
 */
final class RecordSnapshot {
  private final PerseusConfig config;
  private final InstanceIdentity identity;
  private volatile String publicIp;
  private volatile Instant registeredAt;
  private volatile Long heartbeatLatencyMs;
  private final ArrayDeque<Long> recentLatencies = new ArrayDeque<>(); // guarded by itself
  private volatile ErrorInfo lastError;

  RecordSnapshot(PerseusConfig config, InstanceIdentity identity) {
    this.config = config;
    this.identity = identity;
  }

  OwnerRecord of(
      Lease held,
      ConnectionState state,
      Instant since,
      Instant now,
      int symbolCount,
      Integer warmupProgress) {
    return new OwnerRecord(
        identity.instanceId(),
        config.exchange(),
        held.epoch(),
        identity.hostname(),
        publicIp,
        identity.localAddress(),
        identity.admin(),
        state,
        since,
        symbolCount,
        state == ConnectionState.WARMING ? warmupProgress : null,
        registeredAt == null ? now : registeredAt,
        now,
        heartbeatLatencyMs,
        lastError,
        identity.version(),
        config.nodeName().isEmpty() ? null : config.nodeName(),
        config.lease().ttl().toMillis(),
        recentLatencies());
  }

  private List<Long> recentLatencies() {
    synchronized (recentLatencies) {
      return recentLatencies.isEmpty() ? null : List.copyOf(recentLatencies);
    }
  }

  void publicIp(String ip) {
    publicIp = ip;
  }

  void registeredAt(Instant at) {
    registeredAt = at;
  }

  /** A renewal's round trip: the last one, and the last few for the record's sparkline. */
  void heartbeatLatency(long nanos) {
    heartbeatLatencyMs = nanos / 1_000_000;
    synchronized (recentLatencies) {
      if (recentLatencies.size() == OwnerRecord.RECENT_LATENCIES) recentLatencies.removeFirst();
      recentLatencies.addLast(heartbeatLatencyMs);
    }
  }

  void lastError(ErrorInfo error) {
    lastError = error;
  }

  ErrorInfo lastError() {
    return lastError;
  }
}
