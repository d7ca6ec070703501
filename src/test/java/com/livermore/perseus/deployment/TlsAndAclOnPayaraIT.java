package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestCertificates;
import com.livermore.perseus.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR on Payara Micro against Redis as a security-minded operator runs it: TLS only (a CA the
 * test generated, a client certificate required), and an ACL user with exactly the privileges the
 * README's {@code ACL SETUSER} line grants. Every part of the network works through that user,
 * Redis logs no denied command, key or channel, and no secret reaches the server log. Secrets
 * travel in environment variables, so they are also off the command line.
 */
class TlsAndAclOnPayaraIT {
  static final String EXCHANGE = "tlsacl";
  static final String REDIS_USER_PASSWORD = "acl-user-secret-42";

  /** The README's user. */
  static final String REDIS_USER = "perseus";

  static TestCertificates certificates;
  static RedisServer redis;
  static PayaraProcess payara;
  static ApiClient api;
  static int tlsPort;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create();
    tlsPort = RedisServer.freeLoopbackPort();
    redis = RedisServer.startWithTls(tlsPort, certificates.redisArgs());
    try (Resp r = redis.connect()) {
      r.call(readmeAclLine());
      r.call("ACL", "LOG", "RESET");
    }
    Map<String, String> properties =
        TestConfig.exchange(EXCHANGE)
            .redis("rediss://127.0.0.1:" + tlsPort)
            .heartbeat("1s", "3s")
            .lockDelay("1s")
            .warmup("1s")
            .users(ApiClient.ADMIN_USERS)
            .set("perseus.redis.tls.truststore", certificates.caPem().toString())
            .set("perseus.redis.tls.keystore", certificates.clientPkcs12().toString())
            .properties();
    payara =
        PayaraProcess.startBuiltWar(
            "tls-acl",
            properties,
            Map.of(
                "PERSEUS_REDIS_USERNAME",
                "perseus",
                "PERSEUS_REDIS_PASSWORD",
                REDIS_USER_PASSWORD,
                "PERSEUS_REDIS_TLS_KEYSTORE_PASSWORD",
                TestCertificates.STORE_PASSWORD,
                "PERSEUS_REDIS_USERNMAE",
                "a-typo"));
    assertThat(payara.awaitWeb(Duration.ofMinutes(3)))
        .as("web app answers: " + payara.log())
        .isTrue();
    api = ApiClient.at(payara.url());
  }

  @AfterAll
  static void stop() {
    if (payara != null) payara.close();
    if (redis != null) redis.close();
  }

  /**
   * The README's line, with its password placeholder replaced: the documented privileges are the
   * tested ones.
   */
  static String[] readmeAclLine() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m =
        Pattern.compile("<!-- acl:start -->\\s*```\\s*(ACL SETUSER[^\\n]*)\\s*```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(m.find()).as("README.md has the ACL SETUSER line between acl markers").isTrue();
    List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
    assertThat(words).contains(">CHANGE-ME");
    words.replaceAll(w -> w.equals(">CHANGE-ME") ? ">" + REDIS_USER_PASSWORD : w);
    return words.toArray(String[]::new);
  }

  @Test
  void theWholeNetworkWorksThroughTheLeastPrivilegedUserOverTls() throws Exception {
    awaitActive(Duration.ofSeconds(60));
    JsonNode instances = api.json("api/network/instances", ApiClient.ADMIN);
    assertThat(instances.toString()).contains(EXCHANGE);
    JsonNode activity = api.json("api/network/activity?limit=50", ApiClient.ADMIN);
    assertThat(activity.toString()).contains("registered");
    assertThat(api.get("health/ready", null).statusCode()).isEqualTo(200);

    // An operator's stop and start travel over the command channel and the outcome key.
    assertThat(command("stop")).isBetween(200, 202);
    assertThat(command("start")).isBetween(200, 202);
    awaitActive(Duration.ofSeconds(30));
    assertThat(api.get("api/metrics", ApiClient.ADMIN).statusCode()).isEqualTo(200);

    try (Resp r = redis.connect()) {
      assertThat(deniedOtherThanRedissonsProbe(r))
          .as("commands, keys or channels denied")
          .isEmpty();
      // Every client of the user came over TLS: the plain port is the harness's alone.
      List<String> users =
          ((String) r.call("CLIENT", "LIST"))
              .lines()
              .filter(l -> l.contains(" user=" + REDIS_USER + " "))
              .toList();
      assertThat(users)
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).contains("laddr=127.0.0.1:" + tlsPort + " "));
    }
  }

  static void awaitActive(Duration timeout) {
    await()
        .atMost(timeout)
        .ignoreExceptions()
        .until(
            () ->
                "active"
                    .equals(
                        api.json("api/network/exchanges/" + EXCHANGE, ApiClient.ADMIN)
                            .path("owner")
                            .path("state")
                            .asText()));
  }

  /** The status of an operator command sent to the exchange. */
  static int command(String command) throws Exception {
    return api.post(
            "api/network/exchanges/" + EXCHANGE + "/commands",
            ApiClient.ADMIN,
            "{\"command\":\"" + command + "\"}")
        .statusCode();
  }

  /**
   * ACL LOG without Redisson's start-up probe (an EVAL on keys test1 and test2 that detects a
   * cluster proxy), which the README documents as refused.
   */
  @SuppressWarnings("unchecked")
  static List<String> deniedOtherThanRedissonsProbe(Resp r) {
    List<String> denied = new ArrayList<>();
    for (Object entry : (List<Object>) r.call("ACL", "LOG")) {
      List<Object> fields = (List<Object>) entry;
      String object = (String) fields.get(fields.indexOf("object") + 1);
      String reason = (String) fields.get(fields.indexOf("reason") + 1);
      if (reason.equals("key") && (object.equals("test1") || object.equals("test2"))) continue;
      denied.add(reason + " " + object);
    }
    return denied;
  }

  @Test
  void aStandbyInTheSameJvmWorksThroughTheSameUser() throws Exception {
    // The standby's paths (claim refused, standby announcement, network read) under the same user.
    try (var network =
        new com.livermore.perseus.reliability.InProcessNetwork(
            TestConfig.exchange(EXCHANGE)
                .redis("rediss://127.0.0.1:" + tlsPort)
                .heartbeat("1s", "3s")
                .set("perseus.redis.username", REDIS_USER)
                .set("perseus.redis.password", REDIS_USER_PASSWORD)
                .set("perseus.redis.tls.truststore", certificates.caPem().toString())
                .set("perseus.redis.tls.keystore", certificates.clientPkcs12().toString())
                .set("perseus.redis.tls.keystore-password", TestCertificates.STORE_PASSWORD))) {
      var standby = network.start(EXCHANGE);
      await().atMost(Duration.ofSeconds(30)).until(() -> standby.status().conflictHolder() != null);
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  api.json("api/network/exchanges/" + EXCHANGE, ApiClient.ADMIN)
                      .toString()
                      .contains(standby.status().instanceId()));
    }
    try (Resp r = redis.connect()) {
      assertThat(deniedOtherThanRedissonsProbe(r))
          .as("commands, keys or channels denied")
          .isEmpty();
    }
  }

  @Test
  void noSecretReachesTheLogAndAMistypedVariableIsNamedWithTheRightOne() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.readString(payara.log()).contains("Connecting to Redis"));
    String log = Files.readString(payara.log());
    assertThat(log)
        .doesNotContain(REDIS_USER_PASSWORD)
        .doesNotContain(TestCertificates.STORE_PASSWORD)
        .contains("username=(set), password=(set)")
        .contains("PERSEUS_REDIS_USERNMAE (did you mean PERSEUS_REDIS_USERNAME?)");
  }
}
