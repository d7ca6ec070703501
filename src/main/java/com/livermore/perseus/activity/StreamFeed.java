package com.livermore.perseus.activity;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One exchange's stream during a merged read: what has been fetched but not yet merged, and where
 * the next {@code XREVRANGE} starts. Each fetch continues strictly below the last id fetched.
 *
 * <p>A feed may start with a floor: its fetches stop at that id, so a page whose entries all lie
 * above the floor reads only them. A fetch that ends at the floor leaves the feed "below the
 * floor": whatever it still holds is older than the floor, so it need not be fetched while another
 * feed offers an entry at or above it.
 */
final class StreamFeed {
  private final String exchange;
  private final Deque<RawEntry> buffer = new ArrayDeque<>();
  private StreamId upper;
  private boolean upperInclusive;
  private boolean exhausted;
  private StreamId floor;
  private boolean belowFloor;

  /** A feed that starts at the newest entry, or just after {@code after} in the merged order. */
  StreamFeed(String exchange, EntryPosition after) {
    this(exchange, after, null);
  }

  /**
   * As {@link #StreamFeed(String, EntryPosition)}, fetching no lower than {@code floor} at first.
   */
  StreamFeed(String exchange, EntryPosition after, StreamId floor) {
    this.exchange = exchange;
    this.floor = floor;
    if (after == null) {
      upperInclusive = true;
    } else {
      upper = after.id();
      // The same id in a stream whose exchange sorts after the cursor's still comes after the
      // cursor.
      upperInclusive = exchange.compareTo(after.exchange()) > 0;
      exhausted = !upperInclusive && upper.equals(StreamId.ZERO);
    }
  }

  String exchange() {
    return exchange;
  }

  /** The highest id the next fetch may return; null means the newest entry ({@code +}). */
  StreamId upper() {
    return upper;
  }

  boolean upperInclusive() {
    return upperInclusive;
  }

  /** The lowest id the next fetch may return; null means no floor. */
  StreamId floor() {
    return floor;
  }

  /**
   * Nothing buffered, but the stream may hold more below what was fetched, and that could come
   * before {@code newestHead} (the newest entry buffered by any feed, or null).
   */
  boolean due(StreamId newestHead) {
    if (!buffer.isEmpty() || exhausted) return false;
    return !belowFloor || newestHead == null || newestHead.compareTo(upper) < 0;
  }

  /**
   * Takes a fetch's entries, newest first; fewer than {@code requested} means the stream has no
   * more.
   */
  void accept(List<RawEntry> fetched, int requested) {
    buffer.addAll(fetched);
    if (fetched.size() < requested && floor != null) {
      // Everything at or above the floor is fetched; the rest is strictly older.
      upper = floor;
      upperInclusive = false;
      floor = null;
      belowFloor = true;
      exhausted = upper.equals(StreamId.ZERO);
    } else if (fetched.size() < requested) {
      exhausted = true;
    } else {
      upper = fetched.get(fetched.size() - 1).id();
      upperInclusive = false;
    }
  }

  /** The stream cannot be read (it is not a stream): {@code flag} stands for it, and it is done. */
  void acceptUnreadable(RawEntry flag) {
    buffer.add(flag);
    exhausted = true;
  }

  RawEntry head() {
    return buffer.peekFirst();
  }

  RawEntry take() {
    return buffer.pollFirst();
  }

  boolean mayHaveMore() {
    return !buffer.isEmpty() || !exhausted;
  }
}
