package com.livermore.perseus.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

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

  private final RedissonClient redisson;
  private final Function<String, String> streamKey;
  private static final int MAX_FLOORS = 256;

  private final ScanBudget budget;
  private final Map<FloorKey, StreamId> floors = new ConcurrentHashMap<>();

  /** The newest-page queries whose floor is remembered. */
  private record FloorKey(List<String> exchanges, Set<EventType> types, int limit) {}

  /**
   * {@code streamKey} maps an exchange to its stream key (the registry's {@code Keys#activity}).
   */
  public ActivityReader(RedissonClient redisson, Function<String, String> streamKey) {
    this(redisson, streamKey, ScanBudget.DEFAULT);
  }

  ActivityReader(RedissonClient redisson, Function<String, String> streamKey, ScanBudget budget) {
    this.redisson = redisson;
    this.streamKey = streamKey;
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
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<Map<StreamMessageId, Map<String, String>>>> replies = new ArrayList<>(due.size());
    for (StreamFeed feed : due) {
      replies.add(
          batch
              .<String, String>getStream(streamKey.apply(feed.exchange()), StringCodec.INSTANCE)
              .rangeReversedAsync(range(feed, count, lowest)));
    }
    try {
      batch.execute();
    } catch (RedisException e) {
      if (!isWrongType(e)) throw e;
      // Some key holds something other than a stream: read one by one and flag just that one.
      fetchEach(due, count, lowest);
      return;
    }
    for (int i = 0; i < due.size(); i++) {
      accept(due.get(i), replies.get(i).toCompletableFuture().join(), count);
    }
  }

  private void fetchEach(List<StreamFeed> due, int count, StreamId lowest) {
    for (StreamFeed feed : due) {
      try {
        accept(
            feed,
            redisson
                .<String, String>getStream(streamKey.apply(feed.exchange()), StringCodec.INSTANCE)
                .rangeReversed(range(feed, count, lowest)),
            count);
      } catch (RedisException e) {
        if (!isWrongType(e)) throw e;
        feed.acceptUnreadable(
            RawEntry.unreadableStream(
                feed.exchange(),
                streamKey.apply(feed.exchange())
                    + " is not a stream (WRONGTYPE): another program stored something else there"));
      }
    }
  }

  private static boolean isWrongType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("WRONGTYPE")) return true;
    }
    return false;
  }

  private static void accept(
      StreamFeed feed, Map<StreamMessageId, Map<String, String>> reply, int count) {
    List<RawEntry> fetched = new ArrayList<>();
    reply.forEach(
        (id, fields) ->
            fetched.add(
                new RawEntry(new StreamId(id.getId0(), id.getId1()), feed.exchange(), fields)));
    feed.accept(fetched, count);
  }

  /** {@code XREVRANGE key <upper or (upper> <floor, since-0 or -> COUNT n}. */
  private static StreamRangeArgs range(StreamFeed feed, int count, StreamId lowest) {
    StreamMessageId high = feed.upper() == null ? StreamMessageId.MAX : messageId(feed.upper());
    StreamId bottom = lowest;
    if (feed.floor() != null && (bottom == null || feed.floor().compareTo(bottom) > 0)) {
      bottom = feed.floor();
    }
    StreamMessageId low = bottom == null ? StreamMessageId.MIN : messageId(bottom);
    var start =
        feed.upperInclusive()
            ? StreamRangeArgs.startId(high)
            : StreamRangeArgs.startIdExclusive(high);
    return start.endId(low).count(count);
  }

  private static StreamMessageId messageId(StreamId id) {
    return new StreamMessageId(id.ms(), id.seq());
  }
}
