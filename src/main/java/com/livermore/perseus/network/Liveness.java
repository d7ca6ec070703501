package com.livermore.perseus.network;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Computed on the server: {@code alive} (lease present, heartbeat age ≤ 1.5 × interval), {@code
 * late} (lease present, older: possibly dead), {@code dead} (lease gone; the last known record is
 * shown with "last seen").
 */
public enum Liveness {
  ALIVE,
  LATE,
  DEAD;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
