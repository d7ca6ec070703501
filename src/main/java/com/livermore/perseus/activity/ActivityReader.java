package com.livermore.perseus.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the merged activity of several exchanges, newest first. Each exchange's stream is read with
 * its own {@code XREVRANGE} (never a multi-key {@code XREAD}, whose keys would span slots in Redis
 * Cluster), all of a round in one pipelined batch: one round trip per Redis node. The merge and the
 * filters run here; the cursor is the position of the last entry examined.
 *
 * <p>The newest page is asked for again and again (every console poll). Stream ids only grow, so
 * the oldest entry the same page examined last time is a floor: this time's page lies at or above
 * it unless entries were trimmed meanwhile. The reader remembers that floor per query and fetches
 * only what lies above it (about one page in all instead of one page per stream); when trimming
 * left too little above the floor, the scan continues below it in a further round.
 */
public class ActivityReader {
  static final int MAX_LIMIT = 500;

  /** Fetch at least this many per stream so a type filter rarely needs a second round. */
  static final int MIN_BATCH = 64;

  private final StreamSource source;
  private static final int MAX_FLOORS = 256;

  private final ScanBudget budget;
  private final Map<FloorKey, StreamId> floors = new ConcurrentHashMap<>();

  /** The newest-page queries whose floor is remembered. */
  private record FloorKey(List<String> exchanges, Set<EventType> types, int limit) {}

  public ActivityReader(StreamSource source) {
    this(source, ScanBudget.DEFAULT);
  }

  ActivityReader(StreamSource source, ScanBudget budget) {
    this.source = source;
    this.budget = budget;
  }

  /**
   * One page; {@link InvalidCursorException} if the query's cursor is not one this reader issued.
   */
  public ActivityPage read(ActivityQuery query) {
    int limit = Math.max(1, Math.min(MAX_LIMIT, query.limit()));
    EntryPosition after = query.cursor() == null ? null : ActivityCursor.decode(query.cursor());
    StreamId lowest = query.since() == null ? null : StreamId.atOrAfter(query.since());
    // One more than the page, so a full page still knows whether its streams hold anything older.
    int batchSize = Math.max(limit + 1, MIN_BATCH);
    FloorKey floorKey =
        query.cursor() == null && query.since() == null
            ? new FloorKey(query.exchanges(), query.types(), limit)
            : null;
    MergedScan scan =
        new MergedScan(query.exchanges(), after, floorKey == null ? null : floors.get(floorKey));
    List<ActivityRecord> page = new ArrayList<>(limit);
    EntryPosition last = null;
    int rounds = 0;
    int examined = 0;
    while (page.size() < limit) {
      List<StreamFeed> due = scan.due();
      if (!due.isEmpty()) {
        if (rounds >= budget.rounds() || examined >= budget.entries()) break;
        fetch(due, batchSize, lowest);
        rounds++;
        continue;
      }
      Optional<RawEntry> next = scan.take();
      if (next.isEmpty()) break;
      examined++;
      last = next.get().position();
      ActivityRecord record = next.get().toRecord();
      if (query.wants(record)) page.add(record);
    }
    boolean older = last != null && scan.mayHaveMore();
    if (floorKey != null) remember(floorKey, older && page.size() == limit ? last.id() : null);
    return new ActivityPage(page, older ? ActivityCursor.encode(last) : null);
  }

  /** A full page with older entries left: its last entry is the next same page's floor. */
  private void remember(FloorKey key, StreamId floor) {
    if (floor == null) {
      floors.remove(key);
      return;
    }
    if (floors.size() >= MAX_FLOORS && !floors.containsKey(key)) floors.clear();
    floors.put(key, floor);
  }

  private void fetch(List<StreamFeed> due, int count, StreamId lowest) {
    List<StreamSource.Range> ranges = new ArrayList<>(due.size());
    for (StreamFeed feed : due) ranges.add(range(feed, count, lowest));
    List<StreamSource.Answer> answers = source.fetch(ranges);
    for (int i = 0; i < due.size(); i++) {
      StreamFeed feed = due.get(i);
      StreamSource.Answer answer = answers.get(i);
      if (answer.problem() != null) {
        feed.acceptUnreadable(RawEntry.unreadableStream(feed.exchange(), answer.problem()));
        continue;
      }
      List<RawEntry> fetched = new ArrayList<>(answer.entries().size());
      for (StreamSource.Entry e : answer.entries()) {
        fetched.add(new RawEntry(e.id(), feed.exchange(), e.fields()));
      }
      feed.accept(fetched, count);
    }
  }

  /** {@code XREVRANGE key <upper or (upper> <floor, since-0 or -> COUNT n}. */
  private static StreamSource.Range range(StreamFeed feed, int count, StreamId lowest) {
    StreamId bottom = lowest;
    if (feed.floor() != null && (bottom == null || feed.floor().compareTo(bottom) > 0)) {
      bottom = feed.floor();
    }
    return new StreamSource.Range(
        feed.exchange(), feed.upper(), feed.upperInclusive(), bottom, count);
  }
}
