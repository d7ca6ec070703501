package com.livermore.perseus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationReaderTest {

  private static PerseusConfig read(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1]);
    return ConfigurationReader.read(name -> Optional.ofNullable(values.get(name)));
  }

  private static String failure(String... pairs) {
    try {
      read(pairs);
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  @Test
  void defaultsMatchTheDesign() {
    PerseusConfig c = read("perseus.exchange", "coinbase");
    assertThat(c.exchange()).isEqualTo("coinbase");
    assertThat(c.redis().addresses()).containsExactly(URI.create("redis://127.0.0.1:6379"));
    assertThat(c.redis().mode()).isEqualTo(RedisMode.SINGLE);
    assertThat(c.redis().password()).isEmpty();
    assertThat(c.redis().keyPrefix()).isEmpty();
    assertThat(c.lease().heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.lease().ttl()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.publicIp().enabled()).isTrue();
    assertThat(c.publicIp().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.publicIp().endpoints()).hasSize(3);
    assertThat(c.activity().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(c.activity().maxLength()).isEqualTo(50_000);
    assertThat(c.activity().errorWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.connector().name()).isEqualTo("simulated");
  }

  @Test
  void missingExchangeNamesThePropertyAndTheEnvironmentVariable() {
    assertThat(failure()).contains("perseus.exchange is required").contains("PERSEUS_EXCHANGE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Coinbase", "-kraken", "coin base", "kraken!", "_x", "ä"})
  void exchangeMustBeASlug(String bad) {
    assertThat(failure("perseus.exchange", bad))
        .startsWith("perseus.exchange must match [a-z0-9][a-z0-9_-]{0,63}");
  }

  @Test
  void exchangeSlugMayBeSixtyFourCharactersButNotMore() {
    assertThat(read("perseus.exchange", "a".repeat(64)).exchange()).hasSize(64);
    assertThat(failure("perseus.exchange", "a".repeat(65)))
        .startsWith("perseus.exchange must match");
  }

  @ParameterizedTest
  @CsvSource({"200ms,600ms", "1s,3s", "15s,45s", "PT15S,PT45S", "1m,3m"})
  void acceptsEveryDurationFormWhenTtlIsThreeIntervals(String interval, String ttl) {
    PerseusConfig c =
        read(
            "perseus.exchange",
            "x",
            "perseus.heartbeat.interval",
            interval,
            "perseus.lease.ttl",
            ttl);
    assertThat(c.lease().ttl()).isEqualTo(c.lease().heartbeatInterval().multipliedBy(3));
  }

  @Test
  void ttlBelowThreeIntervalsIsRefusedWithTheRule() {
    assertThat(
            failure(
                "perseus.exchange",
                "x",
                "perseus.heartbeat.interval",
                "15s",
                "perseus.lease.ttl",
                "44s"))
        .isEqualTo(
            "perseus.lease.ttl must be at least 3 x perseus.heartbeat.interval (45s), but was 44s.");
  }

  @Test
  void unparsableDurationNamesTheProperty() {
    assertThat(failure("perseus.exchange", "x", "perseus.heartbeat.interval", "often"))
        .startsWith("perseus.heartbeat.interval must be a duration");
  }

  @Test
  void heartbeatFasterThan100msIsRefused() {
    assertThat(
            failure(
                "perseus.exchange",
                "x",
                "perseus.heartbeat.interval",
                "50ms",
                "perseus.lease.ttl",
                "1s"))
        .startsWith("perseus.heartbeat.interval must be at least 100ms");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:6379",
        "http://h:6379",
        "redis://h",
        "redis://:secret@h:6379",
        "redis://h:6379/0",
        "::::"
      })
  void redisAddressMustBeARedisUriWithHostAndPort(String bad) {
    String message = failure("perseus.exchange", "x", "perseus.redis.address", bad);
    assertThat(message)
        .startsWith("perseus.redis.address entries must look like redis://host:port");
    assertThat(message).doesNotContain("secret");
  }

  @Test
  void singleModeRefusesAListAndSuggestsClusterMode() {
    assertThat(failure("perseus.exchange", "x", "perseus.redis.address", "redis://a:1,redis://b:2"))
        .contains("perseus.redis.mode=cluster");
  }

  @Test
  void clusterModeTakesACommaListOfNodes() {
    PerseusConfig c =
        read(
            "perseus.exchange",
            "x",
            "perseus.redis.mode",
            "cluster",
            "perseus.redis.address",
            "redis://a:7000, rediss://b:7001 ,redis://c:7002");
    assertThat(c.redis().mode()).isEqualTo(RedisMode.CLUSTER);
    assertThat(c.redis().addresses())
        .extracting(URI::toString)
        .isEqualTo(List.of("redis://a:7000", "rediss://b:7001", "redis://c:7002"));
  }

  @Test
  void unknownRedisModeIsRefused() {
    assertThat(failure("perseus.exchange", "x", "perseus.redis.mode", "replicated"))
        .isEqualTo(
            "perseus.redis.mode must be 'single', 'cluster' or 'sentinel', but was 'replicated'.");
  }

  @Test
  void sentinelModeNeedsTheMasterNameAndTakesAListOfSentinels() {
    assertThat(
            failure(
                "perseus.exchange", "x",
                "perseus.redis.mode", "sentinel",
                "perseus.redis.address", "redis://s1:26379,redis://s2:26379"))
        .startsWith(
            "perseus.redis.sentinel.master is required when perseus.redis.mode is 'sentinel'");
    PerseusConfig c =
        read(
            "perseus.exchange", "x",
            "perseus.redis.mode", "sentinel",
            "perseus.redis.address", "redis://s1:26379,redis://s2:26379,redis://s3:26379",
            "perseus.redis.sentinel.master", "mymaster");
    assertThat(c.redis().mode()).isEqualTo(RedisMode.SENTINEL);
    assertThat(c.redis().addresses()).hasSize(3);
    assertThat(c.redis().sentinelMaster()).contains("mymaster");
    assertThat(failure("perseus.exchange", "x", "perseus.redis.sentinel.master", "mymaster"))
        .isEqualTo(
            "perseus.redis.sentinel.master is set, but perseus.redis.mode is not 'sentinel'.");
  }

  @Test
  void anAclUserNeedsItsPasswordAndNeitherIsEverInTheSettingsText() {
    assertThat(failure("perseus.exchange", "x", "perseus.redis.username", "perseus"))
        .isEqualTo(
            "perseus.redis.password is required with perseus.redis.username (the ACL user's password).");
    PerseusConfig c =
        read(
            "perseus.exchange", "x",
            "perseus.redis.username", "perseus-user-name",
            "perseus.redis.password", "hunter2-secret");
    assertThat(c.redis().username()).contains("perseus-user-name");
    assertThat(c.redis().toString())
        .doesNotContain("perseus-user-name")
        .doesNotContain("hunter2")
        .contains("username=(set), password=(set)");
  }

  @Test
  void tlsStoresMustBeReadableFilesAndNeedATlsAddress(@TempDir Path dir) throws Exception {
    assertThat(failure("perseus.exchange", "x", "perseus.redis.tls.truststore", "/no/such/ca.pem"))
        .isEqualTo(
            "perseus.redis.tls.truststore must name a readable file, but '/no/such/ca.pem' is not one.");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    assertThat(failure("perseus.exchange", "x", "perseus.redis.tls.truststore", ca.toString()))
        .isEqualTo(
            "perseus.redis.tls.truststore and perseus.redis.tls.keystore need rediss:// addresses in perseus.redis.address, which has none.");
    assertThat(
            failure(
                "perseus.exchange", "x",
                "perseus.redis.address", "rediss://redis:6380",
                "perseus.redis.tls.keystore", ca.toString()))
        .isEqualTo(
            "perseus.redis.tls.keystore-password is required with perseus.redis.tls.keystore (the client key's store).");
    PerseusConfig c =
        read(
            "perseus.exchange", "x",
            "perseus.redis.address", "rediss://redis:6380",
            "perseus.redis.tls.truststore", ca.toString(),
            "perseus.redis.tls.truststore-password", "store-secret");
    assertThat(c.redis().tls().truststore()).contains(ca);
    assertThat(c.redis().toString()).doesNotContain("store-secret");
  }

  @Test
  void replicaAcksAreAutoOrANumberAndTheTimeoutDefaultsToAThirdOfTheInterval() {
    PerseusConfig c = read("perseus.exchange", "x");
    assertThat(c.redis().replicaAcks().auto()).isTrue();
    assertThat(c.redis().replicaAcks().timeout()).isEqualTo(Duration.ofSeconds(5));
    PerseusConfig fixed =
        read(
            "perseus.exchange", "x",
            "perseus.heartbeat.interval", "3s",
            "perseus.lease.ttl", "9s",
            "perseus.redis.replica-acks", "1");
    assertThat(fixed.redis().replicaAcks().count()).hasValue(1);
    assertThat(fixed.redis().replicaAcks().timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(failure("perseus.exchange", "x", "perseus.redis.replica-acks", "some"))
        .isEqualTo(
            "perseus.redis.replica-acks must be 'auto' or a number of replicas from 0 to 16, but was 'some'.");
    assertThat(failure("perseus.exchange", "x", "perseus.redis.replica-ack-timeout", "20s"))
        .isEqualTo("perseus.redis.replica-ack-timeout must be between 1ms and 15s, but was 20s.");
  }

  @Test
  void passwordNeverAppearsInTheSettingsText() {
    PerseusConfig c = read("perseus.exchange", "x", "perseus.redis.password", "hunter2-secret");
    assertThat(c.redis().password()).contains("hunter2-secret");
    assertThat(c.redis().toString()).doesNotContain("hunter2").contains("(set)");
    assertThat(c.toString()).doesNotContain("hunter2");
  }

  @Test
  void keyPrefixMayNotContainBraces() {
    assertThat(read("perseus.exchange", "x", "perseus.key-prefix", "blue:").redis().keyPrefix())
        .isEqualTo("blue:");
    assertThat(failure("perseus.exchange", "x", "perseus.key-prefix", "{blue}"))
        .startsWith("perseus.key-prefix must be");
  }

  @Test
  void publicIpTimeoutIsAtMostThreeSeconds() {
    assertThat(failure("perseus.exchange", "x", "perseus.public-ip.timeout", "5s"))
        .startsWith("perseus.public-ip.timeout must be more than 0 and at most 3s");
  }

  @Test
  void publicIpEndpointsMustBeHttpUrls() {
    assertThat(
            failure(
                "perseus.exchange",
                "x",
                "perseus.public-ip.endpoints",
                "https://ok.example, ftp://bad"))
        .startsWith("perseus.public-ip.endpoints must be a comma list of http:// or https:// URLs");
    assertThat(
            read("perseus.exchange", "x", "perseus.public-ip.enabled", "false")
                .publicIp()
                .enabled())
        .isFalse();
    assertThat(failure("perseus.exchange", "x", "perseus.public-ip.enabled", "maybe"))
        .startsWith("perseus.public-ip.enabled must be true or false");
  }

  @Test
  void activityRetentionAndCapAreValidated() {
    PerseusConfig c =
        read(
            "perseus.exchange",
            "x",
            "perseus.activity.retention",
            "7d",
            "perseus.activity.max-length",
            "1000");
    assertThat(c.activity().retention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.activity().maxLength()).isEqualTo(1000);
    assertThat(failure("perseus.exchange", "x", "perseus.activity.max-length", "ten"))
        .isEqualTo("perseus.activity.max-length must be a whole number, but was 'ten'.");
    assertThat(failure("perseus.exchange", "x", "perseus.activity.max-length", "10"))
        .startsWith("perseus.activity.max-length must be between 100 and");
    assertThat(failure("perseus.exchange", "x", "perseus.activity.retention", "10s"))
        .startsWith("perseus.activity.retention must be at least 1m");
  }

  @Test
  void simulatorFailureModeIsAClosedSet() {
    assertThat(
            read("perseus.exchange", "x", "perseus.simulator.failure", "warmup")
                .connector()
                .simulatedFailure())
        .isEqualTo("warmup");
    assertThat(failure("perseus.exchange", "x", "perseus.simulator.failure", "sometimes"))
        .startsWith("perseus.simulator.failure must be one of none, start, warmup, periodic");
  }

  @Test
  void consoleSettingsHaveDefaultsAndRules() {
    PerseusConfig c = read("perseus.exchange", "x");
    assertThat(c.console().cardsPoll()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.console().activityPoll()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.console().latencyWarn()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.console().latencyCritical()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.console().stuckAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(failure("perseus.exchange", "x", "perseus.console.cards-poll", "500ms"))
        .startsWith("perseus.console.cards-poll must be between 1s and 10m");
    assertThat(failure("perseus.exchange", "x", "perseus.console.latency-warn", "300ms"))
        .startsWith(
            "perseus.console.latency-critical must be more than perseus.console.latency-warn");
  }

  @Test
  void everyMessageIsOneSentence() {
    for (String m :
        List.of(
            failure(),
            failure("perseus.exchange", "BAD"),
            failure("perseus.exchange", "x", "perseus.lease.ttl", "1s"))) {
      assertThat(m).endsWith(".").doesNotContain("\n");
    }
  }
}
