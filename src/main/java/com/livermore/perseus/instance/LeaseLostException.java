package com.livermore.perseus.instance;

/**
 * The lease was lost while a transition was being recorded; the new state's work must not begin.
 */
class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LeaseLostException(String exchange) {
    super("The lease on " + exchange + " was lost; the exchange work stops.");
  }
}
