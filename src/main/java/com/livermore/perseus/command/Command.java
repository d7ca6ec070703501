package com.livermore.perseus.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One command as sent to the owning instance; {@code to} names the standby a {@code handoff} goes
 * to (null: the owner picks the first, warm ones first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Command(
    String id, String exchange, CommandType command, String issuedBy, Instant at, String to) {

  public Command(String id, String exchange, CommandType command, String issuedBy, Instant at) {
    this(id, exchange, command, issuedBy, at, null);
  }

  public String toJson() {
    return RecordJson.write(this);
  }

  /** The command a message carries, or empty for anything else on the channel. */
  public static Optional<Command> fromJson(String json) {
    try {
      Command c = RecordJson.mapper().readValue(json, Command.class);
      return c == null || c.id() == null || c.command() == null ? Optional.empty() : Optional.of(c);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
