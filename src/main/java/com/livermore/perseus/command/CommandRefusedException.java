package com.livermore.perseus.command;

/**
 * A command refused before it was sent, for a reason the operator can fix (the API answers 409 with
 * the reason's own problem type). The refusal is already in the command history.
 */
public class CommandRefusedException extends RuntimeException {
  /** Why a command was refused. */
  public enum Reason {
    /** A handoff, and the exchange has no live standby. */
    NO_STANDBY("No standby"),
    /** A handoff to a named instance that is not a live standby of the exchange. */
    NOT_A_STANDBY("Not a standby");

    private final String title;

    Reason(String title) {
      this.title = title;
    }

    /** A short summary, e.g. "No standby". */
    public String title() {
      return title;
    }
  }

  private final Reason reason;

  public CommandRefusedException(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** A short summary, e.g. "No standby". */
  public String title() {
    return reason.title();
  }
}
