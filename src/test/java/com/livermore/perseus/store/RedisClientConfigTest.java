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
    assertThat(readers.useSingleServer().getConnectionPoolSize()).isEqualTo(32);
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
}
