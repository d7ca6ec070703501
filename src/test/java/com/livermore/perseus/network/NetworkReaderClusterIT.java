package com.livermore.perseus.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.NetworkReads;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read service on a real Redis Cluster: the MGETs of the whole network span every slot, and
 * every exchange still comes back with its own lease, last record, stop intent and standbys.
 */
class NetworkReaderClusterIT {
  static RedisBackend redis;

  @BeforeAll
  static void start() {
    redis = RedisBackend.cluster();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void readsEveryExchangeAcrossTheSlots() {
    Keys keys = new Keys("cluster-read:");
    Instant now = Instant.now();
    for (int i = 0; i < 60; i++) {
      String x = "x" + i;
      try (Resp r = redis.connectFor(keys.exchanges())) {
        r.call(
            "HSET",
            keys.exchanges(),
            x,
            "{\"exchange\":\"" + x + "\",\"displayName\":\"X" + i + "\"}");
      }
      switch (i % 3) {
        case 0 -> set(keys.instance(x), NetworkReaderIT.record(x, now, 60_000L), "PX", "60000");
        case 1 -> set(keys.instance(x), NetworkReaderIT.record(x, now, null), "PX", "60000");
        default -> set(keys.last(x), NetworkReaderIT.record(x, now.minusSeconds(300), 60_000L));
      }
      if (i % 5 == 0) set(keys.intent(x), "{\"stoppedBy\":\"op-" + i + "\",\"at\":null}");
      try (Resp r = redis.connectFor(keys.standbys(x))) {
        r.call(
            "ZADD",
            keys.standbys(x),
            Long.toString(now.plusSeconds(60).toEpochMilli()),
            "standby-" + i + "|host-" + i);
      }
    }

    NetworkSnapshot snapshot =
        new NetworkReader(
                new NetworkReads(redis.redisson(), keys, true),
                new LivenessRule(Duration.ofSeconds(15)),
                Clock.systemUTC())
            .read();

    assertThat(snapshot.exchanges()).hasSize(60);
    for (int i = 0; i < 60; i++) {
      ExchangeStatus s = snapshot.exchange("x" + i).orElseThrow();
      assertThat(s.displayName()).isEqualTo("X" + i);
      assertThat(s.liveness()).isEqualTo(i % 3 == 2 ? Liveness.DEAD : Liveness.ALIVE);
      if (i % 3 != 2) {
        assertThat(s.owner().instanceId()).isEqualTo("i-x" + i);
        assertThat(s.leaseExpiresInMs()).isBetween(1L, 60_000L);
      } else {
        assertThat(s.lastKnown().instanceId()).isEqualTo("i-x" + i);
      }
      assertThat(s.stoppedByOperator() == null ? null : s.stoppedByOperator().stoppedBy())
          .isEqualTo(i % 5 == 0 ? "op-" + i : null);
      assertThat(s.standbys())
          .extracting(ExchangeStatus.Standby::instanceId)
          .containsExactly("standby-" + i);
    }
  }

  private static void set(String key, String... rest) {
    try (Resp r = redis.connectFor(key)) {
      String[] args = new String[rest.length + 2];
      args[0] = "SET";
      args[1] = key;
      System.arraycopy(rest, 0, args, 2, rest.length);
      r.call(args);
    }
  }
}
