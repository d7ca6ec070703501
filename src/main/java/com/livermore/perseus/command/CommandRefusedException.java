package com.livermore.perseus.command;

/**
 * A command refused before it was sent, because what it needs is missing (a {@code handoff} with no
 * live standby, or to an instance that is not one). The API answers it as a {@code 409} problem; it
 * is recorded as a {@code command} entry like every outcome.
 */
public class CommandRefusedException extends RuntimeException {
  private final String title;

  public CommandRefusedException(String title, String detail) {
    super(detail);
    this.title = title;
  }

  /** True when no live standby exists; false when the named instance is not one. */
  public boolean noStandby() {
    return "No standby".equals(title);
  }

  /** A short summary, e.g. "No standby". */
  public String title() {
    return title;
  }
}
