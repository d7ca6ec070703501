package com.livermore.perseus.registry;

/** A value in Redis that is not a valid owner record (corrupt, or written by another tool). */
public class UnreadableRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
