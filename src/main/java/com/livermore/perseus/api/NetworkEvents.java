package com.livermore.perseus.api;

import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkWatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The numbered history of the event stream: each change the watcher reports becomes a {@code
 * network} event (the whole picture) and one {@code exchange} event per exchange that changed, each
 * with an id {@code <run>-<n>}. The last {@link #KEPT} are kept so a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed; older ids, or ids of another server run, get a
 * fresh picture instead, as does an id from before an {@link #interrupted() interruption}. Pure
 * logic: {@code EventsResource} sends what this decides.
 */
final class NetworkEvents {
  static final int KEPT = 512;

  /** One event as it goes on the wire. {@code data} is a NetworkSnapshot or an ExchangeStatus. */
  record Event(String id, String name, Object data) {}

  private final String run;
  private final Deque<Event> kept = new ArrayDeque<>();
  private final Map<String, String> fingerprints = new HashMap<>();
  private long sequence;
  private long interruptedAt = -1;

  NetworkEvents() {
    this(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
  }

  NetworkEvents(String run) {
    this.run = run;
  }

  /** The events for a change the watcher reported, in order: the picture, then each exchange. */
  synchronized List<Event> changed(NetworkSnapshot snapshot) {
    List<Event> out = new ArrayList<>();
    out.add(keep("network", snapshot));
    for (ExchangeStatus s : snapshot.exchanges()) {
      String now = NetworkWatcher.fingerprint(s);
      if (!now.equals(fingerprints.put(s.exchange(), now))) out.add(keep("exchange", s));
    }
    return out;
  }

  /**
   * The id a fresh picture sent now carries: the latest event's, so a resume starts after it. After
   * an interruption it takes a number of its own, since the latest event predates the gap.
   */
  synchronized String currentId() {
    if (sequence == interruptedAt) sequence++;
    return run + "-" + sequence;
  }

  /**
   * Changes stop being recorded (nobody listened for a while): an id from before now cannot be
   * resumed, since what happened in between is unknown.
   */
  synchronized void interrupted() {
    interruptedAt = sequence;
    kept.clear();
  }

  /**
   * What a client resuming after {@code lastEventId} missed, oldest first; empty when it is up to
   * date, and absent when the id is unknown here (another run, or older than what is kept).
   */
  synchronized Optional<List<Event>> after(String lastEventId) {
    if (lastEventId == null) return Optional.empty();
    int dash = lastEventId.lastIndexOf('-');
    if (dash < 0 || !lastEventId.substring(0, dash).equals(run)) return Optional.empty();
    long seen;
    try {
      seen = Long.parseLong(lastEventId.substring(dash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (seen > sequence || seen <= interruptedAt) return Optional.empty();
    long oldest = kept.isEmpty() ? sequence + 1 : sequenceOf(kept.peekFirst());
    if (seen + 1 < oldest) return Optional.empty();
    return Optional.of(kept.stream().filter(e -> sequenceOf(e) > seen).toList());
  }

  private Event keep(String name, Object data) {
    Event event = new Event(run + "-" + ++sequence, name, data);
    kept.addLast(event);
    if (kept.size() > KEPT) kept.removeFirst();
    return event;
  }

  private static long sequenceOf(Event e) {
    return Long.parseLong(e.id().substring(e.id().lastIndexOf('-') + 1));
  }
}
