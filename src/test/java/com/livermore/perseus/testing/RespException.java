package com.livermore.perseus.testing;

/** An error reply from Redis ({@code -ERR ...}, {@code -MOVED ...}), with Redis's own text. */
public class RespException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RespException(String message) {
    super(message);
  }
}
