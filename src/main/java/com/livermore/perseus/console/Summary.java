package com.livermore.perseus.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The summary bar: how many exchanges are alive, late and dead, and how many are in each state. */
public record Summary(int total, int alive, int late, int dead, Map<String, Integer> states)
    implements Serializable {

  public static Summary of(List<CardView> cards) {
    Map<String, Integer> states = new TreeMap<>();
    int alive = 0;
    int late = 0;
    int dead = 0;
    for (CardView c : cards) {
      switch (c.liveness()) {
        case "alive" -> alive++;
        case "late" -> late++;
        default -> dead++;
      }
      if (!c.dead()) states.merge(c.state(), 1, Integer::sum);
    }
    return new Summary(
        cards.size(), alive, late, dead, java.util.Collections.unmodifiableMap(states));
  }

  public List<Map.Entry<String, Integer>> stateCounts() {
    return List.copyOf(states.entrySet());
  }
}
