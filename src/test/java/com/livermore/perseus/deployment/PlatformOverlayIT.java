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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The path a trading platform takes, as the README walks it: {@code examples/platform} builds the
 * platform's WAR as a Maven WAR overlay of this build's Perseus plus a connector of its own ({@code
 * PaperExchangeConnector}, with {@code prepare}); two instances of that WAR on Payara Micro, with
 * {@code perseus.connector=paper}, show the standby warm through the platform's connector and hand
 * the exchange over on command.
 */
class PlatformOverlayIT {
  static final String X = "coinbase";
  static Path platformWar;
  static RedisServer redis;
  static PayaraProcess owner;
  static PayaraProcess standby;

  @BeforeAll
  static void buildThePlatformWar() throws Exception {
    platformWar = buildExample();
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopAll() {
    if (standby != null) standby.close();
    if (owner != null) owner.close();
    if (redis != null) redis.close();
  }

  /**
   * This build's WAR, POM and classes jar are put in a repository of the test's own (read-only
   * fallback: the build's repository, {@code maven.repo.local.tail}), and the example is built
   * there with the same Maven, in a copy under target/ so the source tree stays clean.
   */
  static Path buildExample() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    String version = System.getProperty("perseus.version", "0.1.0-SNAPSHOT");
    Path repo = target.resolve("example-repo");
    Path coordinates = repo.resolve("com/livermore/perseus-network/" + version);
    Files.createDirectories(coordinates);
    String base = "perseus-network-" + version;
    copy(
        Path.of(System.getProperty("perseus.war", "target/perseus.war")),
        coordinates.resolve(base + ".war"));
    copy(target.resolve("perseus-classes.jar"), coordinates.resolve(base + "-classes.jar"));
    copy(Path.of(System.getProperty("perseus.pom", "pom.xml")), coordinates.resolve(base + ".pom"));
    Path build = target.resolve("example-build/platform");
    copyTree(
        Path.of(System.getProperty("perseus.examples", "examples")).resolve("platform"), build);

    String mavenHome = System.getProperty("perseus.maven.home", System.getenv("MAVEN_HOME"));
    assertThat(mavenHome).as("the Maven running this build (maven.home)").isNotBlank();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(mavenHome, "bin", "mvn").toString(),
                "-B",
                "-q",
                "-Dmaven.repo.local=" + repo,
                "-Dperseus.version=" + version,
                "-DskipTests",
                "package"));
    String tail = System.getProperty("perseus.maven.repository");
    if (tail != null && !tail.isBlank()) cmd.add(3, "-Dmaven.repo.local.tail=" + tail);
    Path log = target.resolve("example-build/maven.log");
    Process mvn =
        new ProcessBuilder(cmd)
            .directory(build.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).as("the example builds within 5 min").isTrue();
    assertThat(mvn.exitValue()).as(Files.readString(log)).isZero();
    Path war = build.resolve("target/trading-platform.war");
    assertThat(war).exists();
    return war;
  }

  static void copy(Path from, Path to) throws IOException {
    assertThat(from).as("built by this build's package phase").exists();
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files
          .filter(p -> !p.toString().contains("/target/"))
          .forEach(
              p -> {
                try {
                  Path dest = to.resolve(from.relativize(p).toString());
                  if (Files.isDirectory(p)) Files.createDirectories(dest);
                  else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static PayaraProcess start(String name) throws IOException {
    Map<String, String> p =
        new HashMap<>(
            TestConfig.exchange(X)
                .redis(redis.address())
                .heartbeat("20s", "60s")
                .users(ApiClient.ADMIN_USERS)
                .properties());
    p.put(ConnectorSettings.CONNECTOR, "paper");
    p.put(ConnectorSettings.STANDBY_WARM, "true");
    Path micro =
        Path.of(System.getProperty("payara.microJar", "target/payara-micro/payara-micro.jar"));
    return PayaraProcess.start(
        platformWar, micro, Files.createTempDirectory("platform-" + name), p);
  }

  static OwnerRecord lease() {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", "exchange:{" + X + "}:instance");
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  static JsonNode status(PayaraProcess via) throws Exception {
    return ApiClient.at(via.url()).json("api/network/exchanges/" + X, ApiClient.ADMIN);
  }

  @Test
  void thePlatformsConnectorWarmsAsAStandbyAndTakesOverOnHandoff() throws Exception {
    owner = start("owner");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    assertThat(owner.awaitWeb(Duration.ofMinutes(2))).isTrue();
    assertThat(lease().symbolCount()).as("the paper connector's symbols").isEqualTo(40);
    assertThat(Files.readString(owner.log())).contains("paper: warmed up 40 symbols for coinbase");

    standby = start("standby");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode s = status(owner).path("standbys");
              return s.size() == 1 && "warm".equals(s.get(0).path("readiness").asText());
            });
    String standbyId = status(owner).path("standbys").get(0).get("instanceId").asText();
    assertThat(Files.readString(standby.log()))
        .contains("paper: prepared 40 symbols for coinbase as a standby (read-only, epoch 0)");

    HttpResponse<String> r =
        ApiClient.at(owner.url())
            .post(
                "api/network/exchanges/" + X + "/commands",
                ApiClient.ADMIN,
                "{\"command\":\"handoff\"}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(ApiClient.json(r).get("reason").asText()).startsWith("handed over to " + standbyId);
    await().atMost(Duration.ofSeconds(15)).until(() -> lease().state() == ConnectionState.ACTIVE);
    assertThat(lease().instanceId()).isEqualTo(standbyId);
    assertThat(Files.readString(standby.log()))
        .contains("paper: trading session opened for coinbase under epoch " + lease().epoch())
        .contains("paper: warm-up has nothing left to load for coinbase");
  }
}
