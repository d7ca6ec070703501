package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro processes on one Redis, as in production: a command sent to one instance's API
 * reaches the other, which owns the exchange, and comes back with its outcome; an owner killed with
 * SIGKILL shows up dead on the other's API within one TTL.
 */
class TwoInstancesIT {
  static RedisServer redis;
  static PayaraProcess coinbase;
  static PayaraProcess kraken;

  @BeforeAll
  static void startNetwork() throws Exception {
    redis = RedisServer.start();
    Path war = Path.of(System.getProperty("perseus.war", "target/perseus.war"));
    Path micro =
        Path.of(System.getProperty("payara.microJar", "target/payara-micro/payara-micro.jar"));
    Path dir = Files.createTempDirectory("two-instances");
    coinbase = PayaraProcess.start(war, micro, dir.resolve("coinbase"), config("coinbase"));
    kraken = PayaraProcess.start(war, micro, dir.resolve("kraken"), config("kraken"));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Stream.of("coinbase", "kraken")
                    .allMatch(x -> lease(x) != null && lease(x).state() == ConnectionState.ACTIVE));
    assertThat(coinbase.awaitWeb(Duration.ofMinutes(2)) && kraken.awaitWeb(Duration.ofMinutes(2)))
        .as("both web apps answer")
        .isTrue();
  }

  static Map<String, String> config(String exchange) {
    return TestConfig.exchange(exchange)
        .redis(redis.address())
        .heartbeat("1s", "3s")
        .warmup("1s")
        .users(ApiClient.ADMIN_USERS)
        .properties();
  }

  @AfterAll
  static void stopNetwork() {
    if (coinbase != null) coinbase.close();
    if (kraken != null) kraken.close();
    if (redis != null) redis.close();
  }

  static OwnerRecord lease(String exchange) {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", "exchange:{" + exchange + "}:instance");
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  HttpResponse<String> command(PayaraProcess via, String exchange, String command)
      throws Exception {
    return ApiClient.at(via.url())
        .post(
            "api/network/exchanges/" + exchange + "/commands",
            ApiClient.ADMIN,
            "{\"command\":\"" + command + "\"}");
  }

  JsonNode status(PayaraProcess via, String exchange) throws Exception {
    return ApiClient.at(via.url()).json("api/network/exchanges/" + exchange, ApiClient.ADMIN);
  }

  @Test
  void aCommandSentToOneInstanceReachesTheOwnerOnTheOtherAndReturnsItsOutcome() throws Exception {
    HttpResponse<String> stop = command(coinbase, "kraken", "stop");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    JsonNode outcome = RecordJson.mapper().readTree(stop.body());
    assertThat(outcome.get("outcome").asText()).isEqualTo("done");
    assertThat(outcome.get("issuedBy").asText()).isEqualTo("admin");
    assertThat(lease("kraken").state()).isEqualTo(ConnectionState.STOPPED);
    assertThat(kraken.isAlive()).isTrue();

    HttpResponse<String> start = command(coinbase, "kraken", "start");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> lease("kraken").state() == ConnectionState.ACTIVE);
  }

  @Test
  void anOwnerKilledWithSigkillIsSeenDeadByTheOtherInstanceWithinOneTtl() throws Exception {
    OwnerRecord last = lease("kraken");
    kraken.kill();
    await()
        .atMost(Duration.ofSeconds(8))
        .until(() -> status(coinbase, "kraken").get("liveness").asText().equals("dead"));
    JsonNode dead = status(coinbase, "kraken");
    assertThat(dead.get("lastKnown").get("instanceId").asText()).isEqualTo(last.instanceId());
    assertThat(dead.get("lastSeen").asText()).isNotBlank();

    // The watcher that saw the lease run out records the end of that ownership, once.
    String expiries = "api/network/activity?exchange=kraken&type=lease_expired";
    JsonNode expired =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> ApiClient.at(coinbase.url()).json(expiries, ApiClient.ADMIN).get("entries"),
                entries -> entries.size() > 0);
    assertThat(expired).as("one lease_expired, not one per poll").hasSize(1);
    assertThat(expired.get(0).get("instanceId").asText()).isEqualTo(last.instanceId());
    assertThat(expired.get(0).get("epoch").asLong()).isEqualTo(last.epoch());
    assertThat(expired.get(0).get("from").asText()).isEqualTo("active");
    HttpResponse<String> stop = command(coinbase, "kraken", "stop");
    assertThat(RecordJson.mapper().readTree(stop.body()).get("reason").asText())
        .contains("stays stopped network-wide");
  }
}
