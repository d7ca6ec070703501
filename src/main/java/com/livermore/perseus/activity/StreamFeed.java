package com.livermore.perseus.activity;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One exchange's stream during a merged read: what has been fetched but not yet merged, and where
 * the next {@code XREVRANGE} starts. Each fetch continues strictly below the last id fetched.
 */
final class StreamFeed {
  private final String exchange;
  private final Deque<RawEntry> buffer = new ArrayDeque<>();
  private StreamId upper;
  private boolean upperInclusive;
  private boolean exhausted;

  /** A feed that starts at the newest entry, or just after {@code after} in the merged order. */
  StreamFeed(String exchange, EntryPosition after) {
    this.exchange = exchange;
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

  /** Nothing buffered, but the stream may hold more below what was fetched. */
  boolean due() {
    return buffer.isEmpty() && !exhausted;
  }

  /**
   * Takes a fetch's entries, newest first; fewer than {@code requested} means the stream has no
   * more.
   */
  void accept(List<RawEntry> fetched, int requested) {
    buffer.addAll(fetched);
    if (fetched.size() < requested) {
      exhausted = true;
    } else {
      upper = fetched.get(fetched.size() - 1).id();
      upperInclusive = false;
    }
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
