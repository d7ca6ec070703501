package com.livermore.perseus.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.testing.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) resources.get(i).close();
  }

  private WebhookReceiver receiver(WebhookReceiver.Script script) throws IOException {
    WebhookReceiver r = new WebhookReceiver(script);
    resources.add(r);
    return r;
  }

  private WebhookNotifier notifier(WebhookSettings settings) {
    WebhookNotifier n = new WebhookNotifier(settings);
    resources.add(n);
    return n;
  }

  /** Quick retries so the tests wait for behaviour, not for production backoffs. */
  private static WebhookSettings settings(WebhookTarget... targets) {
    return WebhookSettings.of(List.of(targets))
        .withRetries(3, Duration.ofMillis(20))
        .withTimeout(Duration.ofSeconds(5));
  }

  private static Notification stateChange() {
    return Notification.fromEntry(
        ActivityEntry.of(EventType.STATE_CHANGED, "kraken", "i-1", 3, "host-a", Instant.now())
            .withStates("active", "stopping"));
  }

  @Test
  void deliversEachFormatAsJsonPost() throws Exception {
    WebhookReceiver discord = receiver(n -> WebhookReceiver.Reply.status(204));
    WebhookReceiver slack = receiver(n -> WebhookReceiver.Reply.status(200));
    WebhookReceiver json = receiver(n -> WebhookReceiver.Reply.status(202));
    WebhookNotifier notifier =
        notifier(
            settings(
                discord.target(WebhookFormat.DISCORD),
                slack.target(WebhookFormat.SLACK),
                json.target(WebhookFormat.JSON)));

    assertThat(notifier.offer(stateChange())).isTrue();

    await().atMost(WAIT).until(() -> notifier.delivered() == 3);
    for (WebhookReceiver r : List.of(discord, slack, json)) {
      assertThat(r.requests()).hasSize(1);
      assertThat(r.requests().get(0).method()).isEqualTo("POST");
      assertThat(r.requests().get(0).contentType()).isEqualTo("application/json");
    }
    JsonNode d = MAPPER.readTree(discord.requests().get(0).body());
    assertThat(d.path("embeds").get(0).path("title").asText())
        .isEqualTo("kraken: active → stopping");
    JsonNode s = MAPPER.readTree(slack.requests().get(0).body());
    assertThat(s.path("blocks").get(0).path("type").asText()).isEqualTo("section");
    JsonNode j = MAPPER.readTree(json.requests().get(0).body());
    assertThat(j.path("source").asText()).isEqualTo("perseus");
    assertThat(j.path("kind").asText()).isEqualTo("state_changed");
    assertThat(notifier.failed()).isZero();
    assertThat(notifier.retries()).isZero();
  }

  @Test
  void retriesAfterServerErrorsAndDeliversOnce() throws Exception {
    WebhookReceiver r = receiver(n -> WebhookReceiver.Reply.status(n <= 2 ? 500 : 200));
    WebhookNotifier notifier =
        notifier(settings(r.target(WebhookFormat.JSON)).withRetries(5, Duration.ofMillis(20)));

    notifier.offer(stateChange());

    await().atMost(WAIT).until(() -> notifier.delivered() == 1);
    assertThat(notifier.retries()).isEqualTo(2);
    assertThat(notifier.failed()).isZero();
    assertThat(r.requests()).hasSize(3);
    assertThat(r.requests())
        .extracting(WebhookReceiver.Request::body)
        .containsOnly(r.requests().get(0).body());
  }

  @Test
  void honoursRetryAfterOnTooManyRequests() throws Exception {
    WebhookReceiver r =
        receiver(
            n -> n == 1 ? new WebhookReceiver.Reply(429, "1") : WebhookReceiver.Reply.status(200));
    WebhookNotifier notifier = notifier(settings(r.target(WebhookFormat.DISCORD)));

    notifier.offer(stateChange());

    await().atMost(WAIT).until(() -> notifier.delivered() == 1);
    long gap = r.requests().get(1).receivedNanos() - r.requests().get(0).receivedNanos();
    assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(notifier.retries()).isEqualTo(1);
  }

  @Test
  void givesUpAfterMaxAttemptsWithAWarningThatHidesTheUrl() throws Exception {
    WebhookReceiver r = receiver(n -> WebhookReceiver.Reply.status(503));
    List<LogRecord> logged = capture();
    WebhookNotifier notifier = notifier(settings(r.target(WebhookFormat.SLACK)));

    notifier.offer(stateChange());

    await().atMost(WAIT).until(() -> notifier.failed() == 1);
    assertThat(r.requests()).hasSize(3);
    assertThat(notifier.retries()).isEqualTo(2);
    assertThat(notifier.delivered()).isZero();
    assertThat(logged)
        .anySatisfy(
            rec ->
                assertThat(rec.getMessage())
                    .contains("slack webhook at 127.0.0.1:", "after 3 attempts", "HTTP 503"));
    assertThat(logged)
        .allSatisfy(
            rec ->
                assertThat(String.valueOf(rec.getMessage()))
                    .doesNotContain("s3cr3t", "/api/webhooks"));
  }

  @Test
  void doesNotRetryAnAnswerThatCannotChange() throws Exception {
    WebhookReceiver r = receiver(n -> WebhookReceiver.Reply.status(404));
    WebhookNotifier notifier = notifier(settings(r.target(WebhookFormat.DISCORD)));

    notifier.offer(stateChange());

    await().atMost(WAIT).until(() -> notifier.failed() == 1);
    assertThat(r.requests()).hasSize(1);
    assertThat(notifier.retries()).isZero();
  }

  @Test
  void retriesWhenTheConnectionIsRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    WebhookTarget nobody =
        new WebhookTarget(
            URI.create("http://127.0.0.1:" + port + WebhookReceiver.SECRET_PATH),
            WebhookFormat.JSON);
    WebhookNotifier notifier = notifier(settings(nobody));

    notifier.offer(stateChange());

    await().atMost(WAIT).until(() -> notifier.failed() == 1);
    assertThat(notifier.retries()).isEqualTo(2);
  }

  @Test
  void aHangingWebhookNeverBlocksOfferAndTheQueueStaysBounded() throws Exception {
    WebhookReceiver hanging =
        receiver(
            n -> {
              Thread.sleep(10_000);
              return WebhookReceiver.Reply.status(200);
            });
    WebhookNotifier notifier =
        notifier(
            settings(hanging.target(WebhookFormat.DISCORD))
                .withQueueCapacity(10)
                .withTimeout(Duration.ofSeconds(30)));
    notifier.offer(stateChange());
    await().atMost(WAIT).until(() -> hanging.open() == 1);

    int accepted = 0;
    for (int i = 0; i < 1000; i++) {
      if (notifier.offer(stateChange())) accepted++;
    }

    // All 1,000 calls returned while the first post is still hanging: offer did not wait for it.
    assertThat(hanging.open()).isEqualTo(1);
    assertThat(hanging.requests()).hasSize(1);
    assertThat(accepted).isEqualTo(10);
    assertThat(notifier.queued()).isEqualTo(10);
    assertThat(notifier.dropped()).isEqualTo(990);
  }

  @Test
  void onlyWantedKindsAreQueued() throws Exception {
    WebhookReceiver r = receiver(n -> WebhookReceiver.Reply.status(200));
    WebhookSettings wanted =
        new WebhookSettings(
            List.of(r.target(WebhookFormat.JSON)),
            Set.of(EventType.TAKEOVER),
            false,
            10,
            1,
            Duration.ZERO,
            Duration.ofSeconds(5));
    WebhookNotifier notifier = notifier(wanted);

    assertThat(notifier.offer(stateChange())).isFalse();
    assertThat(notifier.offer(Notification.dead("kraken", "i-1", "host-a", 3, Instant.now())))
        .isFalse();
    assertThat(
            notifier.offer(
                ActivityEntry.of(EventType.TAKEOVER, "kraken", "i-2", 4, "host-b", Instant.now())))
        .isTrue();

    await().atMost(WAIT).until(() -> notifier.delivered() == 1);
    assertThat(MAPPER.readTree(r.requests().get(0).body()).path("kind").asText())
        .isEqualTo("takeover");
  }

  @Test
  void withoutTargetsNothingRunsAndOfferRefuses() {
    WebhookNotifier notifier = notifier(WebhookSettings.of(List.of()));
    assertThat(notifier.threadName()).isNull();
    assertThat(notifier.offer(stateChange())).isFalse();
    notifier.close();
  }

  @Test
  void closeEndsTheSenderThreadEvenWhileAPostHangs() throws Exception {
    WebhookReceiver hanging =
        receiver(
            n -> {
              Thread.sleep(10_000);
              return WebhookReceiver.Reply.status(200);
            });
    WebhookNotifier notifier =
        new WebhookNotifier(
            settings(hanging.target(WebhookFormat.JSON)).withTimeout(Duration.ofSeconds(30)));
    String name = notifier.threadName();
    notifier.offer(stateChange());
    notifier.offer(stateChange());
    await().atMost(WAIT).until(() -> hanging.open() == 1);
    assertThat(liveThreadNamed(name)).isTrue();

    notifier.close();

    assertThat(liveThreadNamed(name)).isFalse();
    assertThat(notifier.offer(stateChange())).isFalse();
    assertThat(notifier.failed()).isEqualTo(2);
  }

  @Test
  void closeSendsWhatIsAlreadyQueued() throws Exception {
    WebhookReceiver r = receiver(n -> WebhookReceiver.Reply.status(200));
    WebhookNotifier notifier = new WebhookNotifier(settings(r.target(WebhookFormat.JSON)));
    String name = notifier.threadName();
    notifier.offer(
        Notification.fromEntry(
            ActivityEntry.of(EventType.DEREGISTERED, "kraken", "i-1", 3, "host-a", Instant.now())));

    notifier.close();

    assertThat(notifier.delivered()).isEqualTo(1);
    assertThat(liveThreadNamed(name)).isFalse();
  }

  private static boolean liveThreadNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  private List<LogRecord> capture() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(WebhookNotifier.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            // Resolve the message now: the notifier logs with suppliers.
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    resources.add(() -> logger.removeHandler(handler));
    return records;
  }
}
