package com.livermore.perseus.activity;

/** Stream fields that do not make an activity entry; the message says which field and why. */
public class UnreadableEntryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableEntryException(String problem) {
    super(problem);
  }
}
