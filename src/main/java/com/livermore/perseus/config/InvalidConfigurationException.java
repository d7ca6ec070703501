package com.livermore.perseus.config;

/** A configuration value breaks its rule; the message is one sentence naming the property. */
public class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }
}
