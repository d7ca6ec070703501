package com.livermore.perseus.deployment;

import static com.livermore.perseus.testing.ApiClient.assertProblem;
import static com.livermore.perseus.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.security.UserDirectory;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.WebhookReceiver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST API of the deployed WAR on Payara Micro, against a harness Redis holding a running
 * instance (the deployment's own, kraken). Each test that needs more of the network (a dead
 * exchange, a short-lived one) seeds it under names of its own, so no test depends on another or on
 * their order. Health and OpenAPI, which every server must serve, are checked by {@link
 * SmokeContract}; the API during a Redis outage by the reliability suite's Redis restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkApiIT {
  static final String VIEWER = "viewer:viewer-secret";
  static final String ADMIN = "admin:admin-secret";
  static final Instant DEAD_SEEN = Instant.parse("2026-11-20T08:00:00Z");
  static RedisServer redis;
  static WebhookReceiver webhook;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    webhook = WebhookReceiver.answering(204);
    String users =
        "viewer:network-viewer:plain:viewer-secret,admin:network-admin:"
            + UserDirectory.hash("admin-secret".toCharArray());
    return BuiltWar.configured(
        "network-api",
        TestConfig.exchange("kraken")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .admin("api-it@example.com")
            .users(users)
            .webhooks("json=" + webhook.url())
            .properties());
  }

  /** A name of this test's own, so that what it seeds meets no other test's data. */
  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A dead exchange: a registry entry, a last-known record (epoch 7) and one old entry. */
  static String seedDeadExchange(String name) {
    return seedDeadExchange(redis, name);
  }

  /** {@link #seedDeadExchange(String)} in another test's Redis. */
  static String seedDeadExchange(RedisServer redis, String name) {
    String id = unique(name);
    OwnerRecord last =
        new OwnerRecord(
            "dead-1",
            id,
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
          id,
          "{\"exchange\":\""
              + id
              + "\",\"displayName\":\"Bitstamp\",\"firstSeen\":\"2026-11-01T00:00:00Z\"}");
      r.call("SET", "exchange:{" + id + "}:last", RecordJson.write(last));
      r.call(
          "XADD",
          "logs:network:{" + id + "}",
          DEAD_SEEN.toEpochMilli() + "-0",
          "type",
          "state_changed",
          "exchange",
          id,
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
    afterTheSharedRead();
    return id;
  }

  /** A read of the whole network is shared for 250 ms: the next one sees what was just seeded. */
  static void afterTheSharedRead() {
    try {
      Thread.sleep(NetworkView.SNAPSHOT_MAX_AGE.toMillis() + 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An active owner's record, as heartbeating at {@code now}. */
  static OwnerRecord activeRecord(
      String instanceId,
      String exchange,
      long epoch,
      String hostname,
      String localIp,
      Instant now) {
    return new OwnerRecord(
        instanceId,
        exchange,
        epoch,
        hostname,
        null,
        localIp,
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
  }

  /** A live exchange whose lease runs out {@code ttlMs} from now (nobody renews it). */
  static String seedShortLivedExchange(String name, String instanceId, long ttlMs) {
    return seedShortLivedExchange(redis, name, instanceId, ttlMs);
  }

  /** {@link #seedShortLivedExchange(String, String, long)} in another test's Redis. */
  static String seedShortLivedExchange(
      RedisServer redis, String name, String instanceId, long ttlMs) {
    String id = unique(name);
    OwnerRecord record = activeRecord(instanceId, id, 1, "g-host", "10.2.2.2", Instant.now());
    try (Resp r = redis.connect()) {
      r.call(
          "HSET",
          "network:exchanges",
          id,
          "{\"exchange\":\"" + id + "\",\"displayName\":\"Gemini\"}");
      r.call(
          "SET",
          "exchange:{" + id + "}:instance",
          RecordJson.write(record),
          "PX",
          Long.toString(ttlMs));
      r.call("SET", "exchange:{" + id + "}:last", RecordJson.write(record));
    }
    afterTheSharedRead();
    return id;
  }

  @AfterAll
  static void stopRedis() {
    if (webhook != null) webhook.close();
    if (redis != null) redis.close();
  }

  @BeforeEach
  void krakenIsActive() {
    KrakenDeployment.awaitActive(redis);
  }

  HttpResponse<String> get(String path, String credentials) throws Exception {
    return ApiClient.at(base).get(path, credentials);
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
  void withoutLoginTheApiAnswers401WithABasicChallenge() throws Exception {
    HttpResponse<String> r = get("api/network/instances", null);
    assertProblem(r, 401, null);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Basic realm=\"Perseus Network\"");
  }

  @Test
  void aWrongPasswordOrUnknownUserIs401() throws Exception {
    assertProblem(get("api/network/instances", "viewer:nope"), 401, null);
    assertProblem(get("api/network/instances", "mallory:viewer-secret"), 401, null);
  }

  @Test
  void instancesShowsTheRunningAndTheDeadExchangeFieldByField() throws Exception {
    String dead = seedDeadExchange("bitstamp");
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
            "leaseTtlMs",
            "recentLatencyMs");
    assertThat(owner.get("exchange").asText()).isEqualTo("kraken");
    assertThat(owner.get("admin").asText()).isEqualTo("api-it@example.com");
    assertThat(owner.get("state").asText()).isEqualTo("active");
    assertThat(owner.get("epoch").asLong()).isEqualTo(1);
    assertThat(owner.get("symbolCount").asInt()).isEqualTo(120);
    assertThat(owner.get("leaseTtlMs").asLong()).isEqualTo(3000);
    assertThat(owner.get("recentLatencyMs").isArray())
        .as("the owner's last renewals' round trips")
        .isTrue();
    assertThat(owner.get("recentLatencyMs").size()).isBetween(1, 20);

    JsonNode bitstamp = exchange(body, dead);
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
  void anAdminReadsTooAndOneExchangeHasTheSameShape() throws Exception {
    String dead = seedDeadExchange("bitstamp");
    HttpResponse<String> r = get("api/network/exchanges/kraken", ADMIN);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("serverTime").asText()).isNotBlank();
    assertThat(body.get("exchange").asText()).isEqualTo("kraken");
    assertThat(body.get("liveness").asText()).isEqualTo("alive");
    assertThat(body.get("owner").get("instanceId").asText()).isNotBlank();
    assertThat(json(get("api/network/exchanges/" + dead, VIEWER)).get("liveness").asText())
        .isEqualTo("dead");
  }

  @Test
  void anUnknownExchangeIs404AndABadIdIs400() throws Exception {
    assertProblem(get("api/network/exchanges/" + unique("okx"), VIEWER), 404, null);
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
  void activityMergesNewestFirstFiltersAndPages() throws Exception {
    String dead = seedDeadExchange("bitstamp");
    String both = "exchange=kraken," + dead;
    JsonNode all = json(get("api/network/activity?limit=500&" + both, VIEWER));
    List<String> ids = new ArrayList<>();
    Set<String> streams = new HashSet<>();
    for (JsonNode e : all.get("entries")) {
      ids.add(e.get("id").asText());
      streams.add(e.get("stream").asText());
      assertThat(e.get("readable").asBoolean()).isTrue();
    }
    assertThat(streams).containsExactlyInAnyOrder("kraken", dead);
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

    JsonNode first = json(get("api/network/activity?limit=2&" + both, VIEWER));
    assertThat(first.get("entries")).hasSize(2);
    String next = first.get("next").asText();
    JsonNode second = json(get("api/network/activity?limit=2&" + both + "&cursor=" + next, VIEWER));
    assertThat(second.get("entries").get(0).get("id").asText()).isEqualTo(ids.get(2));

    JsonNode since =
        json(
            get(
                "api/network/activity?since=" + DEAD_SEEN.plusSeconds(1) + "&exchange=" + dead,
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
  void badActivityParametersAre400NamingTheParameter(String query, String parameter)
      throws Exception {
    assertProblem(get("api/network/activity?" + query.replace("!", "%21"), VIEWER), 400, parameter);
  }

  @Test
  void serverSentEventsPushAnExchangeThatAppearsAndItsDeath() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpResponse<InputStream> response = ApiClient.at(base).stream("api/network/events", VIEWER);
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(events.poll(10, TimeUnit.SECONDS))
          .as("the current network on connect")
          .contains("\"kraken\"");

      String gemini = seedShortLivedExchange("gemini", "g-1", 2500);
      assertThat(awaitLiveness(events, gemini, Set.of("alive", "late"), Duration.ofSeconds(10)))
          .isIn("alive", "late");
      // The lease expires 2.5 s after it was written; the watcher checks at that moment, not at its
      // next poll.
      assertThat(awaitLiveness(events, gemini, Set.of("dead"), Duration.ofSeconds(10)))
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
  void webhooksReceiveStateChangesAndTheDeathSeenByTheWatcher() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                webhook.bodies().stream()
                    .anyMatch(
                        b ->
                            b.contains("\"kind\":\"state_changed\"")
                                && b.contains("\"exchange\":\"kraken\"")
                                && b.contains("active")));
    // An owner that never says goodbye: its lease expires, and one instance reports the death.
    String instanceId = unique("g");
    String gemini = seedShortLivedExchange("gemini", instanceId, 2500);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                webhook.bodies().stream()
                    .anyMatch(
                        b ->
                            b.contains("\"kind\":\"dead\"")
                                && b.contains("\"exchange\":\"" + gemini + "\"")));
    JsonNode dead =
        RecordJson.mapper()
            .readTree(
                webhook.bodies().stream()
                    .filter(
                        b ->
                            b.contains("\"kind\":\"dead\"")
                                && b.contains("\"exchange\":\"" + gemini + "\""))
                    .findFirst()
                    .get());
    assertThat(dead.get("instanceId").asText()).isEqualTo(instanceId);
    assertThat(dead.get("source").asText()).isEqualTo("perseus");
  }

  @Test
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
            "perseus_events_suppressed_total",
            "perseus_webhook_failures_total",
            "perseus_webhook_retries_total",
            "perseus_webhook_dropped_total",
            "perseus_webhook_queued");
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
    // The webhook sender's counts: kraken's state changes reached the receiver.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                metric(get("api/metrics", VIEWER).body(), "perseus_webhook_deliveries_total") >= 1);
    assertThat(metric(get("api/metrics", VIEWER).body(), "perseus_webhook_deliveries_total"))
        .as("no more deliveries than the receiver saw")
        .isLessThanOrEqualTo(webhook.requests().size());
  }

  /** The value of an unlabelled metric in a Prometheus text exposition. */
  static double metric(String exposition, String name) {
    String line =
        exposition
            .lines()
            .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " missing from the metrics"));
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  HttpResponse<String> post(String path, String credentials, String body) throws Exception {
    return ApiClient.at(base).post(path, credentials, body);
  }

  @Test
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
        post(
            "api/network/exchanges/" + unique("okx") + "/commands",
            ADMIN,
            "{\"command\":\"stop\"}"),
        404,
        null);
    assertThat(json(get("api/network/exchanges/kraken", VIEWER)).get("state").asText())
        .isEqualTo("active");
  }

  @Test
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
  void forceStartIsRefusedWhileTheHolderIsAliveAndFencesADeadOne() throws Exception {
    HttpResponse<String> refused =
        post("api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"force-start\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused).get("reason").asText()).contains("live instance").contains("confirm");

    String dead = seedDeadExchange("bitstamp");
    HttpResponse<String> taken =
        post("api/network/exchanges/" + dead + "/commands", ADMIN, "{\"command\":\"force-start\"}");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(json(taken).get("reason").asText()).contains("fencing epoch is now");
    try (Resp r = redis.connect()) {
      assertThat((String) r.call("GET", "exchange:{" + dead + "}:epoch")).isEqualTo("1");
    }
    JsonNode takeovers =
        json(get("api/network/activity?exchange=" + dead + "&type=takeover", VIEWER));
    assertThat(takeovers.get("entries")).hasSize(1);
    assertThat(takeovers.get("entries").get(0).get("message").asText())
        .startsWith("force-start by admin");
  }

  static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        d.toMillis(), java.time.temporal.ChronoUnit.MILLIS);
  }
}
