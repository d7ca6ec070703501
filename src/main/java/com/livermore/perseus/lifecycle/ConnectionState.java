package com.livermore.perseus.lifecycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an exchange connection is in its lifecycle; written lowercase in records and events. */
public enum ConnectionState {
  IDLE,
  STARTING,
  WARMING,
  ACTIVE,
  STOPPING,
  STOPPED;

  /** Computed once: every record and entry written or read names its state or type. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static ConnectionState fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** States in which the exchange work runs (or is being brought up): only an owner may be here. */
  public boolean isWorking() {
    return this == STARTING || this == WARMING || this == ACTIVE;
  }

  /** States that should pass quickly; one that lasts too long is flagged as stuck. */
  public boolean isTransient() {
    return this == STARTING || this == WARMING || this == STOPPING;
  }
}
