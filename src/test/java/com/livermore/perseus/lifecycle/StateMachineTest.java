package com.livermore.perseus.lifecycle;

import static com.livermore.perseus.lifecycle.ConnectionState.ACTIVE;
import static com.livermore.perseus.lifecycle.ConnectionState.IDLE;
import static com.livermore.perseus.lifecycle.ConnectionState.STARTING;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPED;
import static com.livermore.perseus.lifecycle.ConnectionState.STOPPING;
import static com.livermore.perseus.lifecycle.ConnectionState.WARMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateMachineTest {
  private final List<Transition> written = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void walksTheMainPathWritingEachStepBeforeEnteringIt() {
    StateMachine m = new StateMachine(IDLE, written::add, clock);
    for (ConnectionState s : List.of(STARTING, WARMING, ACTIVE, STOPPING, STOPPED, STARTING)) {
      m.moveTo(s);
      assertThat(m.state()).isEqualTo(s);
    }
    assertThat(written)
        .extracting(Transition::to)
        .containsExactly(STARTING, WARMING, ACTIVE, STOPPING, STOPPED, STARTING);
    assertThat(written.get(0).from()).isEqualTo(IDLE);
    assertThat(m.since()).isEqualTo(clock.instant());
  }

  @Test
  void writerSeesTheOldStateWhileItWrites() {
    StateMachine[] holder = new StateMachine[1];
    List<ConnectionState> seen = new ArrayList<>();
    holder[0] = new StateMachine(IDLE, t -> seen.add(holder[0].state()), clock);
    holder[0].moveTo(STARTING);
    assertThat(seen).containsExactly(IDLE);
  }

  @Test
  void aFailedWriteLeavesTheStateUnchanged() {
    StateMachine m =
        new StateMachine(
            IDLE,
            t -> {
              throw new IllegalStateException("redis down");
            },
            clock);
    assertThatThrownBy(() -> m.moveTo(STARTING)).hasMessage("redis down");
    assertThat(m.state()).isEqualTo(IDLE);
  }

  @Test
  void aStepTheWriterMayNotRecordDoesNotHappen() {
    StateMachine m = new StateMachine(ACTIVE, t -> false, clock);
    assertThat(m.moveTo(STOPPING)).isFalse();
    assertThat(m.state()).isEqualTo(ACTIVE);
    assertThat(m.since()).isEqualTo(clock.instant());
  }

  @ParameterizedTest
  @EnumSource(ConnectionState.class)
  void refusesEveryTransitionTheMapDoesNotAllowWithoutWriting(ConnectionState from) {
    for (ConnectionState to : ConnectionState.values()) {
      if (Transitions.isAllowed(from, to)) continue;
      StateMachine m = new StateMachine(from, written::add, clock);
      assertThatThrownBy(() -> m.moveTo(to))
          .isInstanceOf(InvalidTransitionException.class)
          .hasMessageContaining(from.wireName() + " -> " + to.wireName());
      assertThat(m.state()).isEqualTo(from);
    }
    assertThat(written).isEmpty();
  }

  @Test
  void abortPathsFromStartingAndWarmingLeadToStopped() {
    for (ConnectionState transientState : List.of(STARTING, WARMING)) {
      StateMachine m = new StateMachine(transientState, written::add, clock);
      m.moveTo(STOPPING);
      m.moveTo(STOPPED);
      assertThat(m.state()).isEqualTo(STOPPED);
    }
  }
}
