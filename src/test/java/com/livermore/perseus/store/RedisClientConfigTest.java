package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.config.RedisMode;
import com.livermore.perseus.config.RedisSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

class RedisClientConfigTest {
  static RedisSettings settings(RedisMode mode, String... addresses) {
    return new RedisSettings(
        java.util.Arrays.stream(addresses).map(URI::create).toList(), mode, Optional.empty(), "");
  }

  @Test
  void readersWaitLongerThanTheHeartbeatOnASingleNode() {
    RedisSettings single = settings(RedisMode.SINGLE, "redis://127.0.0.1:7000");
    Config readers = RedisClientProducer.readerConfig(single);
    Config instance = RedisClientProducer.redissonConfig(single);
    assertThat(readers.useSingleServer().getTimeout()).isEqualTo(10_000);
    assertThat(readers.useSingleServer().getAddress()).isEqualTo("redis://127.0.0.1:7000");
    assertThat(readers.useSingleServer().getConnectionPoolSize()).isEqualTo(64);
    assertThat(instance.useSingleServer().getTimeout()).isEqualTo(3000);
  }

  @Test
  void readersWaitLongerThanTheHeartbeatOnACluster() {
    RedisSettings cluster =
        settings(RedisMode.CLUSTER, "redis://127.0.0.1:7000", "redis://127.0.0.1:7001");
    Config readers = RedisClientProducer.readerConfig(cluster);
    assertThat(readers.useClusterServers().getTimeout()).isEqualTo(10_000);
    assertThat(readers.useClusterServers().getNodeAddresses()).hasSize(2);
    assertThat(RedisClientProducer.redissonConfig(cluster).useClusterServers().getTimeout())
        .isEqualTo(3000);
    assertThat(List.of(readers.isClusterConfig())).containsExactly(true);
  }

  @Test
  void theInstanceFailsFastAndReconnectsWithinASecondWhileReadersKeepRedissonsBackOff() {
    RedisSettings single = settings(RedisMode.SINGLE, "redis://127.0.0.1:7000");
    var instance = RedisClientProducer.redissonConfig(single).useSingleServer();
    assertThat(instance.getConnectTimeout()).isEqualTo(3000);
    assertThat(instance.getRetryAttempts()).isEqualTo(1);
    assertThat(instance.getPingConnectionInterval()).isEqualTo(5000);
    assertThat(instance.getReconnectionDelay().calcDelay(30).toMillis()).isLessThanOrEqualTo(1000);
    var readers = RedisClientProducer.readerConfig(single).useSingleServer();
    assertThat(readers.getReconnectionDelay().calcDelay(30).toMillis()).isGreaterThan(1000);
  }

  @Test
  void sentinelModeFollowsTheNamedMasterAndReadsFromIt() {
    RedisSettings sentinel =
        new RedisSettings(
            List.of(URI.create("redis://127.0.0.1:26379"), URI.create("redis://127.0.0.1:26380")),
            RedisMode.SENTINEL,
            Optional.of("secret"),
            "",
            Optional.of("perseus"),
            Optional.of("mymaster"),
            com.livermore.perseus.config.RedisTls.DEFAULT,
            com.livermore.perseus.config.ReplicaAckSettings.AUTO);
    var config = RedisClientProducer.redissonConfig(sentinel).useSentinelServers();
    assertThat(config.getMasterName()).isEqualTo("mymaster");
    assertThat(config.getSentinelAddresses()).hasSize(2);
    assertThat(config.getReadMode()).isEqualTo(org.redisson.config.ReadMode.MASTER);
    assertThat(config.getUsername()).isEqualTo("perseus");
    assertThat(config.getSslVerificationMode())
        .isEqualTo(org.redisson.config.SslVerificationMode.STRICT);
  }
}
