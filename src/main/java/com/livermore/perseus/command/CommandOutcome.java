package com.livermore.perseus.command;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * What became of a command: {@code accepted}, {@code done}, {@code refused} (with the reason) or
 * {@code timed_out}.
 */
public record CommandOutcome(
    String id,
    String exchange,
    CommandType command,
    Result outcome,
    String reason,
    String issuedBy,
    Instant at) {

  public enum Result {
    ACCEPTED,
    DONE,
    REFUSED,
    TIMED_OUT;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static CommandOutcome of(Command c, Result result, String reason) {
    return new CommandOutcome(
        c.id(), c.exchange(), c.command(), result, reason, c.issuedBy(), Instant.now());
  }
}
