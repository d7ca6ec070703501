package com.livermore.perseus.activity;

import com.livermore.perseus.time.UtcTimestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads an {@link ActivityEntry} back from its stream fields, the inverse of {@link
 * ActivityEntry#fields}. Unknown extra fields are ignored so that newer writers stay readable;
 * anything missing or malformed is an {@link UnreadableEntryException} naming the problem.
 */
public final class EntryFields {
  private static final int QUOTE_MAX = 60;

  private EntryFields() {}

  public static ActivityEntry parse(Map<String, String> fields) {
    String typeName = required(fields, "type");
    EventType type =
        EventType.fromWire(typeName)
            .orElseThrow(() -> new UnreadableEntryException("unknown type " + quote(typeName)));
    String exchange = required(fields, "exchange");
    long epoch = whole(fields, "epoch", required(fields, "epoch"));
    String count = fields.get("count");
    Instant at = time(required(fields, "at"));
    return new ActivityEntry(
        type,
        exchange,
        fields.get("instanceId"),
        epoch,
        fields.get("hostname"),
        fields.get("from"),
        fields.get("to"),
        fields.get("message"),
        count == null ? null : whole(fields, "count", count),
        at);
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) throw new UnreadableEntryException("missing field '" + name + "'");
    if (value.isBlank()) throw new UnreadableEntryException("empty field '" + name + "'");
    return value;
  }

  private static long whole(Map<String, String> fields, String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UnreadableEntryException(name + " is not a whole number: " + quote(value));
    }
  }

  private static Instant time(String value) {
    Instant written = UtcTimestamps.parse(value);
    if (written != null) return written;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new UnreadableEntryException("at is not an ISO-8601 time: " + quote(value));
      }
    }
  }

  private static String quote(String value) {
    return "'" + (value.length() <= QUOTE_MAX ? value : value.substring(0, QUOTE_MAX) + "…") + "'";
  }
}
