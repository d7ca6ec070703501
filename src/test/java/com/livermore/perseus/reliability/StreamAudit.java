package com.livermore.perseus.reliability;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.Transitions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an exchange's whole activity stream after a run and checks that nothing was lost and no
 * fenced owner acted: for each instance, its {@code state_changed} entries form one unbroken chain
 * of allowed transitions (each {@code from} is the previous {@code to}), every state the observer
 * saw in the lease is in that chain, and no instance entered starting, warming or active under an
 * epoch after a higher epoch had been issued.
 */
public final class StreamAudit {
  private final List<Map<String, String>> entries;
  private final List<String> problems = new ArrayList<>();

  private StreamAudit(List<Map<String, String>> entries) {
    this.entries = entries;
  }

  /** Audits {@code entries}, oldest first, as XRANGE returns them. */
  public static StreamAudit of(List<Map<String, String>> entries) {
    StreamAudit audit = new StreamAudit(entries);
    audit.check();
    return audit;
  }

  private void check() {
    Map<String, String> lastTo = new HashMap<>();
    long highestEpoch = 0;
    for (Map<String, String> e : entries) {
      long epoch = parseEpoch(e.get("epoch"));
      String instance = e.get("instanceId");
      if ("state_changed".equals(e.get("type"))) {
        checkTransition(e, instance, lastTo);
        ConnectionState to = state(e.get("to"));
        boolean working = to != null && to.isWorking();
        if (working && epoch < highestEpoch) {
          problems.add(
              instance
                  + " entered "
                  + e.get("to")
                  + " under epoch "
                  + epoch
                  + " after epoch "
                  + highestEpoch
                  + " was issued");
        }
      }
      highestEpoch = Math.max(highestEpoch, epoch);
    }
  }

  private void checkTransition(Map<String, String> e, String instance, Map<String, String> lastTo) {
    ConnectionState from = state(e.get("from"));
    ConnectionState to = state(e.get("to"));
    if (from == null || to == null) {
      problems.add("unreadable transition " + e);
      return;
    }
    if (!Transitions.isAllowed(from, to))
      problems.add(instance + ": forbidden " + from + " → " + to);
    String previous = lastTo.put(instance, e.get("to"));
    if (previous != null && !previous.equals(e.get("from"))) {
      problems.add(
          instance + ": a transition is missing between " + previous + " and " + e.get("from"));
    }
  }

  /** States {@code instance} entered, in order. */
  public List<String> statesOf(String instance) {
    return entries.stream()
        .filter(e -> "state_changed".equals(e.get("type")) && instance.equals(e.get("instanceId")))
        .map(e -> e.get("to"))
        .toList();
  }

  /** Entries of {@code type}. */
  public List<Map<String, String>> ofType(String type) {
    return entries.stream().filter(e -> type.equals(e.get("type"))).toList();
  }

  /**
   * Checks that every (instance, state) the observer saw in the lease key was also logged: a state
   * that reached the record but not the stream is a lost event. One history cannot be in the
   * stream: when Redis lost its data (a FLUSHALL), an owner that re-claimed kept the state it held,
   * and the entry of that state went with the flushed stream. Its entries then begin with the
   * re-claim's takeover, and only that one state, the one it held across the loss, is exempt.
   */
  public StreamAudit covers(Map<String, List<String>> statesSeenInLease) {
    statesSeenInLease.forEach(
        (instance, states) -> {
          List<String> logged = statesOf(instance);
          String heldAcrossLoss = stateHeldAcrossDataLoss(instance, states);
          for (String s : states) {
            if (!"idle".equals(s) && !logged.contains(s) && !s.equals(heldAcrossLoss)) {
              problems.add(instance + " was seen " + s + " in its lease, but the stream lacks it");
            }
          }
        });
    return this;
  }

  /**
   * The state {@code instance} held when it re-claimed after a data loss, if its entries begin with
   * that re-claim: the {@code from} of its first transition after it, or, when it made none, the
   * one state it was seen in (null if it was seen in several).
   */
  private String stateHeldAcrossDataLoss(String instance, List<String> seen) {
    List<Map<String, String>> own =
        entries.stream().filter(e -> instance.equals(e.get("instanceId"))).toList();
    if (own.isEmpty() || !isDataLossReclaim(own.get(0))) return null;
    for (Map<String, String> e : own) {
      if ("state_changed".equals(e.get("type"))) return e.get("from");
    }
    List<String> distinct = seen.stream().filter(s -> !"idle".equals(s)).distinct().toList();
    return distinct.size() == 1 ? distinct.get(0) : null;
  }

  private static boolean isDataLossReclaim(Map<String, String> e) {
    return "takeover".equals(e.get("type"))
        && String.valueOf(e.get("message")).contains("after Redis lost its data");
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public int size() {
    return entries.size();
  }

  private static ConnectionState state(String wire) {
    try {
      return wire == null ? null : ConnectionState.fromWire(wire);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static long parseEpoch(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
