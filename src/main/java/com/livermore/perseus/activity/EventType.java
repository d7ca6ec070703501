package com.livermore.perseus.activity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The kinds of activity entry, written lowercase exactly as docs/DESIGN.md names them. */
public enum EventType {
  REGISTERED,
  STATE_CHANGED,
  CLAIM_CONFLICT,
  LEASE_LOST,
  /** Written by the watcher that saw a lease run out without a release (the owner died). */
  LEASE_EXPIRED,
  TAKEOVER,
  ERROR,
  ERRORS_SUPPRESSED,
  COMMAND,
  DEREGISTERED;

  /** Computed once: every record and entry written or read names its state or type. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWire(String value) {
    for (EventType t : values()) {
      if (t.wireName().equals(value)) return Optional.of(t);
    }
    return Optional.empty();
  }
}
