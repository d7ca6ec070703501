package com.livermore.perseus.console;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.activity.OwnershipHistory;
import com.livermore.perseus.activity.OwnershipHistory.Kind;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkView;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One window of an exchange's ownership history as the exchange page shows it: a bar of segments
 * (widths in percent of the window), the uptime, deaths, takeovers, the longest outage, and a note
 * when part of the window is unknown. Read with bounded work: at most {@link #MAX_ENTRIES} entries.
 */
public record HistoryView(
    String title,
    List<Part> parts,
    String uptime,
    int deaths,
    int takeovers,
    String longestOutage,
    String note)
    implements Serializable {

  static final int PAGE = 500;
  static final int MAX_ENTRIES = 20_000;

  /** One segment of the bar: its kind, width in percent of the window, and what it says. */
  public record Part(String kind, String width, String label) implements Serializable {}

  /** The history of {@code exchange} over the {@code window} up to {@code now}. */
  static HistoryView read(
      NetworkView network,
      String title,
      ExchangeStatus status,
      Duration window,
      Duration retention,
      Instant now) {
    Instant from = now.minus(window);
    Instant kept = now.minus(retention);
    Instant readFrom = kept.isAfter(from) ? kept : from;
    List<ActivityEntry> newestFirst = new ArrayList<>();
    ActivityEntry previous = null;
    boolean complete = false;
    String cursor = null;
    // Newest first, past the window's start to the first entry before it (the state the window
    // starts in), or to the stream's end.
    read:
    while (newestFirst.size() < MAX_ENTRIES) {
      ActivityPage page =
          network.activity(
              new ActivityQuery(
                  List.of(status.exchange()), OwnershipHistory.TYPES, null, cursor, PAGE));
      for (ActivityRecord r : page.entries()) {
        if (!r.readable() || r.entry().at() == null) continue;
        if (r.entry().at().isBefore(readFrom)) {
          previous = r.entry();
          complete = true;
          break read;
        }
        newestFirst.add(r.entry());
      }
      if (page.next() == null || page.entries().isEmpty()) {
        complete = true;
        break;
      }
      cursor = page.next();
    }
    Collections.reverse(newestFirst);
    OwnershipHistory h =
        OwnershipHistory.of(newestFirst, previous, readFrom, now, complete, current(status));
    String note = null;
    if (readFrom.isAfter(from)) {
      note =
          "The activity log keeps "
              + HumanTime.of(retention.toMillis())
              + " (perseus.activity.retention): the bar starts "
              + HumanTime.of(Duration.between(from, readFrom).toMillis())
              + " into the window, shown as unknown.";
    } else if (complete && previous == null && !newestFirst.isEmpty()) {
      note =
          "This exchange's activity begins at "
              + HumanTime.at(h.knownFrom())
              + ": the time before is shown as unknown.";
    } else if (!complete) {
      note =
          "More than "
              + MAX_ENTRIES
              + " entries in this window: the part before "
              + HumanTime.at(h.knownFrom())
              + " is shown as unknown.";
    }
    return of(title, h, from, now, note);
  }

  /** The view of {@code h}, drawn over {@code [from, to]} (a part before {@code h} is unknown). */
  static HistoryView of(String title, OwnershipHistory h, Instant from, Instant to, String note) {
    double total = Math.max(1, Duration.between(from, to).toMillis());
    List<Part> parts = new ArrayList<>();
    if (h.from().isAfter(from)) {
      parts.add(part(Kind.UNKNOWN, from, h.from(), total));
    }
    for (OwnershipHistory.Segment s : h.segments()) {
      parts.add(part(s.kind(), s.start(), s.end(), total));
    }
    Double uptime = h.uptimePercent();
    return new HistoryView(
        title,
        parts,
        uptime == null ? "unknown" : String.format(Locale.ROOT, "%.2f %%", uptime),
        h.deaths(),
        h.takeovers(),
        h.longestOutage().isZero() ? "none" : HumanTime.of(h.longestOutage().toMillis()),
        note);
  }

  private static Part part(Kind kind, Instant start, Instant end, double total) {
    long ms = Duration.between(start, end).toMillis();
    return new Part(
        kind.wireName(),
        String.format(Locale.ROOT, "%.3f%%", 100.0 * ms / total),
        label(kind) + " from " + HumanTime.at(start) + " for " + HumanTime.of(ms));
  }

  static String label(Kind kind) {
    return switch (kind) {
      case ACTIVE -> "active owner";
      case WARMING -> "owner starting or warming up";
      case STOPPED -> "stopped by an operator";
      case NO_OWNER -> "no owner";
      case UNKNOWN -> "unknown";
    };
  }

  /** What the exchange is doing now, for a window without entries. */
  static Kind current(ExchangeStatus s) {
    if (s.stoppedByOperator() != null) return Kind.STOPPED;
    if (s.liveness() == Liveness.DEAD) return Kind.NO_OWNER;
    if (s.state() == null) return Kind.UNKNOWN;
    return switch (s.state()) {
      case "active" -> Kind.ACTIVE;
      case "starting", "warming", "stopping" -> Kind.WARMING;
      case "stopped" -> Kind.NO_OWNER;
      default -> Kind.UNKNOWN;
    };
  }
}
