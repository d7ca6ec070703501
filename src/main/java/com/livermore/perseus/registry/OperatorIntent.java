package com.livermore.perseus.registry;

import java.time.Instant;

/**
 * An operator's {@code stop}, stored in {@code exchange:{x}:intent}: the exchange stays stopped
 * network-wide (no standby claims it) until a {@code start}.
 */
public record OperatorIntent(String stoppedBy, Instant at) {

  /** Reads the stored JSON; anything unreadable still counts as a stop by "unknown". */
  public static OperatorIntent parse(String json) {
    try {
      OperatorIntent i = RecordJson.mapper().readValue(json, OperatorIntent.class);
      return i == null ? new OperatorIntent("unknown", null) : i;
    } catch (Exception e) {
      return new OperatorIntent("unknown", null);
    }
  }
}
