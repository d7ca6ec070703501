package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityReader;
import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.activity.ErrorThrottle;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.SettableClock;
import com.livermore.perseus.testing.Streams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activity log's trimming and throttling, run against a single node and a Redis Cluster by the
 * subclasses.
 */
abstract class ActivityLogContract {
  Keys keys;
  Streams streams;

  abstract RedisBackend backend();

  @BeforeEach
  void freshNamespace() {
    keys = new Keys("t" + UUID.randomUUID().toString().substring(0, 8) + ":");
    streams = new Streams(backend(), keys);
  }

  ActivityLog log(Duration retention, long maxLength) {
    return new ActivityLog(
        backend().redisson(),
        keys,
        new ActivitySettings(retention, maxLength, Duration.ofSeconds(60)),
        Clock.systemUTC());
  }

  static ActivityEntry entry(EventType type, String exchange) {
    return ActivityEntry.of(type, exchange, "i-1", 4, "host-1", Instant.now());
  }

  @Test
  void minIdRetentionRemovesEveryEntryOlderThanTheRetention() {
    String x = "kraken";
    String nodeEntries = streams.config(x, "stream-node-max-entries");
    String nodeBytes = streams.config(x, "stream-node-max-bytes");
    // Nodes of exactly 10 entries: 200 old entries fill 20 nodes that hold nothing newer, so even
    // approximate (~) trimming must drop every one of them.
    streams.configSet(x, "stream-node-max-entries", "10");
    streams.configSet(x, "stream-node-max-bytes", "0");
    try {
      long now = System.currentTimeMillis();
      long old = now - Duration.ofDays(2).toMillis();
      for (int i = 0; i < 200; i++) {
        streams.xadd(
            x,
            (old + i) + "-0",
            Streams.fields(EventType.COMMAND, x, Instant.ofEpochMilli(old + i)));
      }
      long recent = now - Duration.ofHours(12).toMillis();
      for (int i = 0; i < 5; i++) {
        streams.xadd(
            x,
            (recent + i) + "-0",
            Streams.fields(EventType.COMMAND, x, Instant.ofEpochMilli(recent + i)));
      }

      String appended = log(Duration.ofDays(1), 100_000).append(entry(EventType.REGISTERED, x));

      List<Streams.Stored> left = streams.range(x);
      assertThat(left).hasSize(6);
      assertThat(left)
          .allSatisfy(
              s -> assertThat(s.ms()).isGreaterThanOrEqualTo(now - Duration.ofDays(1).toMillis()));
      assertThat(left.get(5).id()).isEqualTo(appended);
    } finally {
      streams.configSet(x, "stream-node-max-entries", nodeEntries);
      streams.configSet(x, "stream-node-max-bytes", nodeBytes);
    }
  }

  @Test
  void theAgeTrimRunsOnTheFirstAppendAndThenOncePerInterval() {
    String x = "bitstamp";
    String nodeEntries = streams.config(x, "stream-node-max-entries");
    String nodeBytes = streams.config(x, "stream-node-max-bytes");
    // Nodes of exactly 10 entries, filled by batches of 200 and of 9 plus the append, so that
    // approximate (~) trimming removes exactly the old batches. Ids lie ahead of real time, so the
    // appended ids follow the explicit ones and the test's clock alone decides what is old.
    streams.configSet(x, "stream-node-max-entries", "10");
    streams.configSet(x, "stream-node-max-bytes", "0");
    try {
      long base = System.currentTimeMillis() + Duration.ofDays(1).toMillis();
      Duration retention = Duration.ofHours(1);
      SettableClock clock = new SettableClock(Instant.ofEpochMilli(base).plus(retention));
      ActivityLog log =
          new ActivityLog(
              backend().redisson(),
              keys,
              new ActivitySettings(retention, 100_000, Duration.ofSeconds(60)),
              clock);
      clock.advance(Duration.ofSeconds(5)); // cutoff: base + 5 s
      seed(x, base, 200);
      seed(x, base + 10_000, 9);
      log.append(entry(EventType.REGISTERED, x));
      assertThat(streams.xlen(x)).as("the first append trims by age").isEqualTo(10);

      clock.advance(Duration.ofSeconds(30)); // cutoff: base + 35 s
      seed(x, base + 20_000, 200);
      seed(x, base + 100_000, 9);
      log.append(entry(EventType.STATE_CHANGED, x));
      assertThat(streams.xlen(x)).as("no age trim within the interval").isEqualTo(220);

      clock.advance(ActivityLog.MIN_ID_TRIM_INTERVAL); // cutoff: base + 95 s
      seed(x, base + 200_000, 9);
      log.append(entry(EventType.STATE_CHANGED, x));
      List<Streams.Stored> left = streams.range(x);
      assertThat(left).as("trimmed by age again after the interval").hasSize(20);
      assertThat(left).allSatisfy(s -> assertThat(s.ms()).isGreaterThanOrEqualTo(base + 100_000));
    } finally {
      streams.configSet(x, "stream-node-max-entries", nodeEntries);
      streams.configSet(x, "stream-node-max-bytes", nodeBytes);
    }
  }

