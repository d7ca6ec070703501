package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceStatus;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.testing.RedisSentinelSet;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

/**
 * Perseus behind Redis Sentinel (a master, two replicas, three sentinels): three contenders for
 * each of two exchanges, and the master killed with SIGKILL mid-run. The sentinels promote a
 * replica; every exchange is owned again, by one instance at a time, and no epoch goes back.
 */
class SentinelFailoverIT {
  static final List<String> EXCHANGES = List.of("coinbase", "kraken");

  @Test
  void anExchangeIsKeptOrRetakenAcrossAMasterKillWithNoDoubleOwnerAndNoEpochGoingBack()
      throws Exception {
    try (RedisSentinelSet redis = RedisSentinelSet.start(2);
        InProcessNetwork network =
            new InProcessNetwork(
                TestConfig.exchange("any")
                    .redis(redis.sentinelAddresses())
                    .set(RedisSettings.REDIS_MODE, "sentinel")
                    .set(RedisSettings.SENTINEL_MASTER, RedisSentinelSet.MASTER_NAME)
                    .heartbeat("500ms", "3s")
                    .lockDelay("1s")
                    .warmup("300ms"))) {
      for (int i = 0; i < 3; i++) {
        for (String exchange : EXCHANGES) network.start(exchange);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> everyExchangeActive(network));
      Map<String, Long> epochsBefore = new HashMap<>();
      for (String exchange : EXCHANGES)
        epochsBefore.put(exchange, owner(network, exchange).epoch());

      List<OwnershipObserver.BeliefSource> beliefs = new ArrayList<>();
      List<ExchangeInstance> instances = network.instances();
      for (int i = 0; i < instances.size(); i++) {
        ExchangeInstance instance = instances.get(i);
        String label = "instance-" + i;
        beliefs.add(
            () -> {
              InstanceStatus s = instance.status();
              return new OwnershipObserver.Belief(label, s.exchange(), s.role(), s.epoch());
            });
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      try (OwnershipObserver observer =
          OwnershipObserver.start(
              x ->
                  network
                      .redisson()
                      .<String>getBucket(network.keys().instance(x), StringCodec.INSTANCE)
                      .get(),
              EXCHANGES,
              beliefs,
              Duration.ofMillis(50))) {
        Thread.sleep(1500);
        RedisServer old = redis.master();
        long killedAt = System.nanoTime();
        old.kill();
        RedisServer promoted = redis.awaitFailoverFrom(old, Duration.ofSeconds(30));
        long promotedMs = (System.nanoTime() - killedAt) / 1_000_000;
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(() -> everyExchangeActive(network));
        long recoveredMs = (System.nanoTime() - killedAt) / 1_000_000;
        Thread.sleep(3000); // let any fenced owner try to write
        observer.close();

        assertThat(observer.violations()).isEmpty();
        // An owner fenced during those 3 s steps down and a standby re-claims: the epochs are read
        // once every exchange has its owner again (one CI run read an exchange between the two).
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(() -> everyExchangeActive(network));
        for (String exchange : EXCHANGES) {
          assertThat(owner(network, exchange).epoch())
              .as("the epoch of %s after the failover", exchange)
              .isGreaterThanOrEqualTo(epochsBefore.get(exchange));
        }
        assertThat(promoted.port()).isNotEqualTo(old.port());
        figures.putAll(observer.figures());
        figures.put("replicaPromotedAfterMs", promotedMs);
        figures.put("everyExchangeActiveAgainAfterMs", recoveredMs);
      }
      ReliabilityReport.record(
          "Redis Sentinel failover (a master, 2 replicas, 3 sentinels; the master killed)",
          figures);
    }
  }

  static boolean everyExchangeActive(InProcessNetwork network) {
    return network.everyExchangeActive(EXCHANGES);
  }

  static OwnerRecord owner(InProcessNetwork network, String exchange) {
    return network.owner(exchange);
  }
}
