package com.livermore.perseus.command;

import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** One command as sent to the owning instance. */
public record Command(
    String id, String exchange, CommandType command, String issuedBy, Instant at) {

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
