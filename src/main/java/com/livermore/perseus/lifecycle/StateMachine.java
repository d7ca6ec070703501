package com.livermore.perseus.lifecycle;

import java.time.Clock;
import java.time.Instant;

/**
 * The only way the connection state changes: each step is checked against {@link Transitions},
 * written through the {@link TransitionWriter}, and only then becomes the current state, so nothing
 * can begin the work of a state that was not recorded. A writer that may not record the step (the
 * lease is gone) says so, and the state stays; one that fails throws, and the state stays too.
 */
public final class StateMachine {
  private final TransitionWriter writer;
  private final Clock clock;
  private ConnectionState state;
  private Instant since;

  public StateMachine(ConnectionState initial, TransitionWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
    this.state = initial;
    this.since = clock.instant();
  }

  /**
   * Moves to {@code to} once the writer recorded the step; false (and the state unchanged) when the
   * writer may not record it.
   *
   * @throws InvalidTransitionException when the map does not allow it (nothing is written)
   */
  public synchronized boolean moveTo(ConnectionState to) {
    if (!Transitions.isAllowed(state, to)) {
      throw new InvalidTransitionException(state, to);
    }
    Transition transition = new Transition(state, to, clock.instant());
    if (!writer.write(transition)) return false;
    state = to;
    since = transition.at();
    return true;
  }

  public synchronized boolean canMoveTo(ConnectionState to) {
    return Transitions.isAllowed(state, to);
  }

  public synchronized ConnectionState state() {
    return state;
  }

  public synchronized Instant since() {
    return since;
  }
}
