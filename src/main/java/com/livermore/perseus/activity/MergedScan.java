package com.livermore.perseus.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The k-way merge of several streams' feeds into one newest-first sequence. An entry may only be
 * taken while no feed is {@link StreamFeed#due() due}: a feed with nothing buffered could still
 * hold an entry newer than every buffered head.
 */
final class MergedScan {
  private final List<StreamFeed> feeds;

  MergedScan(List<String> exchanges, EntryPosition after) {
    this(exchanges, after, null);
  }

  /** A scan whose feeds first fetch no lower than {@code floor} (null: no floor). */
  MergedScan(List<String> exchanges, EntryPosition after, StreamId floor) {
    this.feeds = exchanges.stream().map(x -> new StreamFeed(x, after, floor)).toList();
  }

  /** The feeds to fetch before the next entry can be taken. */
  List<StreamFeed> due() {
    StreamId newestHead = null;
    for (StreamFeed f : feeds) {
      if (f.head() != null && (newestHead == null || f.head().id().compareTo(newestHead) > 0)) {
        newestHead = f.head().id();
      }
    }
    // Asked before every entry taken: no stream, and no list unless a feed is due.
    List<StreamFeed> due = List.of();
    for (StreamFeed f : feeds) {
      if (f.due(newestHead)) {
        if (due.isEmpty()) due = new ArrayList<>();
        due.add(f);
      }
    }
    return due;
  }

  /**
   * The next entry in merged order, or empty when every feed is drained; requires {@code due()} to
   * be empty.
   */
  Optional<RawEntry> take() {
    StreamFeed best = null;
    for (StreamFeed f : feeds) {
      if (f.head() != null
          && (best == null
              || EntryPosition.NEWEST_FIRST.compare(f.head().position(), best.head().position())
                  < 0)) {
        best = f;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.take());
  }

  boolean mayHaveMore() {
    return feeds.stream().anyMatch(StreamFeed::mayHaveMore);
  }
}
