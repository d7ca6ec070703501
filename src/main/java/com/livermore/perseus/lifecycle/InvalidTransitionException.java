package com.livermore.perseus.lifecycle;

/** A transition the map does not allow; the state is unchanged. */
public class InvalidTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ConnectionState from;
  private final ConnectionState to;

  public InvalidTransitionException(ConnectionState from, ConnectionState to) {
    super(
        "Transition "
            + from.wireName()
            + " -> "
            + to.wireName()
            + " is not allowed; from "
            + from.wireName()
            + " the lifecycle may go to "
            + Transitions.next(from).stream().map(ConnectionState::wireName).toList()
            + ".");
    this.from = from;
    this.to = to;
  }

  public ConnectionState from() {
    return from;
  }

  public ConnectionState to() {
    return to;
  }
}
