package com.livermore.perseus.activity;

/**
 * A paging cursor that this server did not issue (garbled, truncated, edited or from another
 * version).
 */
public class InvalidCursorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(String message) {
    super(message);
  }
}
