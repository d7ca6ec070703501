package com.livermore.perseus.config;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How many replicas must acknowledge a claim or a renewal before the instance trusts it ({@code
 * WAIT} after the lease script), and how long it waits for them. {@code auto} (empty {@code count})
 * waits for one replica when the master holding the lease reports a connected replica, and for none
 * otherwise.
 */
public record ReplicaAckSettings(OptionalInt count, Duration timeout) {
  public static final String REPLICA_ACKS = "perseus.redis.replica-acks";
  public static final String REPLICA_ACK_TIMEOUT = "perseus.redis.replica-ack-timeout";

  /** {@code auto}, waiting a third of the default 15 s heartbeat interval. */
  public static final ReplicaAckSettings AUTO =
      new ReplicaAckSettings(OptionalInt.empty(), Duration.ofSeconds(5));

  /**
   * Read with the heartbeat interval: the timeout defaults to a third of it and may not exceed it.
   */
  static ReplicaAckSettings read(ConfigValues values, Duration heartbeatInterval) {
    String text = values.text(REPLICA_ACKS, "auto").toLowerCase(Locale.ROOT);
    OptionalInt count;
    if (text.equals("auto")) {
      count = OptionalInt.empty();
    } else if (text.matches("[0-9]{1,2}") && Integer.parseInt(text) <= 16) {
      count = OptionalInt.of(Integer.parseInt(text));
    } else {
      throw new InvalidConfigurationException(
          REPLICA_ACKS
              + " must be 'auto' or a number of replicas from 0 to 16, but was '"
              + text
              + "'.");
    }
    Duration timeout =
        values.duration(
            REPLICA_ACK_TIMEOUT,
            heartbeatInterval.dividedBy(3),
            Duration.ofMillis(1),
            heartbeatInterval);
    return new ReplicaAckSettings(count, timeout);
  }

  public boolean auto() {
    return count.isEmpty();
  }

  @Override
  public String toString() {
    return (auto() ? "auto" : Integer.toString(count.getAsInt()))
        + " within "
        + Durations.format(timeout);
  }
}
