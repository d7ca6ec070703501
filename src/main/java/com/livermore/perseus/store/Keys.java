package com.livermore.perseus.store;

/**
 * Every Redis key name Perseus uses, built here and nowhere else. Per-exchange keys share the hash
 * tag {@code {<exchange>}} so one script may touch them together, also in Redis Cluster.
 */
public final class Keys {
  private final String prefix;

  public Keys(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  public String instance(String exchange) {
    return prefix + "exchange:{" + exchange + "}:instance";
  }

  public String last(String exchange) {
    return prefix + "exchange:{" + exchange + "}:last";
  }

  public String epoch(String exchange) {
    return prefix + "exchange:{" + exchange + "}:epoch";
  }

  public String activity(String exchange) {
    return prefix + "logs:network:{" + exchange + "}";
  }

  /**
   * Operator intent: present while an operator's {@code stop} holds the exchange stopped
   * network-wide.
   */
  public String intent(String exchange) {
    return prefix + "exchange:{" + exchange + "}:intent";
  }

  /** The outcome of one command, kept for ten minutes. */
  public String commandOutcome(String exchange, String commandId) {
    return prefix + "exchange:{" + exchange + "}:command:" + commandId;
  }

  /** Pub/sub channel on which the owning instance receives commands. */
  public String commandChannel(String exchange) {
    return prefix + "perseus:commands:{" + exchange + "}";
  }

  /** Pub/sub channel on which the owner announces each command's outcome as it writes it. */
  public String commandOutcomes(String exchange) {
    return prefix + "perseus:command-outcomes:{" + exchange + "}";
  }

  /** Pub/sub channel on which an owner that released its lease cleanly tells the standbys. */
  public String handoffChannel(String exchange) {
    return prefix + "perseus:handoff:{" + exchange + "}";
  }

  /**
   * How far each warm standby has prepared its connector: a hash of {@code instanceId} to percent
   * (100: warm), expiring one TTL after the last announcement.
   */
  public String prepared(String exchange) {
    return prefix + "exchange:{" + exchange + "}:prepared";
  }

  /**
   * Standbys waiting for the exchange: a sorted set of {@code instanceId|hostname} scored by expiry
   * (ms).
   */
  public String standbys(String exchange) {
    return prefix + "exchange:{" + exchange + "}:standbys";
  }

  /**
   * Marks that a death of the exchange at this epoch was already reported (by whichever instance
   * saw it first).
   */
  public String deathNotice(String exchange, long epoch) {
    return prefix + "exchange:{" + exchange + "}:death-noticed:" + epoch;
  }

  /** Exchanges re-claimed after Redis lost its data: exchange → time, for an hour. */
  public String recovery() {
    return prefix + "network:recovery";
  }

  public String exchanges() {
    return prefix + "network:exchanges";
  }
}
