package com.livermore.perseus.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.NetworkReads;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read service against real Redis: one batch for the whole network, corrupt values flagged. */
class NetworkReaderIT {
  static RedisBackend redis;

  @BeforeAll
  static void start() {
    redis = RedisBackend.singleNode();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  static String record(String exchange, Instant hb) {
    return record(exchange, hb, null);
  }

  /** An owner record; {@code leaseTtlMs} null is the form written before that field existed. */
  static String record(String exchange, Instant hb, Long leaseTtlMs) {
    return RecordJson.write(
        new OwnerRecord(
            "i-" + exchange,
            exchange,
            1,
            "h",
            null,
            "10.0.0.1",
            "",
            ConnectionState.ACTIVE,
            hb,
            1,
            null,
            hb,
            hb,
            1L,
            null,
            "1",
            null,
            leaseTtlMs));
  }

  NetworkReader reader(String prefix) {
    return new NetworkReader(
        new NetworkReads(redis.redisson(), new Keys(prefix), false),
        new LivenessRule(Duration.ofSeconds(15)),
        Clock.systemUTC());
  }

  @Test
  void readsAThousandLiveExchangesInAboutTwoCommandsEachAndTheDeadOnesExactly() {
    String prefix = "thousand:";
    Keys keys = new Keys(prefix);
    try (Resp r = redis.singleServer().connect()) {
      for (int i = 0; i < 1000; i++) {
        String x = "x" + i;
        r.call(
            "HSET",
            keys.exchanges(),
            x,
            "{\"exchange\":\""
                + x
                + "\",\"displayName\":\"X"
                + i
                + "\",\"firstSeen\":\"2026-01-01T00:00:00Z\"}");
        if (i % 2 == 0)
          r.call("SET", keys.instance(x), record(x, Instant.now(), 60_000L), "PX", "60000");
        else r.call("SET", keys.last(x), record(x, Instant.now().minusSeconds(100)));
      }
      NetworkReader reader = reader(prefix);
      reader.read(); // the first use also opens connections; count a steady-state read
      r.call("CONFIG", "RESETSTAT");

      NetworkSnapshot snapshot = reader.read();

      Map<String, String> stats = Resp.info(r, "commandstats");
      assertThat(snapshot.exchanges()).hasSize(1000);
      assertThat(snapshot.exchanges().stream().filter(s -> s.liveness() == Liveness.ALIVE))
          .hasSize(500);
      assertThat(snapshot.exchanges().stream().filter(s -> s.liveness() == Liveness.DEAD))
          .hasSize(500);
      assertThat(calls(stats, "hgetall")).as("network:exchanges and network:recovery").isEqualTo(2);
      assertThat(calls(stats, "mget")).as("every :instance, then every :intent").isEqualTo(2);
      assertThat(calls(stats, "zrangebyscore")).as("the standbys of each").isEqualTo(1000);
      assertThat(calls(stats, "get")).as(":instance and :last of each dead one").isEqualTo(1000);
      assertThat(calls(stats, "pttl"))
          .as("of each lease in the batch (its age on Redis's clock), and of each dead one")
          .isEqualTo(1500);
      assertThat(snapshot.exchange("x2").orElseThrow().displayName()).isEqualTo("X2");
      assertThat(snapshot.exchange("x2").orElseThrow().leaseExpiresInMs())
          .isBetween(50_000L, 60_000L);
      assertThat(snapshot.exchange("x1").orElseThrow().lastKnown().instanceId()).isEqualTo("i-x1");
    }
  }

  @Test
  void aRecordWithoutItsTtlIsReadExactlyWithItsPttl() {
    String prefix = "oldform:";
    Keys keys = new Keys(prefix);
    try (Resp r = redis.singleServer().connect()) {
      r.call("HSET", keys.exchanges(), "old", "{\"exchange\":\"old\"}");
      r.call("SET", keys.instance("old"), record("old", Instant.now()), "PX", "30000");
      r.call(
          "SET", keys.intent("old"), "{\"stoppedBy\":\"alice\",\"at\":\"2026-11-24T10:00:00Z\"}");
      NetworkReader reader = reader(prefix);
      reader.read();
      r.call("CONFIG", "RESETSTAT");

      ExchangeStatus old = reader.read().exchange("old").orElseThrow();

      assertThat(old.liveness()).isEqualTo(Liveness.ALIVE);
      assertThat(old.leaseExpiresInMs()).isBetween(20_000L, 30_000L);
      assertThat(old.stoppedByOperator().stoppedBy()).isEqualTo("alice");
      assertThat(calls(Resp.info(r, "commandstats"), "pttl")).isEqualTo(1);
    }
  }

  @Test
  void corruptValuesAreFlaggedAndEverythingElseStillAnswers() {
    String prefix = "corrupt:";
    Keys keys = new Keys(prefix);
    try (Resp r = redis.singleServer().connect()) {
      r.call("HSET", keys.exchanges(), "good", "{\"exchange\":\"good\",\"displayName\":\"Good\"}");
      r.call("HSET", keys.exchanges(), "badlease", "not json at all");
      r.call("HSET", keys.exchanges(), "badlast", "{}");
      r.call("HSET", keys.exchanges(), "Bad Id!", "{}");
      r.call("SET", keys.instance("good"), record("good", Instant.now()), "PX", "60000");
      r.call("SET", keys.instance("badlease"), "{\"instanceId\":42}", "PX", "60000");
      r.call("SET", keys.last("badlast"), "\u0000\u0001garbage");
      r.call("HSET", keys.exchanges(), "wrongtype", "{}");
      r.call("HSET", keys.instance("wrongtype"), "not", "a string");
    }

    NetworkSnapshot snapshot = reader(prefix).read();

    assertThat(snapshot.exchanges()).hasSize(5);
    assertThat(snapshot.exchange("wrongtype").orElseThrow().problem()).contains("WRONGTYPE");
    assertThat(snapshot.exchange("good").orElseThrow().liveness()).isEqualTo(Liveness.ALIVE);
    assertThat(snapshot.exchange("good").orElseThrow().problem()).isNull();
    assertThat(snapshot.exchange("badlease").orElseThrow().problem())
        .contains("unreadable owner record");
    assertThat(snapshot.exchange("badlease").orElseThrow().displayName()).isEqualTo("badlease");
    assertThat(snapshot.exchange("badlast").orElseThrow().problem())
        .contains("unreadable last-known record");
    assertThat(snapshot.exchange("badlast").orElseThrow().displayName())
        .as("two exchanges with the same registry entry keep their own names")
        .isEqualTo("badlast");
    assertThat(snapshot.exchange("wrongtype").orElseThrow().displayName()).isEqualTo("wrongtype");
    assertThat(snapshot.exchange("Bad Id!").orElseThrow().problem())
        .contains("not a valid exchange id");
  }

  @Test
  void aReadFollowsTheRegistryWhenExchangesComeAndGo() {
    String prefix = "changing:";
    Keys keys = new Keys(prefix);
    NetworkReader reader = reader(prefix);
    try (Resp r = redis.singleServer().connect()) {
      r.call("HSET", keys.exchanges(), "alpha", "{\"exchange\":\"alpha\"}");
      r.call("SET", keys.instance("alpha"), record("alpha", Instant.now(), 60_000L), "PX", "60000");
      assertThat(reader.read().exchanges())
          .extracting(ExchangeStatus::exchange)
          .containsExactly("alpha");

      r.call("HSET", keys.exchanges(), "beta", "{\"exchange\":\"beta\",\"displayName\":\"Beta\"}");
      r.call("SET", keys.instance("beta"), record("beta", Instant.now(), 60_000L), "PX", "60000");
      NetworkSnapshot grown = reader.read();
      assertThat(grown.exchanges())
          .extracting(ExchangeStatus::exchange)
          .containsExactly("alpha", "beta");
      assertThat(grown.exchange("beta").orElseThrow().owner().instanceId()).isEqualTo("i-beta");
      assertThat(grown.exchange("beta").orElseThrow().displayName()).isEqualTo("Beta");

      r.call("HDEL", keys.exchanges(), "alpha");
      assertThat(reader.read().exchanges())
          .extracting(ExchangeStatus::exchange)
          .containsExactly("beta");
    }
  }

  @Test
  void anEmptyNetworkIsAnEmptySnapshot() {
    assertThat(reader("empty:").read().exchanges()).isEmpty();
  }

  static long calls(Map<String, String> stats, String command) {
    String line = stats.get("cmdstat_" + command);
    if (line == null) return 0;
    return Long.parseLong(line.replaceAll("^calls=(\\d+),.*", "$1"));
  }
}
