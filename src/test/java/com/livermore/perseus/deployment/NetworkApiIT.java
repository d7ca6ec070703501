package com.livermore.perseus.deployment;

import static com.livermore.perseus.deployment.ApiClient.assertProblem;
import static com.livermore.perseus.deployment.ApiClient.basic;
import static com.livermore.perseus.deployment.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.security.UserDirectory;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST API of the deployed WAR on Payara Micro, against a harness Redis holding a running
 * instance (the deployment's own, kraken) and a dead one (bitstamp, seeded as its :last record).
 * Health and OpenAPI, which every server must serve, are checked by {@link SmokeContract}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkApiIT {
  static final String VIEWER = "viewer:viewer-secret";
  static final String ADMIN = "admin:admin-secret";
  static final Instant DEAD_SEEN = Instant.parse("2026-11-20T08:00:00Z");
  static RedisServer redis;
  static com.sun.net.httpserver.HttpServer webhook;
  static final List<String> webhookBodies = new java.util.concurrent.CopyOnWriteArrayList<>();

  @ArquillianResource URL base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    seedDeadExchange();
    startWebhookReceiver();
    String users =
        "viewer:network-viewer:plain:viewer-secret,admin:network-admin:"
            + UserDirectory.hash("admin-secret".toCharArray());
    return BuiltWar.configured(
        "network-api",
        Map.of(
            "perseus.exchange",
            "kraken",
            "perseus.redis.address",
            redis.address(),
            "perseus.heartbeat.interval",
            "1s",
            "perseus.lease.ttl",
            "3s",
            "perseus.simulator.warmup",
            "1s",
            "perseus.public-ip.enabled",
            "false",
            "perseus.admin",
            "api-it@example.com",
            "perseus.security.users",
            users,
            "perseus.notify.webhooks",
            "json=http://127.0.0.1:"
                + webhook.getAddress().getPort()
                + "/hooks/perseus-test-token"));
  }

  static void seedDeadExchange() {
    OwnerRecord last =
        new OwnerRecord(
            "dead-1",
            "bitstamp",
            7,
            "old-host",
            "198.51.100.4",
            "10.1.1.1",
            "night-shift",
            ConnectionState.ACTIVE,
            DEAD_SEEN.minusSeconds(3600),
            80,
            null,
            DEAD_SEEN.minusSeconds(7200),
            DEAD_SEEN,
            4L,
            null,
            "0.0.9");
    try (Resp r = redis.connect()) {
      r.call(
          "HSET",
          "network:exchanges",
          "bitstamp",
          "{\"exchange\":\"bitstamp\",\"displayName\":\"Bitstamp\",\"firstSeen\":\"2026-11-01T00:00:00Z\"}");
      r.call("SET", "exchange:{bitstamp}:last", RecordJson.write(last));
      r.call(
          "XADD",
          "logs:network:{bitstamp}",
          DEAD_SEEN.toEpochMilli() + "-0",
          "type",
          "state_changed",
          "exchange",
          "bitstamp",
          "instanceId",
          "dead-1",
          "epoch",
          "7",
          "hostname",
          "old-host",
          "from",
          "warming",
          "to",
          "active",
          "at",
          DEAD_SEEN.toString());
    }
  }

  /** Stands in for an operator's webhook endpoint (Slack, Discord or their own). */
  static void startWebhookReceiver() {
    try {
      webhook =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    webhook.createContext(
        "/hooks/",
        exchange -> {
          webhookBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
  }

  @AfterAll
  static void stopRedis() {
    if (webhook != null) webhook.stop(0);
    if (redis != null) redis.close();
  }

  @BeforeEach
  void krakenIsActive() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Resp r = redis.connect()) {
                String json = (String) r.call("GET", "exchange:{kraken}:instance");
                return json != null && RecordJson.readOwner(json).state() == ConnectionState.ACTIVE;
              }
            });
  }

  HttpResponse<String> get(String path, String credentials) throws Exception {
    return new ApiClient(base).get(path, credentials);
  }

  static JsonNode exchange(JsonNode instances, String id) {
    for (JsonNode e : instances.get("exchanges")) {
      if (e.get("exchange").asText().equals(id)) return e;
    }
    throw new AssertionError(id + " missing from " + instances);
  }

  static Set<String> names(JsonNode node) {
    Set<String> out = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  @Test
  @Order(1)
  void withoutLoginTheApiAnswers401WithABasicChallenge() throws Exception {
    HttpResponse<String> r = get("api/network/instances", null);
    assertProblem(r, 401, null);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Basic realm=\"Perseus Network\"");
  }

  @Test
  @Order(2)
  void aWrongPasswordOrUnknownUserIs401() throws Exception {
    assertProblem(get("api/network/instances", "viewer:nope"), 401, null);
    assertProblem(get("api/network/instances", "mallory:viewer-secret"), 401, null);
  }

  @Test
  @Order(3)
  void instancesShowsTheRunningAndTheDeadExchangeFieldByField() throws Exception {
    HttpResponse<String> r = get("api/network/instances", VIEWER);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(r.headers().firstValue("Perseus-Server-Time")).isPresent();
    JsonNode body = json(r);
    assertThat(Instant.parse(body.get("serverTime").asText()))
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

    JsonNode kraken = exchange(body, "kraken");
    assertThat(kraken.get("displayName").asText()).isEqualTo("Kraken");
    assertThat(kraken.get("liveness").asText()).isEqualTo("alive");
    assertThat(kraken.get("state").asText()).isEqualTo("active");
    assertThat(kraken.get("heartbeatAgeMs").asLong()).isBetween(0L, 1500L);
    assertThat(kraken.get("leaseExpiresInMs").asLong()).isBetween(1L, 3000L);
    assertThat(kraken.get("uptimeMs").asLong()).isPositive();
    assertThat(kraken.get("lastKnown").isNull()).isTrue();
    JsonNode owner = kraken.get("owner");
    assertThat(names(owner))
        .containsExactlyInAnyOrder(
            "instanceId",
            "exchange",
            "epoch",
            "hostname",
            "ipAddress",
            "localAddress",
            "admin",
            "state",
            "stateSince",
            "symbolCount",
            "warmupProgress",
            "registeredAt",
            "lastHeartbeat",
            "heartbeatLatencyMs",
            "lastError",
            "version",
            "nodeName",
            "leaseTtlMs");
    assertThat(owner.get("exchange").asText()).isEqualTo("kraken");
    assertThat(owner.get("admin").asText()).isEqualTo("api-it@example.com");
    assertThat(owner.get("state").asText()).isEqualTo("active");
    assertThat(owner.get("epoch").asLong()).isEqualTo(1);
    assertThat(owner.get("symbolCount").asInt()).isEqualTo(120);
    assertThat(owner.get("leaseTtlMs").asLong()).isEqualTo(3000);

    JsonNode bitstamp = exchange(body, "bitstamp");
    assertThat(bitstamp.get("liveness").asText()).isEqualTo("dead");
    assertThat(bitstamp.get("owner").isNull()).isTrue();
    assertThat(bitstamp.get("lastSeen").asText()).isEqualTo(DEAD_SEEN.toString());
    assertThat(bitstamp.get("state").asText()).isEqualTo("active");
    assertThat(bitstamp.get("lastKnown").get("instanceId").asText()).isEqualTo("dead-1");
    assertThat(bitstamp.get("lastKnown").get("hostname").asText()).isEqualTo("old-host");
    assertThat(bitstamp.get("lastKnown").get("epoch").asLong()).isEqualTo(7);
    assertThat(bitstamp.get("problem").isNull()).isTrue();
  }

  @Test
  @Order(4)
  void anAdminReadsTooAndOneExchangeHasTheSameShape() throws Exception {
    HttpResponse<String> r = get("api/network/exchanges/kraken", ADMIN);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("serverTime").asText()).isNotBlank();
    assertThat(body.get("exchange").asText()).isEqualTo("kraken");
    assertThat(body.get("liveness").asText()).isEqualTo("alive");
    assertThat(body.get("owner").get("instanceId").asText()).isNotBlank();
    assertThat(json(get("api/network/exchanges/bitstamp", VIEWER)).get("liveness").asText())
        .isEqualTo("dead");
  }

  @Test
  @Order(5)
  void anUnknownExchangeIs404AndABadIdIs400() throws Exception {
    assertProblem(get("api/network/exchanges/okx", VIEWER), 404, null);
    assertProblem(
        get(
            "api/network/exchanges/"
                + URLEncoder.encode("Not A Slug!", StandardCharsets.UTF_8).replace("+", "%20"),
            VIEWER),
        400,
        "exchange");
    assertProblem(get("api/network/exchanges/" + "x".repeat(65), VIEWER), 400, "exchange");
    assertProblem(get("api/network/nothing-here", VIEWER), 404, null);
  }

  @Test
  @Order(6)
  void activityMergesNewestFirstFiltersAndPages() throws Exception {
    JsonNode all = json(get("api/network/activity?limit=500", VIEWER));
    List<String> ids = new ArrayList<>();
    Set<String> streams = new HashSet<>();
    for (JsonNode e : all.get("entries")) {
      ids.add(e.get("id").asText());
      streams.add(e.get("stream").asText());
      assertThat(e.get("readable").asBoolean()).isTrue();
    }
    assertThat(streams).containsExactlyInAnyOrder("kraken", "bitstamp");
    List<Long> millis = ids.stream().map(id -> Long.parseLong(id.split("-")[0])).toList();
    assertThat(millis).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(all.get("next").isNull()).isTrue();

    JsonNode changes = json(get("api/network/activity?exchange=kraken&type=state_changed", VIEWER));
    List<String> to = new ArrayList<>();
    for (JsonNode e : changes.get("entries")) {
      assertThat(e.get("type").asText()).isEqualTo("state_changed");
      assertThat(e.get("exchange").asText()).isEqualTo("kraken");
      to.add(e.get("to").asText());
    }
    assertThat(to).startsWith("active", "warming", "starting");

    JsonNode first = json(get("api/network/activity?limit=2", VIEWER));
    assertThat(first.get("entries")).hasSize(2);
    String next = first.get("next").asText();
    JsonNode second = json(get("api/network/activity?limit=2&cursor=" + next, VIEWER));
    assertThat(second.get("entries").get(0).get("id").asText()).isEqualTo(ids.get(2));

    JsonNode since =
        json(
            get(
                "api/network/activity?since=" + DEAD_SEEN.plusSeconds(1) + "&exchange=bitstamp",
                VIEWER));
    assertThat(since.get("entries")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "limit=0,limit",
    "limit=501,limit",
    "limit=abc,limit",
    "type=bogus,type",
    "since=yesterday,since",
    "cursor=garbage,cursor",
    "exchange=BAD!,exchange"
  })
  @Order(7)
  void badActivityParametersAre400NamingTheParameter(String query, String parameter)
      throws Exception {
    assertProblem(get("api/network/activity?" + query.replace("!", "%21"), VIEWER), 400, parameter);
  }

  @Test
  @Order(10)
  void serverSentEventsPushAnExchangeThatAppearsAndItsDeath() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(BuiltWar.loopback(base) + "api/network/events"))
            .header("Authorization", basic(VIEWER))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(events.poll(10, TimeUnit.SECONDS))
          .as("the current network on connect")
          .contains("\"kraken\"");

      Instant now = Instant.now();
      OwnerRecord gemini =
          new OwnerRecord(
              "g-1",
              "gemini",
              1,
              "g-host",
              null,
              "10.2.2.2",
              "",
              ConnectionState.ACTIVE,
              now,
              3,
              null,
              now,
              now,
              1L,
              null,
              "1");
      try (Resp r = redis.connect()) {
        r.call(
            "HSET",
            "network:exchanges",
            "gemini",
            "{\"exchange\":\"gemini\",\"displayName\":\"Gemini\"}");
        r.call("SET", "exchange:{gemini}:instance", RecordJson.write(gemini), "PX", "2500");
        r.call("SET", "exchange:{gemini}:last", RecordJson.write(gemini));
      }
      assertThat(awaitLiveness(events, "gemini", Set.of("alive", "late"), Duration.ofSeconds(10)))
          .isIn("alive", "late");
      // The lease expires 2.5 s after it was written; the watcher checks at that moment, not at its
      // next poll.
      assertThat(awaitLiveness(events, "gemini", Set.of("dead"), Duration.ofSeconds(10)))
          .isEqualTo("dead");
    } finally {
      response.body().close();
    }
  }

  /** Waits for a network event in which {@code exchange} has one of the wanted liveness values. */
  static String awaitLiveness(
      BlockingQueue<String> events, String exchange, Set<String> wanted, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String e = events.poll(200, TimeUnit.MILLISECONDS);
      if (e == null) continue;
      for (JsonNode x : RecordJson.mapper().readTree(e).get("exchanges")) {
        if (x.get("exchange").asText().equals(exchange)
            && wanted.contains(x.get("liveness").asText())) {
          return x.get("liveness").asText();
        }
      }
    }
    throw new AssertionError("no event with " + exchange + " " + wanted + " within " + timeout);
  }

  static void readEvents(InputStream in, BlockingQueue<String> events) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("event:")) name = line.substring(6).trim();
        else if (line.startsWith("data:")) data.append(line.substring(5).trim());
        else if (line.isEmpty() && data.length() > 0) {
          if ("network".equals(name)) events.add(data.toString());
          data.setLength(0);
          name = null;
        }
      }
    } catch (Exception e) {
      // the stream was closed by the test
    }
  }

  @Test
  @Order(11)
  void webhooksReceiveStateChangesAndTheDeathSeenByTheWatcher() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                webhookBodies.stream()
                    .anyMatch(
                        b ->
                            b.contains("\"kind\":\"state_changed\"")
                                && b.contains("\"exchange\":\"kraken\"")
                                && b.contains("active")));
    // gemini's lease expired in the SSE test; one instance reports the death.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                webhookBodies.stream()
                    .anyMatch(
                        b ->
                            b.contains("\"kind\":\"dead\"")
                                && b.contains("\"exchange\":\"gemini\"")));
    JsonNode dead =
        RecordJson.mapper()
            .readTree(
                webhookBodies.stream()
                    .filter(b -> b.contains("\"kind\":\"dead\""))
                    .findFirst()
                    .get());
    assertThat(dead.get("instanceId").asText()).isEqualTo("g-1");
    assertThat(dead.get("source").asText()).isEqualTo("perseus");
  }

  @Test
  @Order(11)
  void prometheusMetricsCountRenewalsAppendsAndTheLeaseHeld() throws Exception {
    assertProblem(get("api/metrics", null), 401, null);
    HttpResponse<String> r = get("api/metrics", VIEWER);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains(
            "perseus_leases_held 1.0",
            "perseus_lease_renewal_seconds_bucket",
            "perseus_lease_renewal_failures_total",
            "perseus_leases_lost_total",
            "perseus_events_suppressed_total");
    String appends =
        r.body()
            .lines()
            .filter(l -> l.startsWith("perseus_stream_appends_total"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(appends.substring(appends.lastIndexOf(' ') + 1)))
        .as("registered + 3 transitions")
        .isGreaterThanOrEqualTo(4.0);
    String renewals =
        r.body()
            .lines()
            .filter(l -> l.startsWith("perseus_lease_renewal_seconds_count"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(renewals.substring(renewals.lastIndexOf(' ') + 1))).isPositive();
  }

  HttpResponse<String> post(String path, String credentials, String body) throws Exception {
    return new ApiClient(base).post(path, credentials, body);
  }

  @Test
  @Order(12)
  void commandsNeedTheAdminRoleAndAValidBody() throws Exception {
    assertProblem(
        post("api/network/exchanges/kraken/commands", null, "{\"command\":\"stop\"}"), 401, null);
    assertProblem(
        post("api/network/exchanges/kraken/commands", VIEWER, "{\"command\":\"stop\"}"), 403, null);
    assertProblem(
        post("api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"explode\"}"),
        400,
        "command");
    assertProblem(post("api/network/exchanges/kraken/commands", ADMIN, "not json"), 400, "command");
    assertProblem(
        post(
            "api/network/exchanges/kraken/commands",
            ADMIN,
            "{\"command\":\"stop\",\"confirm\":\"yes\"}"),
        400,
        "confirm");
    assertProblem(
        post("api/network/exchanges/okx/commands", ADMIN, "{\"command\":\"stop\"}"), 404, null);
    assertThat(json(get("api/network/exchanges/kraken", VIEWER)).get("state").asText())
        .isEqualTo("active");
  }

  @Test
  @Order(13)
  void stopReachesTheOwnerAndStartBringsItBackBothRecordedWithTheirIssuer() throws Exception {
    HttpResponse<String> stop =
        post("api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"stop\"}");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(json(stop).get("outcome").asText()).isEqualTo("done");
    JsonNode kraken = json(get("api/network/exchanges/kraken", VIEWER));
    assertThat(kraken.get("state").asText()).isEqualTo("stopped");
    assertThat(kraken.get("stoppedByOperator").get("stoppedBy").asText()).isEqualTo("admin");

    HttpResponse<String> start =
        post("api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"start\"}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json(get("api/network/exchanges/kraken", VIEWER))
                    .get("state")
                    .asText()
                    .equals("active"));
    assertThat(json(get("api/network/exchanges/kraken", VIEWER)).get("stoppedByOperator").isNull())
        .isTrue();

    JsonNode commands = json(get("api/network/activity?exchange=kraken&type=command", VIEWER));
    List<String> messages = new ArrayList<>();
    for (JsonNode e : commands.get("entries")) messages.add(e.get("message").asText());
    assertThat(messages)
        .anyMatch(m -> m.startsWith("stop by admin: done"))
        .anyMatch(m -> m.startsWith("start by admin: accepted"));
  }

  @Test
  @Order(14)
  void forceStartIsRefusedWhileTheHolderIsAliveAndFencesADeadOne() throws Exception {
    HttpResponse<String> refused =
        post("api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"force-start\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused).get("reason").asText()).contains("live instance").contains("confirm");

    HttpResponse<String> taken =
        post("api/network/exchanges/bitstamp/commands", ADMIN, "{\"command\":\"force-start\"}");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(json(taken).get("reason").asText()).contains("fencing epoch is now");
    try (Resp r = redis.connect()) {
      assertThat((String) r.call("GET", "exchange:{bitstamp}:epoch")).isEqualTo("1");
    }
    JsonNode takeovers = json(get("api/network/activity?exchange=bitstamp&type=takeover", VIEWER));
    assertThat(takeovers.get("entries")).hasSize(1);
    assertThat(takeovers.get("entries").get(0).get("message").asText())
        .startsWith("force-start by admin");
  }

  @Test
  @Order(20)
  void whenRedisIsDownTheApiAnswers503AndRecoversAfterwards() throws Exception {
    redis.stop();
    try {
      // A network read from just before the stop may still be shared for up to 250 ms.
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> get("api/network/instances", VIEWER).statusCode() == 503);
      assertProblem(get("api/network/instances", VIEWER), 503, null);
      assertThat(json(get("api/network/instances", VIEWER)).get("title").asText())
          .isEqualTo("Redis unreachable");
      assertProblem(get("api/network/activity", VIEWER), 503, null);
    } finally {
      redis.restart();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get("api/network/instances", VIEWER).statusCode() == 200);
  }

  static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        d.toMillis(), java.time.temporal.ChronoUnit.MILLIS);
  }
}
