package com.livermore.perseus.api;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ConfigurationReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validates query and path parameters; each failure is a 400 naming the parameter. */
final class Parameters {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final int MAX_SHOWN = 80;

  private Parameters() {}

  static String exchange(String value) {
    if (!ConfigurationReader.isSlug(value)) {
      throw ProblemException.badParameter(
          "exchange",
          "An exchange id matches [a-z0-9][a-z0-9_-]{0,63}; got '" + shown(value) + "'.");
    }
    return value;
  }

  /**
   * The event stream's {@code events}: {@code network} (the default), {@code exchange}, or both.
   */
  static Set<String> eventNames(String value) {
    if (value == null || value.isBlank()) return Set.of("network");
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String name = part.trim();
      if (!name.equals("network") && !name.equals("exchange")) {
        throw ProblemException.badParameter(
            "events",
            "'events' is network, exchange or network,exchange; got '" + shown(value) + "'.");
      }
      out.add(name);
    }
    return Set.copyOf(out);
  }

  /** Repeated and/or comma-separated exchange ids. */
  static List<String> exchanges(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      for (String part : v.split(",", -1)) {
        if (!part.isBlank()) out.add(exchange(part.trim()));
      }
    }
    return new ArrayList<>(out);
  }

  static Set<EventType> types(List<String> values) {
    Set<EventType> out = EnumSet.noneOf(EventType.class);
    for (String v : values) {
      for (String part : v.split(",", -1)) {
        if (part.isBlank()) continue;
        out.add(
            EventType.fromWire(part.trim())
                .orElseThrow(
                    () ->
                        ProblemException.badParameter(
                            "type",
                            "Unknown event type '"
                                + shown(part.trim())
                                + "'; known types are "
                                + EnumSet.allOf(EventType.class).stream()
                                    .map(EventType::wireName)
                                    .toList()
                                + ".")));
      }
    }
    return out;
  }

  /** The range of times an activity entry can have (stream ids are milliseconds since 1970). */
  static final Instant EARLIEST = Instant.EPOCH;

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static Instant since(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      Instant since = Instant.parse(value.trim());
      if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
        throw ProblemException.badParameter(
            "since",
            "'since' is a time from "
                + EARLIEST
                + " to "
                + LATEST
                + "; got '"
                + shown(value)
                + "'.");
      }
      return since;
    } catch (DateTimeParseException e) {
      throw ProblemException.badParameter(
          "since",
          "'since' is an ISO-8601 UTC time such as 2026-11-24T10:00:00Z; got '"
              + shown(value)
              + "'.");
    }
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) return DEFAULT_LIMIT;
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= MAX_LIMIT) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badParameter(
        "limit",
        "'limit' is a whole number from 1 to " + MAX_LIMIT + "; got '" + shown(value) + "'.");
  }

  static String cursor(String value) {
    if (value == null || value.isBlank()) return null;
    if (value.length() > 512)
      throw ProblemException.badParameter("cursor", "The cursor is not one this server issued.");
    return value.trim();
  }

  /** Echoed input is cut short and stripped of control characters. */
  private static String shown(String value) {
    String clean = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
  }
}
