package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event stream as a reconnecting client uses it, read line by line as an EventSource does: ids,
 * the retry hint, per-exchange events, resume with {@code Last-Event-ID} without a gap or a
 * duplicate, a fresh picture for an id the server cannot resume, and the keep-alive comment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventStreamIT {
  static final String VIEWER = "viewer:viewer-secret";
  static RedisServer redis;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    return KrakenDeployment.war("event-stream", redis, "viewer:network-viewer:plain:viewer-secret");
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) redis.close();
  }

  /** One event as an EventSource sees it, or a comment ({@code name} null, {@code comment} set). */
  record Event(String id, String name, String data, Long retry, String comment) {
    JsonNode json() throws Exception {
      return RecordJson.mapper().readTree(data);
    }

    long number() {
      return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
  }

  /** An open stream and the events read from it so far. */
  final class Stream implements AutoCloseable {
    final HttpResponse<InputStream> response;
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    Stream(String query, String... headers) throws Exception {
      response = ApiClient.at(base).stream("api/network/events" + query, VIEWER, headers);
      assertThat(response.statusCode()).isEqualTo(200);
      Thread reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String id = null, name = null;
        Long retry = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith(":"))
            events.add(new Event(null, null, null, null, line.substring(1).trim()));
          else if (line.startsWith("id:")) id = line.substring(3).trim();
          else if (line.startsWith("event:")) name = line.substring(6).trim();
          else if (line.startsWith("retry:")) retry = Long.parseLong(line.substring(6).trim());
          else if (line.startsWith("data:")) data.append(line.substring(5).trim());
          else if (line.isEmpty() && (data.length() > 0 || retry != null)) {
            events.add(new Event(id, name, data.toString(), retry, null));
            id = name = null;
            retry = null;
            data.setLength(0);
          }
        }
      } catch (Exception e) {
        // closed by the test
      }
    }

    /** The next event (not comment) that matches, failing after {@code timeout}. */
    Event await(Predicate<Event> wanted, Duration timeout, List<Event> passed) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Event e = events.poll(200, TimeUnit.MILLISECONDS);
        if (e == null) continue;
        if (wanted.test(e)) return e;
        if (passed != null) passed.add(e);
      }
      throw new AssertionError("no wanted event within " + timeout + "; passed " + passed);
    }

    Event next(Duration timeout) throws Exception {
      return await(e -> e.name() != null, timeout, null);
    }

    @Override
    public void close() throws Exception {
      response.body().close();
    }
  }

  static boolean about(Event e, String exchange) {
    return "exchange".equals(e.name()) && e.data().contains("\"exchange\":\"" + exchange + "\"");
  }

  @Test
  void everyEventHasAnIdTheFirstTellsTheRetryAndExchangeEventsCarryOneExchange() throws Exception {
    try (Stream stream = new Stream("?events=network,exchange")) {
      Event first = stream.next(Duration.ofSeconds(10));
      assertThat(first.name()).isEqualTo("network");
      assertThat(first.retry()).isEqualTo(3000);
      assertThat(first.id()).matches("[0-9a-z]+-[0-9]+");
      assertThat(first.json().get("exchanges").toString()).contains("\"kraken\"");

      String gemini = NetworkApiIT.seedShortLivedExchange(redis, "gemini", "g-1", 2500);
      List<Event> seen = new ArrayList<>();
      Event appeared = stream.await(e -> about(e, gemini), Duration.ofSeconds(10), seen);
      assertThat(appeared.json().get("liveness").asText()).isIn("alive", "late");
      assertThat(appeared.json().has("exchanges")).as("one exchange, not the network").isFalse();
      Event died =
          stream.await(
              e -> about(e, gemini) && e.data().contains("\"liveness\":\"dead\""),
              Duration.ofSeconds(10),
              seen);
      assertThat(died.number()).isGreaterThan(appeared.number());
      assertThat(seen).allSatisfy(e -> assertThat(e.id() == null || e.number() > first.number()));
      assertThat(seen)
          .as("only what changed: kraken's heartbeats make no exchange event")
          .noneMatch(e -> about(e, "kraken"));
    }
  }

  @Test
  void aClientThatReconnectsWithTheLastIdGetsWhatItMissedOnce() throws Exception {
    Event last;
    try (Stream stream = new Stream("?events=network,exchange")) {
      last = stream.next(Duration.ofSeconds(10));
    }
    String gemini = NetworkApiIT.seedShortLivedExchange(redis, "gemini", "g-2", 60_000);
    Thread.sleep(2000); // the change happens while the client is away
    try (Stream again = new Stream("?events=network,exchange", "Last-Event-ID", last.id())) {
      List<Event> events = new ArrayList<>();
      Event missed = again.await(e -> about(e, gemini), Duration.ofSeconds(10), events);
      events.add(missed);
      List<Long> numbers = events.stream().filter(e -> e.id() != null).map(Event::number).toList();
      assertThat(numbers).as("ids after the last one, in order, none twice").isSorted();
      assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n > last.number());
      assertThat(numbers.get(0)).as("nothing skipped").isEqualTo(last.number() + 1);
    }
  }

  @Test
  void anIdTheServerCannotResumeGetsAFreshPicture() throws Exception {
    try (Stream stream = new Stream("", "Last-Event-ID", "another-run-7")) {
      Event first = stream.next(Duration.ofSeconds(10));
      assertThat(first.name()).isEqualTo("network");
      assertThat(first.id()).doesNotStartWith("another-run");
      assertThat(first.json().get("exchanges").toString()).contains("\"kraken\"");
    }
  }

  @Test
  void anIdleStreamGetsAKeepAliveCommentWithin15Seconds() throws Exception {
    try (Stream stream = new Stream("")) {
      stream.next(Duration.ofSeconds(10));
      Event comment = stream.await(e -> e.comment() != null, Duration.ofSeconds(17), null);
      assertThat(comment.comment()).isEqualTo("keep-alive");
    }
  }

  /**
   * A client that connects and never reads must hold up nobody: with a 1 MB record in the network,
   * every picture is 1 MB, its connection fills after a few, and a reading client still gets each
   * change. The stalled client is closed once it falls too far behind.
   */
  @Test
  void aClientThatStopsReadingHoldsUpNoOtherClient() throws Exception {
    String big = NetworkApiIT.seedShortLivedExchange(redis, "bulky", "b-1", 600_000);
    String hostname = "h".repeat(1_000_000);
    try (Socket stalled = new Socket();
        Stream reading = new Stream("")) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      stalled
          .getOutputStream()
          .write(
              ("GET "
                      + BuiltWar.contextPath(base)
                      + "api/network/events HTTP/1.1\r\nHost: "
                      + base.getHost()
                      + "\r\nAuthorization: "
                      + ApiClient.basic(VIEWER)
                      + "\r\nAccept: text/event-stream\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      stalled.getOutputStream().flush();
      reading.next(Duration.ofSeconds(10));
      for (int epoch = 2; epoch <= 13; epoch++) {
        setEpoch(big, epoch, hostname);
        long wanted = epoch;
        Event seen =
            reading.await(
                e -> "network".equals(e.name()) && ownerEpoch(e, big) == wanted,
                Duration.ofSeconds(10),
                null);
        assertThat(seen.data().length()).isGreaterThan(1_000_000);
      }
    } finally {
      try (Resp r = redis.connect()) {
        r.call("HDEL", "network:exchanges", big);
        r.call("DEL", "exchange:{" + big + "}:instance", "exchange:{" + big + "}:last");
      }
    }
  }

  static long ownerEpoch(Event e, String exchange) {
    try {
      for (JsonNode x : e.json().get("exchanges")) {
        if (x.get("exchange").asText().equals(exchange) && x.get("owner").isObject()) {
          return x.get("owner").get("epoch").asLong();
        }
      }
      return -1;
    } catch (Exception notJson) {
      throw new AssertionError(notJson);
    }
  }

  /** The seeded owner of {@code exchange} renews with a new epoch and a very long hostname. */
  static void setEpoch(String exchange, long epoch, String hostname) {
    OwnerRecord record =
        NetworkApiIT.activeRecord("b-1", exchange, epoch, hostname, "10.2.2.3", Instant.now());
    try (Resp r = redis.connect()) {
      r.call(
          "SET", "exchange:{" + exchange + "}:instance", RecordJson.write(record), "PX", "600000");
    }
  }
}
