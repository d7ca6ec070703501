package com.livermore.perseus.instance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** This instance's relation to its exchange's lease. */
public enum InstanceRole {
  /** Not holding the lease yet: Redis unreachable at start, or about to claim. */
  CLAIMING,
  /** Holds the lease and does the exchange work. */
  OWNER,
  /** Another live instance holds the lease; this one waits and claims when it is free. */
  STANDBY,
  /** Shut down; the lease was released. */
  STOPPED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
