package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.store.ActivityLog;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One million events written through the production stream writer (one {@code XADD … MAXLEN ~ cap}
 * per event) leave the stream at its cap, and the stream's memory stops growing once the cap is
 * reached.
 */
class StreamBoundsIT {
  static final long EVENTS = Long.getLong("perseus.reliability.events", 1_000_000);
  static final long CAP = 50_000; // the default perseus.activity.max-length
  static final int WRITERS = 16;

  @Test
  void aMillionEventsLeaveTheStreamUnderItsCap() throws Exception {
    try (RedisBackend redis = RedisBackend.singleNode()) {
      Keys keys = new Keys("");
      String key = keys.activity("coinbase");
      ActivityLog log =
          new ActivityLog(
              redis.redisson(),
              keys,
              new ActivitySettings(Duration.ofDays(90), CAP, Duration.ofSeconds(60)),
              Clock.systemUTC());
      AtomicLong written = new AtomicLong();
      List<Map<String, Long>> samples = new ArrayList<>();
      long started = System.nanoTime();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          done.add(
              writers.submit(
                  () -> {
                    while (written.incrementAndGet() <= EVENTS) {
                      log.append(
                          ActivityEntry.of(
                                  EventType.ERROR, "coinbase", "writer", 1, "host", Instant.now())
                              .withMessage("event " + written.get()));
                    }
                  }));
        }
        while (!done.stream().allMatch(Future::isDone)) {
          Thread.sleep(2000);
          samples.add(sample(redis, key));
        }
        for (Future<?> f : done) f.get();
      } finally {
        writers.shutdownNow();
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      Map<String, Long> end = sample(redis, key);
      samples.add(end);

      long longest = samples.stream().mapToLong(s -> s.get("length")).max().orElse(0);
      assertThat(longest)
          .as("never more than the cap plus one radix-tree node (approximate trimming)")
          .isLessThanOrEqualTo(CAP + 200);
      List<Long> memoryAtCap =
          samples.stream()
              .filter(s -> s.get("length") >= CAP)
              .map(s -> s.get("streamBytes"))
              .toList();
      assertThat(memoryAtCap).isNotEmpty();
      long lowest = memoryAtCap.stream().mapToLong(Long::longValue).min().orElseThrow();
      long highest = memoryAtCap.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(highest)
          .as("memory stays flat once the cap is reached")
          .isLessThan(lowest * 3 / 2);

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("events", EVENTS);
      figures.put("cap", CAP);
      figures.put("writers", WRITERS);
      figures.put("seconds", seconds);
      figures.put("longestStreamSeen", longest);
      figures.put("finalLength", end.get("length"));
      figures.put("streamBytesAtCapMin", lowest);
      figures.put("streamBytesAtCapMax", highest);
      figures.put("redisUsedMemoryBytes", end.get("usedMemory"));
      ReliabilityReport.record("resource bounds (1,000,000 events into one stream)", figures);
    }
  }

  static Map<String, Long> sample(RedisBackend redis, String key) {
    try (Resp r = redis.connectFor(key)) {
      Map<String, Long> s = new LinkedHashMap<>();
      s.put("length", (Long) r.call("XLEN", key));
      Object bytes = r.call("MEMORY", "USAGE", key);
      s.put("streamBytes", bytes == null ? 0L : (Long) bytes);
      String info = (String) r.call("INFO", "memory");
      s.put(
          "usedMemory",
          info.lines()
              .filter(l -> l.startsWith("used_memory:"))
              .map(l -> Long.parseLong(l.substring("used_memory:".length()).trim()))
              .findFirst()
              .orElse(0L));
      return s;
    }
  }
}
