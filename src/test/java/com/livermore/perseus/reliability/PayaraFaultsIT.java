package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults against real processes: two Payara Micro instances configured for the same exchange (one
 * owns it, the other waits as standby) on one {@code redis-server} with an append-only file. An
 * observer reads the lease and both instances' own beliefs all along; after each fault the
 * invariants are checked (never two owners, no write by a fenced owner, every transition in the
 * stream) and the figures go to the reliability report.
 */
class PayaraFaultsIT {
  static final String EXCHANGE = "coinbase";
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration TTL = Duration.ofSeconds(3);
  static final Keys KEYS = new Keys("");

  static RedisServer redis;
  static final Map<String, PayaraProcess> nodes = new LinkedHashMap<>();
  OwnershipObserver observer;

  @BeforeAll
  static void startNetwork() throws Exception {
    redis = RedisServer.start("--appendonly", "yes");
    for (String node : List.of("a", "b")) {
      nodes.put(node, PayaraProcess.startBuiltWar("faults-" + node, config()));
    }
    for (PayaraProcess p : nodes.values()) {
      assertThat(p.awaitWeb(Duration.ofMinutes(3))).as("web app answers: " + p.log()).isTrue();
    }
  }

  static Map<String, String> config() {
    return TestConfig.exchange(EXCHANGE)
        .redis(redis.address())
        .heartbeat("1s", "3s")
        .lockDelay("5s")
        .warmup("1s")
        .users(ApiClient.ADMIN_USERS)
        .properties();
  }

  @AfterAll
  static void stopNetwork() {
    nodes.values().forEach(PayaraProcess::close);
    if (redis != null) redis.close();
  }

