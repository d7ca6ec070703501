package com.livermore.perseus.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What an operator may ask of an exchange. */
public enum CommandType {
  START("start"),
  STOP("stop"),
  FORCE_START("force-start"),
  HANDOFF("handoff");

  private final String wire;

  CommandType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wireName() {
    return wire;
  }

  @JsonCreator
  public static CommandType fromJson(String value) {
    return fromWire(value)
        .orElseThrow(() -> new IllegalArgumentException("unknown command " + value));
  }

  public static Optional<CommandType> fromWire(String value) {
    for (CommandType t : values()) {
      if (t.wire.equals(value)) return Optional.of(t);
    }
    return Optional.empty();
  }
}
