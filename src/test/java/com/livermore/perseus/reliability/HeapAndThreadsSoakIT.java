package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak (in the {@code soak} profile only): one Payara Micro instance with a 100 ms heartbeat,
 * polled through its API, for {@code perseus.soak.minutes} (30 by default). Every minute the live
 * heap after a full GC and the thread count are read with {@code jcmd}; after the first third
 * (warm-up), both must stay flat.
 */
class HeapAndThreadsSoakIT {
  static final long MINUTES = Long.getLong("perseus.soak.minutes", 30);

  @Test
  void heapAndThreadsStayFlatAtAFastHeartbeat() throws Exception {
    try (RedisServer redis = RedisServer.start();
        PayaraProcess payara =
            PayaraProcess.startBuiltWar(
                "soak",
                TestConfig.exchange("coinbase")
                    .redis(redis.address())
                    .heartbeat("100ms", "1s")
                    .users(ApiClient.ADMIN_USERS)
                    .properties())) {
      assertThat(payara.awaitWeb(Duration.ofMinutes(3))).isTrue();
      List<Long> heapKb = new ArrayList<>();
      List<Long> threads = new ArrayList<>();
      long requests = 0;
      long errors = 0;
      long end = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
      long nextSample = System.nanoTime();
      while (System.nanoTime() < end) {
        int status =
            ApiClient.at(payara.url()).get("api/network/instances", ApiClient.ADMIN).statusCode();
        requests++;
        if (status != 200) errors++;
        if (System.nanoTime() >= nextSample) {
          heapKb.add(liveHeapKb(payara.pid()));
          threads.add(threadCount(payara.pid()));
          nextSample += Duration.ofMinutes(1).toNanos();
        }
        Thread.sleep(200);
      }
      heapKb.add(liveHeapKb(payara.pid()));
      threads.add(threadCount(payara.pid()));

      int warm = Math.max(1, heapKb.size() / 3);
      List<Long> heapAfterWarmUp = heapKb.subList(warm, heapKb.size());
      List<Long> threadsAfterWarmUp = threads.subList(warm, threads.size());
      long heapFirst = heapAfterWarmUp.get(0);
      long heapMax = heapAfterWarmUp.stream().mapToLong(Long::longValue).max().orElse(0);
      long threadsMin = threadsAfterWarmUp.stream().mapToLong(Long::longValue).min().orElse(0);
      long threadsMax = threadsAfterWarmUp.stream().mapToLong(Long::longValue).max().orElse(0);

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("minutes", MINUTES);
      figures.put("heartbeatMs", 100);
      figures.put("apiRequests", requests);
      figures.put("apiErrors", errors);
      figures.put("liveHeapKbPerMinute", heapKb);
      figures.put("threadsPerMinute", threads);
      ReliabilityReport.record("soak (fast heartbeat, heap and threads)", figures);

      assertThat(errors).isZero();
      assertThat(heapMax)
          .as("live heap after warm-up stays within 20% (+8 MB) of where it started")
          .isLessThanOrEqualTo(heapFirst * 6 / 5 + 8 * 1024);
      assertThat(threadsMax - threadsMin).as("thread count stays flat").isLessThanOrEqualTo(5);
    }
  }

  /** The live heap after a full GC, in KB, from {@code jcmd GC.run} and {@code GC.heap_info}. */
  static long liveHeapKb(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
    if (!used.find()) throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
    return Long.parseLong(used.group(1));
  }

  static long threadCount(long pid) throws IOException, InterruptedException {
    return jcmd(pid, "Thread.print").lines().filter(l -> l.startsWith("\"")).count();
  }

  static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
