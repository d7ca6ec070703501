package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceStatus;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.LivenessRule;
import com.livermore.perseus.network.NetworkReader;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.NetworkReads;
import com.livermore.perseus.testing.RedisCluster;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * A Redis Cluster of 3 masters and 3 replicas under a running network (an owner and a standby for
 * each of eight exchanges): the master serving the most of them is killed mid-run. After its
 * replica is promoted every exchange has an active owner again, no double owner was ever observed,
 * no fenced owner wrote, the streams are complete, and neither CROSSSLOT nor MOVED reached an
 * instance, a record or the read service.
 */
class ClusterFailoverIT {
  static final List<String> EXCHANGES =
      List.of("coinbase", "kraken", "bitstamp", "binance", "gemini", "okx", "bybit", "bitfinex");
  static final Duration INTERVAL = Duration.ofMillis(500);

  @Test
  void killingAMasterMidRunLeavesEveryExchangeOwnedOnceWithNothingLost() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3, 1);
        InProcessNetwork network =
            new InProcessNetwork(
                TestConfig.exchange("any")
                    .redis(cluster.addresses())
                    .set(RedisSettings.REDIS_MODE, "cluster")
                    .heartbeat("500ms", "3s")
                    .lockDelay("2s")
                    .warmup("500ms"))) {
      for (String exchange : EXCHANGES) network.start(exchange);
      for (String exchange : EXCHANGES) network.start(exchange); // the standbys
      await().atMost(Duration.ofSeconds(30)).until(() -> everyExchangeActive(network));

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
      RedisServer victim = busiestMaster(cluster, network);
      figures.put("killedMasterServed", exchangesOn(cluster, network, victim));
      long killedAt;
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
        Thread.sleep(2000);
        killedAt = System.nanoTime();
        victim.kill();
        cluster.awaitHealthy(Duration.ofSeconds(30));
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
        figures.putAll(observer.figures());
        figures.put("exchanges", EXCHANGES.size());
        figures.put("instances", instances.size());
        figures.put("replicaPromotedAfterMs", promotedMs);
        figures.put("everyExchangeActiveAgainAfterMs", recoveredMs);

        List<String> streamProblems = new ArrayList<>();
        int entries = 0;
        for (String exchange : EXCHANGES) {
          StreamAudit audit = StreamAudit.of(stream(network, exchange));
          streamProblems.addAll(audit.problems());
          entries += audit.size();
          for (Map<String, String> error : audit.ofType("error")) {
            assertThat(error.get("message")).doesNotContain("CROSSSLOT").doesNotContain("MOVED");
          }
        }
        assertThat(streamProblems).isEmpty();
        figures.put("streamEntries", entries);
      }

      for (ExchangeInstance instance : network.instances()) {
        InstanceStatus s = instance.status();
        if (s.lastError() != null) {
          assertThat(s.lastError().message()).doesNotContain("CROSSSLOT").doesNotContain("MOVED");
        }
      }
      NetworkSnapshot snapshot =
          new NetworkReader(
                  new NetworkReads(network.redisson(), network.keys(), true),
                  new LivenessRule(INTERVAL),
                  Clock.systemUTC())
              .read();
      assertThat(snapshot.exchanges()).extracting(ExchangeStatus::exchange).containsAll(EXCHANGES);
      assertThat(snapshot.exchanges()).extracting(ExchangeStatus::problem).containsOnlyNulls();
      ReliabilityReport.record(
          "Redis Cluster failover (3 masters + 3 replicas, a master killed)", figures);
    }
  }

  static boolean everyExchangeActive(InProcessNetwork network) {
    return EXCHANGES.stream()
        .map(x -> owner(network, x))
        .allMatch(lease -> lease != null && lease.state() == ConnectionState.ACTIVE);
  }

  static OwnerRecord owner(InProcessNetwork network, String exchange) {
    String json =
        network
            .redisson()
            .<String>getBucket(network.keys().instance(exchange), StringCodec.INSTANCE)
            .get();
    return json == null ? null : RecordJson.readOwner(json);
  }

  static RedisServer busiestMaster(RedisCluster cluster, InProcessNetwork network) {
    Map<RedisServer, Long> counts =
        EXCHANGES.stream()
            .collect(
                Collectors.groupingBy(
                    x -> cluster.masterFor(network.keys().instance(x)), Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  static List<String> exchangesOn(
      RedisCluster cluster, InProcessNetwork network, RedisServer master) {
    return EXCHANGES.stream()
        .filter(x -> cluster.masterFor(network.keys().instance(x)).equals(master))
        .toList();
  }

  /** The whole stream, oldest first (Redisson keeps XRANGE's order). */
  static List<Map<String, String>> stream(InProcessNetwork network, String exchange) {
    return List.copyOf(
        network
            .redisson()
            .<String, String>getStream(network.keys().activity(exchange), StringCodec.INSTANCE)
            .range(StreamMessageId.MIN, StreamMessageId.MAX)
            .values());
  }
}
