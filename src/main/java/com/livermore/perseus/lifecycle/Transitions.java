package com.livermore.perseus.lifecycle;

import static com.livermore.perseus.lifecycle.ConnectionState.ACTIVE;
import static com.livermore.perseus.lifecycle.ConnectionState.IDLE;
import static com.livermore.perseus.lifecycle.ConnectionState.STARTING;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPED;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPING;
import static com.livermore.perseus.lifecycle.ConnectionState.WARMING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transition map, in one place: main path idle → starting → warming → active → stopping →
 * stopped, restart stopped → starting, abort starting|warming → stopping. An idle instance that
 * never started (a conflict, a shutdown before the claim) may go straight to stopped.
 */
public final class Transitions {
  private static final Map<ConnectionState, Set<ConnectionState>> ALLOWED =
      new EnumMap<>(ConnectionState.class);

  static {
    ALLOWED.put(IDLE, EnumSet.of(STARTING, STOPPED));
    ALLOWED.put(STARTING, EnumSet.of(WARMING, STOPPING));
    ALLOWED.put(WARMING, EnumSet.of(ACTIVE, STOPPING));
    ALLOWED.put(ACTIVE, EnumSet.of(STOPPING));
    ALLOWED.put(STOPPING, EnumSet.of(STOPPED));
    ALLOWED.put(STOPPED, EnumSet.of(STARTING));
  }

  private Transitions() {}

  public static boolean isAllowed(ConnectionState from, ConnectionState to) {
    return ALLOWED.get(from).contains(to);
  }

  /** The states reachable in one step from {@code from}. */
  public static Set<ConnectionState> next(ConnectionState from) {
    return EnumSet.copyOf(ALLOWED.get(from));
  }
}
