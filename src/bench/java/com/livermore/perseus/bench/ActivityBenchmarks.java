package com.livermore.perseus.bench;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityReader;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.store.ActivityLog;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.StreamRanges;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The activity log's write and read: an append (an {@code XADD} capped by {@code MAXLEN ~}; the age
 * trim runs once a minute per stream) against a plain {@code XADD} of the same fields, and a merged
 * page of 50 entries over 10 exchanges against one {@code XREVRANGE … COUNT 50} on one of their
 * streams.
 *
 * <p>The fixture is made once per JVM: a row alternates many short trials of the same paths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivityBenchmarks {
  static final int PAGE = 50;
  private static final int STREAMS = 10;
  private static final int ENTRIES_PER_STREAM = 1_000;

  private static ActivityLog log;
  private static ActivityEntry appended;
  private static RStream<String, String> plainStream;
  private static Map<String, String> plainFields;
  private static ActivityReader reader;
  private static ActivityQuery newestPage;
  private static RStream<String, String> oneOfTen;

  @Setup
  public void setUp() {
    if (log != null) return;
    RedissonClient redisson = BenchRedis.client();
    Keys keys = new Keys("activity:");
    log = new ActivityLog(redisson, keys, Fixtures.ACTIVITY, Clock.systemUTC());
    appended =
        Fixtures.entry(EventType.STATE_CHANGED, "appended", "instance-appended", Instant.now())
            .withStates("warming", "active");
    plainStream = redisson.getStream(keys.activity("plain"), StringCodec.INSTANCE);
    plainFields = fieldMap(appended.fields(false));

    List<String> exchanges = Fixtures.exchangeIds(STREAMS);
    seedInterleaved(redisson, keys, exchanges);
    reader = new ActivityReader(new StreamRanges(redisson, keys));
    newestPage = ActivityQuery.newest(exchanges, PAGE);
    oneOfTen = redisson.getStream(keys.activity(exchanges.get(0)), StringCodec.INSTANCE);
  }

  @Benchmark
  public String append() {
    return log.append(appended);
  }

  @Benchmark
  public StreamMessageId appendBaselineXadd() {
    return plainStream.add(StreamAddArgs.entries(plainFields));
  }

  @Benchmark
  public ActivityPage page() {
    return reader.read(newestPage);
  }

  @Benchmark
  public Map<StreamMessageId, Map<String, String>> pageBaselineXrevrange() {
    return oneOfTen.rangeReversed(
        StreamRangeArgs.startId(StreamMessageId.MAX).endId(StreamMessageId.MIN).count(PAGE));
  }

  /** Entries appended to the streams in turn, as a busy network writes them. */
  private static void seedInterleaved(RedissonClient redisson, Keys keys, List<String> exchanges) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    Instant now = Instant.now();
    for (int i = 0; i < ENTRIES_PER_STREAM; i++) {
      for (String x : exchanges) {
        ActivityEntry entry =
            Fixtures.entry(EventType.STATE_CHANGED, x, "instance-" + x, now)
                .withStates("warming", "active");
        batch
            .<String, String>getStream(keys.activity(x), StringCodec.INSTANCE)
            .addAsync(StreamAddArgs.entries(fieldMap(entry.fields(false))));
      }
    }
    batch.execute();
  }

  private static Map<String, String> fieldMap(List<String> fields) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i += 2) map.put(fields.get(i), fields.get(i + 1));
    return map;
  }
}