  @BeforeEach
  void observe() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> leaseMatches(l -> l.state() == ConnectionState.ACTIVE));
    // Every node has served the API (its readers' connections are open), as in a network that
    // has run a while: each scenario starts from there, whichever runs first.
    for (PayaraProcess p : nodes.values()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ApiClient.at(p.url()).get("api/network/instances", ApiClient.ADMIN).statusCode()
                      == 200);
    }
    List<OwnershipObserver.BeliefSource> beliefs = new ArrayList<>();
    nodes.forEach(
        (label, p) ->
            beliefs.add(() -> OwnershipObserver.readiness(label, p.url(), Duration.ofMillis(400))));
    observer =
        OwnershipObserver.start(
            exchange -> {
              try (Resp r = redis.connect(Duration.ofMillis(500))) {
                return (String) r.call("GET", KEYS.instance(exchange));
              }
            },
            List.of(EXCHANGE),
            beliefs,
            Duration.ofMillis(50));
  }

  @AfterEach
  void closeObserver() {
    if (observer != null) observer.close();
  }

  @Test
  void anOwnerFrozenPastItsTtlIsReplacedAndOnceThawedStopsWithoutWritingAgain() throws Exception {
    OwnerRecord before = lease();
    String frozenLabel = ownerLabel();
    PayaraProcess frozen = nodes.get(frozenLabel);
    long pausedAt = System.nanoTime();
    frozen.pause();
    long takeoverMs;
    try {
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> leaseMatches(l -> l.epoch() > before.epoch()));
      takeoverMs = millisSince(pausedAt);
      Thread.sleep(2000); // the successor works while the old owner is still frozen
    } finally {
      frozen.resume();
    }
    long resumedAt = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                OwnershipObserver.readiness(frozenLabel, frozen.url(), Duration.ofSeconds(2)).role()
                    != InstanceRole.OWNER);
    long detectedMs = millisSince(resumedAt);
    Thread.sleep(3 * INTERVAL.toMillis()); // give a fenced owner every chance to write

    OwnerRecord after = lease();
    assertThat(after.instanceId()).isNotEqualTo(before.instanceId());
    assertThat(after.epoch()).isEqualTo(before.epoch() + 1);
    StreamAudit audit = audit();
    assertThat(audit.problems()).isEmpty();
    assertThat(audit.ofType("lease_lost"))
        .anySatisfy(e -> assertThat(e).containsEntry("instanceId", before.instanceId()));
    assertThat(observer.violations()).isEmpty();

    Map<String, Object> figures = observer.figures();
    figures.put("ttlMs", TTL.toMillis());
    figures.put("takeoverAfterFreezeMs", takeoverMs);
    figures.put("lossDetectedAfterThawMs", detectedMs);
    figures.put("streamEntries", audit.size());
    ReliabilityReport.record("frozen owner (SIGSTOP past its TTL, then SIGCONT)", figures);
  }

  @Test
  void aRedisRestartOf10SecondsIsOneErrorPerInstanceAndTheLeaseIsHeldAgainWithinTwoIntervals()
      throws Exception {
    OwnerRecord before = lease();
    long entriesBefore = streamLength();
    Map<String, Object> figures = new LinkedHashMap<>();
    Thread outageChecks =
        new Thread(
            () -> {
              try {
                // Early in the 10 s outage: a read during it may take several seconds to fail
                // (the client's retries), and one that ends after Redis is back is rightly a 200.
                Thread.sleep(2500);
                figures.putAll(checkAnswersDuringOutage());
              } catch (Exception | AssertionError e) {
                figures.put("outageCheckFailed", e.toString());
              }
            });
    outageChecks.start();
    redis.restartAfter(Duration.ofSeconds(10));
    long backAt = System.nanoTime();
    outageChecks.join();
    assertThat(figures.get("outageCheckFailed")).isNull();
    assertThat(figures.get("apiStatusDuringOutage")).isEqualTo(503);
    assertThat(figures.get("consoleShowsBanner")).isEqualTo(true);
    ApiClient api = ApiClient.at(nodes.values().iterator().next().url());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get("api/network/instances", ApiClient.ADMIN).statusCode() == 200);

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> leaseMatches(l -> l.epoch() > before.epoch()));
    long reclaimedMs = millisSince(backAt);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                nodes.entrySet().stream()
                    .allMatch(
                        n -> {
                          InstanceRole role = belief(n.getKey()).role();
                          return role == InstanceRole.OWNER || role == InstanceRole.STANDBY;
                        }));
    assertThat(reclaimedMs)
        .as("the lease is held again within two intervals (+ one for the reconnect)")
        .isLessThanOrEqualTo(3 * INTERVAL.toMillis() + 500);

    // Every instance that called Redis during the outage logs it once (a standby still inside its
    // lock-delay makes no call, so it has nothing to report), on its first call Redis answers: up
    // to one heartbeat after Redis is back, which may be after the lease has changed hands.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(outageErrorsPerInstance(entriesBefore))
                    .as("the owner logged the outage")
                    .containsKey(before.instanceId()));
    Map<String, Long> perInstance = outageErrorsPerInstance(entriesBefore);
    assertThat(perInstance.values())
        .as("one error entry per instance for the outage")
        .containsOnly(1L);
    await().atMost(Duration.ofSeconds(10)).until(() -> lease().state() == ConnectionState.ACTIVE);
    assertThat(audit().problems()).isEmpty();
    assertThat(observer.violations()).isEmpty();

    figures.putAll(observer.figures());
    figures.put("redisDownMs", 10_000);
    figures.put("leaseHeldAgainAfterRedisReturnedMs", reclaimedMs);
    figures.put("errorEntriesPerInstance", perInstance.values());
    ReliabilityReport.record("Redis restarted (down 10 s, data kept)", figures);
  }

  @Test
  void whenRedisLosesEveryLeaseTheOwnerReclaimsAndTheConsoleSaysWhatHappened() throws Exception {
    OwnerRecord before = lease();
    long flushedAt = System.nanoTime();
    try (Resp r = redis.connect()) {
      r.call("FLUSHALL");
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> lease() != null);
    long reclaimedMs = millisSince(flushedAt);
    OwnerRecord after = lease();
    assertThat(after.instanceId()).as("the owner, not the standby").isEqualTo(before.instanceId());
    assertThat(after.epoch()).as("fencing never goes back").isGreaterThan(before.epoch());

    String root = nodes.values().iterator().next().url();
    await() // the recovery mark follows the re-claim
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                !ApiClient.at(root)
                    .json("api/network/instances", ApiClient.ADMIN)
                    .path("recoveredAfterDataLoss")
                    .path(EXCHANGE)
                    .asText()
                    .isBlank());
    JsonNode exchange =
        ApiClient.at(root).json("api/network/exchanges/" + EXCHANGE, ApiClient.ADMIN);
    assertThat(exchange.get("liveness").asText()).isEqualTo("alive");
    HttpResponse<String> console = ApiClient.at(root).get("console/network.xhtml", ApiClient.ADMIN);
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains("Redis lost its data").contains(EXCHANGE);
    assertThat(observer.violations()).isEmpty();

    Map<String, Object> figures = observer.figures();
    figures.put("reclaimedAfterFlushMs", reclaimedMs);
    figures.put("epochBefore", before.epoch());
    figures.put("epochAfter", after.epoch());
    ReliabilityReport.record("mass expiry (FLUSHALL: every lease and counter gone)", figures);
  }

  /**
   * While Redis is down: the API answers 503 problems ("Redis unreachable") for the network and its
   * activity, the console a banner, neither a trace.
   */
  Map<String, Object> checkAnswersDuringOutage() throws Exception {
    ApiClient client = ApiClient.at(nodes.values().iterator().next().url());
    HttpResponse<String> api = client.get("api/network/instances", ApiClient.ADMIN);
    ApiClient.assertProblem(api, 503, null);
    assertThat(ApiClient.json(api).get("title").asText()).isEqualTo("Redis unreachable");
    assertThat(ApiClient.json(api).get("type").asText())
        .isEqualTo("tag:perseus.livermore.com,2026:problems/redis-unavailable");
    ApiClient.assertProblem(client.get("api/network/activity", ApiClient.ADMIN), 503, null);
    // A load balancer's readiness probe takes the instance out while Redis is gone.
    HttpResponse<String> ready = client.get("health/ready", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
    JsonNode check = null;
    for (JsonNode c : ApiClient.json(ready).get("checks")) {
      if (c.get("name").asText().equals("perseus-lease")) check = c;
    }
    assertThat(check).as(ready.body()).isNotNull();
    assertThat(check.get("status").asText()).isEqualTo("DOWN");
    assertThat(check.get("data").get("redis").asText()).isEqualTo("unreachable");
    // Payara writes every health data value as a JSON string ("epoch":"0"); it still reads as one.
    assertThat(Long.parseLong(check.get("data").get("epoch").asText())).isNotNegative();
    HttpResponse<String> console = client.get("console/network.xhtml", ApiClient.ADMIN);
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("apiStatusDuringOutage", api.statusCode());
    seen.put("apiContentTypeDuringOutage", api.headers().firstValue("Content-Type").orElse(""));
    seen.put("consoleStatusDuringOutage", console.statusCode());
    seen.put("consoleShowsBanner", console.body().contains("Redis is unreachable"));
    seen.put(
        "stackTraceShown",
        ApiClient.leaksInternals(api.body()) || ApiClient.leaksInternals(console.body()));
    if (Boolean.TRUE.equals(seen.get("stackTraceShown")))
      throw new AssertionError("a response showed internals: " + api.body() + console.body());
    return seen;
  }

  String ownerLabel() throws Exception {
    for (String label : nodes.keySet()) {
      if (belief(label).role() == InstanceRole.OWNER) return label;
    }
    throw new AssertionError("no instance says it owns " + EXCHANGE);
  }

  OwnershipObserver.Belief belief(String label) {
    try {
      return OwnershipObserver.readiness(label, nodes.get(label).url(), Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new IllegalStateException("instance " + label + " did not answer: " + e, e);
    }
  }

  static OwnerRecord lease() {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", KEYS.instance(EXCHANGE));
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  /** Reads the lease once (it may vanish between two reads while it changes hands). */
  static boolean leaseMatches(java.util.function.Predicate<OwnerRecord> condition) {
    OwnerRecord current = lease();
    return current != null && condition.test(current);
  }

  static long streamLength() {
    try (Resp r = redis.connect()) {
      return (Long) r.call("XLEN", KEYS.activity(EXCHANGE));
    }
  }

  StreamAudit audit() {
    return StreamAudit.of(entries()).covers(observer.statesSeenInLease());
  }

  static List<Map<String, String>> entries() {
    try (Resp r = redis.connect()) {
      return r.streamEntries(KEYS.activity(EXCHANGE));
    }
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** The activity's "Redis did not answer for …" error entries since {@code skip}, per instance. */
  private Map<String, Long> outageErrorsPerInstance(long skip) {
    Map<String, Long> perInstance = new HashMap<>();
    entries().stream()
        .skip(skip)
        .filter(e -> "error".equals(e.get("type")))
        .filter(e -> e.get("message").startsWith("Redis did not answer for"))
        .forEach(e -> perInstance.merge(e.get("instanceId"), 1L, Long::sum));
    return perInstance;
  }
}
