package com.livermore.perseus.command;

import com.fasterxml.jackson.annotation.JsonValue;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

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

  public String toJson() {
    return RecordJson.write(this);
  }

  /** The outcome stored or announced as {@code json}, or empty when it is not one. */
  public static Optional<CommandOutcome> fromJson(String json) {
    try {
      CommandOutcome o =
          json == null ? null : RecordJson.mapper().readValue(json, CommandOutcome.class);
      return o == null || o.id() == null || o.outcome() == null ? Optional.empty() : Optional.of(o);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
