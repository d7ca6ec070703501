package com.livermore.perseus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RedisHarnessIT {

  private static final String KEY = "exchange:{coinbase}:instance";

  @Test
  void singleNodeStoresAndReturnsValues() {
    try (RedisServer redis = RedisServer.start();
        Resp r = redis.connect()) {
      assertThat(redis.address()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(r.call("SET", "lease", "owner-1", "PX", "60000")).isEqualTo("OK");
      assertThat(r.call("GET", "lease")).isEqualTo("owner-1");
      assertThat((Long) r.call("PTTL", "lease")).isBetween(1L, 60_000L);
      assertThat(r.call("GET", "missing")).isNull();
      r.call("XADD", "activity", "*", "event", "ACQUIRED");
      assertThat((List<?>) r.call("XRANGE", "activity", "-", "+")).hasSize(1);
      assertThat(r.call("DEBUG", "SLEEP", "0")).isEqualTo("OK");
      assertThat(Resp.info(r, "server")).containsEntry("process_id", Long.toString(redis.pid()));
      assertThatThrownBy(() -> r.call("NO-SUCH-COMMAND"))
          .isInstanceOf(RespException.class)
          .hasMessageStartingWith("ERR");
    }
  }

  @Test
  void closedServerLeavesNoProcessAndNoDirectory() {
    RedisServer redis = RedisServer.start();
    ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
    redis.close();
    assertThat(process.isAlive()).isFalse();
    assertThat(Files.exists(redis.dir())).isFalse();
  }

  @Test
  void killedServerRestartsOnTheSamePortWithoutData() {
    try (RedisServer redis = RedisServer.start()) {
      int port = redis.port();
      long pid = redis.pid();
      try (Resp r = redis.connect()) {
        r.call("SET", "lease", "owner-1");
      }
      redis.kill();
      assertThat(redis.isRunning()).isFalse();
      assertThatThrownBy(redis::connect).isInstanceOf(UncheckedIOException.class);

      redis.restart();
      assertThat(redis.port()).isEqualTo(port);
      assertThat(redis.pid()).isNotEqualTo(pid);
      try (Resp r = redis.connect()) {
        assertThat(r.call("GET", "lease")).isNull();
      }
    }
  }

  @Test
  void pausedServerAnswersOnlyAfterResume() {
    try (RedisServer redis = RedisServer.start()) {
      redis.pause();
      assertThat(redis.isRunning()).isTrue();
      try (Resp r = redis.connect(Duration.ofMillis(300))) {
        assertThatThrownBy(() -> r.call("PING"))
            .isInstanceOf(UncheckedIOException.class)
            .hasRootCauseInstanceOf(SocketTimeoutException.class);
      }
      redis.resume();
      try (Resp r = redis.connect()) {
        assertThat(r.call("PING")).isEqualTo("PONG");
      }
    }
  }

  @Test
  void embeddedBinaryIsExtractableAndRuns() {
    assertThat(RedisBinary.versionOf(RedisBinary.embedded())).startsWith("6.2.");
    assertThat(RedisBinary.version()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void slotFollowsCrc16OfTheHashTag() {
    assertThat(RedisCluster.slot("123456789")).isEqualTo(0x31C3); // CRC16/XMODEM check value
    assertThat(RedisCluster.slot(KEY)).isEqualTo(RedisCluster.slot("coinbase"));
    assertThat(RedisCluster.slot("a{}b")).isNotEqualTo(RedisCluster.slot(""));
  }

  @Test
  void clusterOfThreeMastersWithOneReplicaEachServesKeysOnTheirMaster() {
    try (RedisCluster cluster = RedisCluster.start(3, 1)) {
      assertThat(cluster.nodes()).hasSize(6);
      assertThat(cluster.masters()).hasSize(3);
      assertThat(cluster.addresses().split(","))
          .hasSize(6)
          .allMatch(a -> a.matches("redis://127\\.0\\.0\\.1:\\d+"));
      for (RedisServer node : cluster.nodes()) {
        try (Resp r = node.connect()) {
          assertThat(Resp.fields((String) r.call("CLUSTER", "INFO")))
              .containsEntry("cluster_state", "ok");
        }
      }
      try (Resp r = cluster.nodes().get(0).connect()) {
        for (String key : List.of(KEY, "foo", "{user1000}.following", "a{}b", "{}{x}", "ü")) {
          assertThat(r.call("CLUSTER", "KEYSLOT", key))
              .as(key)
              .isEqualTo((long) RedisCluster.slot(key));
        }
      }

      RedisServer master = cluster.masterFor(KEY);
      try (Resp r = master.connect()) {
        assertThat(r.call("SET", KEY, "i-1")).isEqualTo("OK");
        assertThat(r.call("GET", KEY)).isEqualTo("i-1");
      }
      RedisServer otherMaster =
          cluster.masters().stream().filter(m -> m != master).findFirst().orElseThrow();
      try (Resp r = otherMaster.connect()) {
        assertThatThrownBy(() -> r.call("GET", KEY))
            .isInstanceOf(RespException.class)
            .hasMessageStartingWith("MOVED " + RedisCluster.slot(KEY));
      }
    }
  }

  @Test
  void killedMasterIsReplacedByItsReplica() {
    try (RedisCluster cluster = RedisCluster.start(3, 1)) {
      RedisServer master = cluster.masterFor(KEY);
      List<RedisServer> replicas = cluster.replicasOf(master);
      assertThat(replicas).hasSize(1);
      RedisServer replica = replicas.get(0);
      try (Resp r = master.connect()) {
        r.call("SET", KEY, "i-1");
        assertThat(r.call("WAIT", "1", "2000")).isEqualTo(1L);
      }

      master.kill();
      cluster.awaitHealthy(Duration.ofSeconds(15));

      assertThat(cluster.masterFor(KEY)).isSameAs(replica);
      assertThat(cluster.masters()).hasSize(3).contains(replica).doesNotContain(master);
      try (Resp r = replica.connect()) {
        assertThat(r.call("GET", KEY)).isEqualTo("i-1");
      }
    }
  }
}
