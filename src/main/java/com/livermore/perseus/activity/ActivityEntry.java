package com.livermore.perseus.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of the network, as stored in a stream entry: flat field/value pairs named as in
 * docs/DESIGN.md ({@code type, exchange, instanceId, epoch, hostname, from, to, message, count,
 * at}); absent fields are omitted.
 */
public record ActivityEntry(
    EventType type,
    String exchange,
    String instanceId,
    long epoch,
    String hostname,
    String from,
    String to,
    String message,
    Long count,
    Instant at) {

  /**
   * Starts an entry of the given type for an instance; the optional fields are set with the
   * withers.
   */
  public static ActivityEntry of(
      EventType type, String exchange, String instanceId, long epoch, String hostname, Instant at) {
    return new ActivityEntry(
        type, exchange, instanceId, epoch, hostname, null, null, null, null, at);
  }

  public ActivityEntry withStates(String from, String to) {
    return new ActivityEntry(
        type, exchange, instanceId, epoch, hostname, from, to, message, count, at);
  }

  public ActivityEntry withMessage(String message) {
    return new ActivityEntry(
        type, exchange, instanceId, epoch, hostname, from, to, message, count, at);
  }

  public ActivityEntry withCount(long count) {
    return new ActivityEntry(
        type, exchange, instanceId, epoch, hostname, from, to, message, count, at);
  }

  public ActivityEntry withEpoch(long epoch) {
    return new ActivityEntry(
        type, exchange, instanceId, epoch, hostname, from, to, message, count, at);
  }

  /**
   * The stream fields in a stable order. {@code epoch} is left out when {@code withoutEpoch} is
   * set, for scripts that only learn the epoch while they run (the claim) and append it themselves.
   */
  public List<String> fields(boolean withoutEpoch) {
    List<String> f = new ArrayList<>(20);
    add(f, "type", type.wireName());
    add(f, "exchange", exchange);
    add(f, "instanceId", instanceId);
    if (!withoutEpoch) add(f, "epoch", Long.toString(epoch));
    add(f, "hostname", hostname);
    add(f, "from", from);
    add(f, "to", to);
    add(f, "message", message);
    add(f, "count", count == null ? null : count.toString());
    add(f, "at", at.toString());
    return f;
  }

  private static void add(List<String> fields, String name, String value) {
    if (value != null) {
      fields.add(name);
      fields.add(value);
    }
  }
}
