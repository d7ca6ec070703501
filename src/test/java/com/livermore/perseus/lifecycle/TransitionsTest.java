package com.livermore.perseus.lifecycle;

import static com.livermore.perseus.lifecycle.ConnectionState.ACTIVE;
import static com.livermore.perseus.lifecycle.ConnectionState.IDLE;
import static com.livermore.perseus.lifecycle.ConnectionState.STARTING;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPED;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPING;
import static com.livermore.perseus.lifecycle.ConnectionState.WARMING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionsTest {
  /** The map of docs/DESIGN.md, written out independently of the production table. */
  private static final Map<ConnectionState, Set<ConnectionState>> EXPECTED =
      Map.of(
          IDLE, EnumSet.of(STARTING, STOPPED),
          STARTING, EnumSet.of(WARMING, STOPPING),
          WARMING, EnumSet.of(ACTIVE, STOPPING),
          ACTIVE, EnumSet.of(STOPPING),
          STOPPING, EnumSet.of(STOPPED),
          STOPPED, EnumSet.of(STARTING));

  @Test
  void everyPairOfStatesIsAllowedExactlyWhenTheDesignSaysSo() {
    int allowed = 0;
    for (ConnectionState from : ConnectionState.values()) {
      for (ConnectionState to : ConnectionState.values()) {
        boolean expected = EXPECTED.get(from).contains(to);
        assertThat(Transitions.isAllowed(from, to)).as("%s -> %s", from, to).isEqualTo(expected);
        if (expected) allowed++;
      }
    }
    assertThat(allowed).isEqualTo(9);
  }

  @Test
  void noStateMayTransitionToItself() {
    for (ConnectionState s : ConnectionState.values()) {
      assertThat(Transitions.isAllowed(s, s)).as("%s -> itself", s).isFalse();
    }
  }

  @Test
  void statesAreWrittenInLowercase() {
    assertThat(ACTIVE.wireName()).isEqualTo("active");
    assertThat(ConnectionState.fromWire("warming")).isEqualTo(WARMING);
  }

  @org.junit.jupiter.api.Test
  void onlyStartingWarmingAndActiveAreWorkingStates() {
    org.assertj.core.api.Assertions.assertThat(
            java.util.Arrays.stream(ConnectionState.values()).filter(ConnectionState::isWorking))
        .containsExactly(ConnectionState.STARTING, ConnectionState.WARMING, ConnectionState.ACTIVE);
  }
}
