package com.livermore.perseus.reliability;

import java.util.HashMap;
import java.util.Map;

/**
 * The stand-in "exchange" of a fault run: it accepts an owner's action only if the action's epoch
 * is not older than the newest it has accepted for that exchange, as Kleppmann's fencing token
 * prescribes, and records every action, accepted or refused, in the {@link History}.
 */
final class FencingSink {
  private final History history;
  private final Map<String, Long> newest = new HashMap<>();

  FencingSink(History history) {
    this.history = history;
  }

  /** True when accepted. */
  synchronized boolean offer(String instance, String exchange, long epoch) {
    long seen = newest.getOrDefault(exchange, 0L);
    boolean accepted = epoch >= seen;
    if (accepted) newest.put(exchange, epoch);
    history.acted(instance, exchange, epoch, System.nanoTime(), accepted);
    return accepted;
  }
}
