package com.livermore.perseus.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an error storm into two entries: the first error of a kind in a window is written at once;
 * identical ones (same exchange and message class) are only counted, and when the window closes one
 * {@code errors_suppressed} entry carries the count. Pure: the caller passes the time and writes
 * what it returns.
 */
public final class ErrorThrottle {
  private final Duration window;
  private final Map<String, Window> open = new HashMap<>();

  public ErrorThrottle(Duration window) {
    this.window = window;
  }

  /** What an error observed at {@code at} should write now: itself, or nothing (it was counted). */
  public synchronized List<ActivityEntry> onError(ActivityEntry error) {
    List<ActivityEntry> out = new ArrayList<>(closeExpired(error.at()));
    String kind = kindOf(error);
    Window w = open.get(kind);
    if (w == null) {
      open.put(kind, new Window(error, error.at().plus(window)));
      out.add(error);
    } else {
      w.suppressed++;
    }
    return out;
  }

  /** The {@code errors_suppressed} entries of every window that has closed by {@code now}. */
  public synchronized List<ActivityEntry> closeExpired(Instant now) {
    List<ActivityEntry> out = new ArrayList<>();
    for (Iterator<Window> it = open.values().iterator(); it.hasNext(); ) {
      Window w = it.next();
      if (!now.isBefore(w.closesAt)) {
        it.remove();
        if (w.suppressed > 0) {
          out.add(
              new ActivityEntry(
                  EventType.ERRORS_SUPPRESSED,
                  w.first.exchange(),
                  w.first.instanceId(),
                  w.first.epoch(),
                  w.first.hostname(),
                  null,
                  null,
                  w.suppressed + " more like: " + w.first.message(),
                  w.suppressed,
                  now));
        }
      }
    }
    return out;
  }

  /** Same exchange and same message once numbers, ids and hex are blanked out. */
  static String kindOf(ActivityEntry e) {
    String message = e.message() == null ? "" : e.message();
    return e.exchange() + '\u0000' + message.replaceAll("[0-9a-fA-F]{8,}|\\d+", "#");
  }

  private static final class Window {
    final ActivityEntry first;
    final Instant closesAt;
    long suppressed;

    Window(ActivityEntry first, Instant closesAt) {
      this.first = first;
      this.closesAt = closesAt;
    }
  }
}
