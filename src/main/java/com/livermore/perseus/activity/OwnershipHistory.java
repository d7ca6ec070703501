package com.livermore.perseus.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One exchange's ownership over a window, computed from its stream: when it had an active owner,
 * one warming up (or walking between states), was stopped by an operator, or had no owner, with the
 * deaths ({@code lease_expired}), the takeovers (a new owner after an end without a clean release)
 * and the longest outage. Before the first entry the window shows what that entry started from;
 * where the stream does not reach (trimmed, or more entries than were read) it is {@code unknown},
 * and the figures count only the known part.
 */
public record OwnershipHistory(
    Instant from,
    Instant to,
    List<Segment> segments,
    int deaths,
    int takeovers,
    Duration longestOutage,
    Instant knownFrom) {

  /** The entry types the history is computed from. */
  public static final Set<EventType> TYPES =
      Set.of(
          EventType.REGISTERED,
          EventType.STATE_CHANGED,
          EventType.DEREGISTERED,
          EventType.LEASE_EXPIRED,
          EventType.TAKEOVER,
          EventType.COMMAND);

  /** What the exchange was doing. */
  public enum Kind {
    ACTIVE,
    WARMING,
    STOPPED,
    NO_OWNER,
    UNKNOWN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public record Segment(Kind kind, Instant start, Instant end) {
    public Duration length() {
      return Duration.between(start, end);
    }
  }

  public OwnershipHistory {
    segments = List.copyOf(segments);
  }

  /** Time with an active owner, in percent of the known part of the window (null: none known). */
  public Double uptimePercent() {
    long known = 0;
    long active = 0;
    for (Segment s : segments) {
      if (s.kind() == Kind.UNKNOWN) continue;
      known += s.length().toMillis();
      if (s.kind() == Kind.ACTIVE) active += s.length().toMillis();
    }
    return known == 0 ? null : 100.0 * active / known;
  }

  /**
   * The history of {@code [from, to]} from the window's entries, oldest first, and {@code
   * previous}, the last entry before the window (null when the stream holds none). {@code
   * complete}: every entry of the window was read (otherwise the part before the oldest one read is
   * unknown). Without a previous entry the stream starts inside the window, and the part before its
   * first entry is unknown, not an outage (an exchange deployed an hour ago was not down all day).
   * {@code current}: what the exchange is doing now, for a window without any entry.
   */
  public static OwnershipHistory of(
      List<ActivityEntry> entries,
      ActivityEntry previous,
      Instant from,
      Instant to,
      boolean complete,
      Kind current) {
    Kind kind = complete && entries.isEmpty() && previous == null ? current : Kind.UNKNOWN;
    Instant knownFrom =
        !entries.isEmpty() && (!complete || previous == null) ? entries.get(0).at() : from;
    List<ActivityEntry> replay = new ArrayList<>(entries.size() + 1);
    if (complete && previous != null) replay.add(previous);
    replay.addAll(entries);

    List<Segment> out = new ArrayList<>();
    Instant start = from;
    boolean operatorStop = false;
    boolean unclean = false;
    int deaths = 0;
    int takeovers = 0;
    for (ActivityEntry e : replay) {
      boolean counted = e != previous; // the entry before the window sets the start, counts nothing
      Instant at = clamp(e.at(), from, to);
      Kind next = kind;
      switch (e.type()) {
        case REGISTERED -> {
          if (unclean && counted) takeovers++;
          unclean = false;
          operatorStop = false;
          next = Kind.WARMING;
        }
        case STATE_CHANGED -> next = ofState(e.to(), operatorStop);
        case DEREGISTERED -> next = operatorStop ? Kind.STOPPED : Kind.NO_OWNER;
        case LEASE_EXPIRED -> {
          if (counted) deaths++;
          unclean = true;
          next = Kind.NO_OWNER;
        }
        case TAKEOVER -> {
          unclean = true;
          operatorStop = false;
          next = Kind.NO_OWNER;
        }
        case COMMAND -> {
          String m = e.message() == null ? "" : e.message();
          if (m.startsWith("stop by ") && !m.contains(": refused")) {
            operatorStop = true;
            if (kind == Kind.NO_OWNER) next = Kind.STOPPED;
          } else if (m.startsWith("start by ") || m.startsWith("force-start by ")) {
            operatorStop = false;
            if (kind == Kind.STOPPED) next = Kind.NO_OWNER;
          }
        }
        default -> {}
      }
      if (next != kind) {
        add(out, kind, start, at);
        start = at;
        kind = next;
      }
    }
    add(out, kind, start, to);
    return new OwnershipHistory(
        from,
        to,
        out,
        deaths,
        takeovers,
        longestOutage(out),
        knownFrom.isBefore(from) ? from : knownFrom);
  }

  private static Kind ofState(String state, boolean operatorStop) {
    if (state == null) return Kind.UNKNOWN;
    return switch (state) {
      case "active" -> Kind.ACTIVE;
      case "starting", "warming", "stopping" -> Kind.WARMING;
      case "stopped" -> operatorStop ? Kind.STOPPED : Kind.NO_OWNER;
      default -> Kind.UNKNOWN;
    };
  }

  private static void add(List<Segment> out, Kind kind, Instant start, Instant end) {
    if (!end.isAfter(start)) return;
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(kind, last.start(), end));
    } else {
      out.add(new Segment(kind, start, end));
    }
  }

  /** The longest run without an active owner that no operator asked for (no owner, warming). */
  private static Duration longestOutage(List<Segment> segments) {
    Duration longest = Duration.ZERO;
    Duration run = Duration.ZERO;
    for (Segment s : segments) {
      if (s.kind() == Kind.NO_OWNER || s.kind() == Kind.WARMING) {
        run = run.plus(s.length());
        if (run.compareTo(longest) > 0) longest = run;
      } else {
        run = Duration.ZERO;
      }
    }
    return longest;
  }

  private static Instant clamp(Instant t, Instant from, Instant to) {
    if (t == null || t.isBefore(from)) return from;
    return t.isAfter(to) ? to : t;
  }
}