  private void seed(String x, long fromMs, int count) {
    for (int i = 0; i < count; i++) {
      streams.xadd(
          x,
          (fromMs + i) + "-0",
          Streams.fields(EventType.COMMAND, x, Instant.ofEpochMilli(fromMs + i)));
    }
  }

  @Test
  void theMaxLengthCapHoldsAfterAHundredThousandAppends() throws Exception {
    String x = "binance";
    ActivityLog capped = log(Duration.ofDays(90), 1_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        writers.add(
            pool.submit(
                () -> {
                  int ids = 0;
                  for (int i = 0; i < 12_500; i++) {
                    if (capped.append(entry(EventType.STATE_CHANGED, x)) != null) ids++;
                  }
                  return ids;
                }));
      }
      int appended = 0;
      for (Future<Integer> w : writers) appended += w.get(60, TimeUnit.SECONDS);
      assertThat(appended).isEqualTo(100_000);
    } finally {
      pool.shutdownNow();
    }

    long nodeSize = Long.parseLong(streams.config(x, "stream-node-max-entries"));
    // MAXLEN ~ only drops whole nodes, so at most one node's worth above the cap remains.
    assertThat(streams.xlen(x)).isBetween(1_000L, 1_000L + nodeSize);
  }

  @Test
  void anErrorStormOfTenThousandIdenticalErrorsLeavesTwoEntriesWithTheCount() {
    String x = "okx";
    ActivityLog log = log(Duration.ofDays(90), 50_000);
    ErrorThrottle throttle = new ErrorThrottle(Duration.ofSeconds(60));
    Instant t0 = Instant.now();

    for (int i = 0; i < 10_000; i++) {
      ActivityEntry error =
          ActivityEntry.of(EventType.ERROR, x, "i-1", 4, "host-1", t0.plusMillis(i))
              .withMessage("connection reset by peer");
      throttle.onError(error).forEach(log::append);
    }
    throttle.closeExpired(t0.plusSeconds(61)).forEach(log::append);

    List<Streams.Stored> stored = streams.range(x);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).fields())
        .containsEntry("type", "error")
        .containsEntry("message", "connection reset by peer")
        .containsEntry("at", t0.toString());
    assertThat(stored.get(1).fields())
        .containsEntry("type", "errors_suppressed")
        .containsEntry("count", "9999")
        .containsEntry("epoch", "4");
    List<ActivityRecord> read =
        new ActivityReader(new StreamRanges(backend().redisson(), keys))
            .read(ActivityQuery.newest(List.of(x), 10))
            .entries();
    assertThat(read)
        .extracting(r -> r.entry().type())
        .containsExactly(EventType.ERRORS_SUPPRESSED, EventType.ERROR);
    assertThat(read.get(0).entry().count()).isEqualTo(9_999L);
  }
}
