package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Planned handoff between two Payara Micro processes for one exchange, through the API: 409 without
 * a standby, a warm standby shown as such, a handoff answered with the new owner, and a SIGTERM
 * that hands the exchange back. The heartbeat interval is 20 s and the TTL 60 s, with a 3 s
 * simulated warm-up, so every takeover here is the handoff's, not a tick's or an expiry's (the
 * stream says so: "handed over").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoffOnPayaraIT {
  static final String X = "coinbase";
  static RedisServer redis;
  static PayaraProcess first;
  static PayaraProcess second;

  @BeforeAll
  static void startOwner() {
    redis = RedisServer.start();
    first = PayaraProcess.startBuiltWar("handoff-first", config());
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    assertThat(first.awaitWeb(Duration.ofMinutes(2))).as("the web app answers").isTrue();
  }

  static Map<String, String> config() {
    Map<String, String> p =
        new java.util.HashMap<>(
            TestConfig.exchange(X)
                .redis(redis.address())
                .heartbeat("20s", "60s")
                .warmup("3s")
                .users(ApiClient.ADMIN_USERS)
                .properties());
    p.put(ConnectorSettings.STANDBY_WARM, "true");
    return p;
  }

  @AfterAll
  static void stopAll() {
    if (second != null) second.close();
    if (first != null) first.close();
    if (redis != null) redis.close();
  }

  static OwnerRecord lease() {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", "exchange:{" + X + "}:instance");
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  /** Type and message (or transition) of every stream entry, oldest first. */
  @SuppressWarnings("unchecked")
  static List<String> stream() {
    List<String> out = new ArrayList<>();
    try (Resp r = redis.connect()) {
      for (Object e : (List<Object>) r.call("XRANGE", "logs:network:{" + X + "}", "-", "+")) {
        List<Object> kv = (List<Object>) ((List<Object>) e).get(1);
        Map<String, String> f = new java.util.HashMap<>();
        for (int i = 0; i + 1 < kv.size(); i += 2)
          f.put((String) kv.get(i), (String) kv.get(i + 1));
        out.add(
            f.get("instanceId")
                + " "
                + f.get("type")
                + " "
                + (f.get("to") != null ? f.get("from") + " → " + f.get("to") : f.get("message")));
      }
    }
    return out;
  }

  static HttpResponse<String> command(PayaraProcess via, String body) throws Exception {
    return ApiClient.at(via.url())
        .post("api/network/exchanges/" + X + "/commands", ApiClient.ADMIN, body);
  }

  static JsonNode status() throws Exception {
    return ApiClient.at(first.url()).json("api/network/exchanges/" + X, ApiClient.ADMIN);
  }

  @Test
  @Order(1)
  void aHandoffWithoutAStandbyIsAConflictProblemAndTheOwnerKeepsWorking() throws Exception {
    long epoch = lease().epoch();

    HttpResponse<String> r = command(first, "{\"command\":\"handoff\"}");

    ApiClient.assertProblem(r, 409, null);
    assertThat(ApiClient.json(r).get("detail").asText()).contains("no live standby");
    assertThat(lease().epoch()).isEqualTo(epoch);
    assertThat(lease().state()).isEqualTo(ConnectionState.ACTIVE);
    assertThat(stream()).anyMatch(e -> e.contains("command handoff by admin: refused"));
    ApiClient.assertProblem(command(first, "{\"command\":\"stop\",\"to\":\"x\"}"), 400, "to");
    ApiClient.assertProblem(command(first, "{\"command\":\"handoff\",\"to\":7}"), 400, "to");
  }

  @Test
  @Order(2)
  void aWarmStandbyTakesOverOnHandoffAndTheAnswerNamesIt() throws Exception {
    String owner = lease().instanceId();
    long epoch = lease().epoch();
    second = PayaraProcess.startBuiltWar("handoff-second", config());
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode standbys = status().path("standbys");
              return standbys.size() == 1
                  && "warm".equals(standbys.get(0).path("readiness").asText());
            });
    assertThat(second.awaitWeb(Duration.ofMinutes(2))).as("the standby's web app answers").isTrue();
    JsonNode standby = status().path("standbys").get(0);
    assertThat(standby.get("prepared").asInt()).isEqualTo(100);
    String standbyId = standby.get("instanceId").asText();
    ApiClient.assertProblem(
        command(first, "{\"command\":\"handoff\",\"to\":\"not-a-standby\"}"), 409, null);

    HttpResponse<String> r =
        command(second, "{\"command\":\"handoff\",\"to\":\"" + standbyId + "\"}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode outcome = ApiClient.json(r);
    assertThat(outcome.get("outcome").asText()).isEqualTo("done");
    assertThat(outcome.get("reason").asText()).startsWith("handed over to " + standbyId);
    // The 20 s tick cannot explain this; the stream's "handed over" says it was the notice.
    await().atMost(Duration.ofSeconds(10)).until(() -> lease().state() == ConnectionState.ACTIVE);
    assertThat(lease().instanceId()).isEqualTo(standbyId);
    assertThat(lease().epoch()).isEqualTo(epoch + 1);
    List<String> s = stream();
    int stopped = s.indexOf(owner + " state_changed stopping → stopped");
    int active = s.indexOf(standbyId + " state_changed warming → active");
    assertThat(stopped).as(String.join("\n", s)).isNotNegative().isLessThan(active);
    assertThat(s)
        .anyMatch(e -> e.startsWith(standbyId + " registered") && e.contains("handed over"));
  }

  @Test
  @Order(3)
  void aSigtermHandsTheExchangeToTheStandbyWithoutWaitingForATick() throws Exception {
    String leaving = lease().instanceId();
    // The old owner becomes a standby at its next 20 s tick after the handoff.
    await().atMost(Duration.ofSeconds(60)).until(() -> status().path("standbys").size() == 1);

    assertThat(second.stop()).as("a clean SIGTERM stop").isTrue();

    await().atMost(Duration.ofSeconds(15)).until(() -> lease() != null);
    assertThat(lease().instanceId()).isNotEqualTo(leaving);
    assertThat(stream())
        .anyMatch(
            e ->
                e.startsWith(leaving + " deregistered") && e.contains("on shutdown, for a handoff"))
        .anyMatch(
            e -> e.startsWith(lease().instanceId() + " registered") && e.contains("handed over"));
  }
}
