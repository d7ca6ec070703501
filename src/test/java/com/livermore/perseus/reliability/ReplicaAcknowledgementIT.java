package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.ReplicaAckSettings;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A master with one replica under real instances: a claim is trusted only once the replica
 * acknowledged it, and an owner whose renewals the replica stops acknowledging steps down at its
 * deadline, exactly as when Redis does not answer. The replica is frozen with SIGSTOP, as a paused
 * VM would be: the master still counts it as connected.
 */
class ReplicaAcknowledgementIT {
  static final Duration INTERVAL = Duration.ofMillis(300);
  static final Duration TTL = Duration.ofMillis(1500);

  RedisServer master;
  RedisServer replica;
  InProcessNetwork network;
  String prefix;

  @BeforeEach
  void startMasterAndReplica() {
    master = RedisServer.start();
    replica = RedisServer.start("--replicaof", RedisServer.HOST, Integer.toString(master.port()));
    awaitReplicaOnline();
    prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  @AfterEach
  void stopEverything() {
    if (network != null) network.close();
    replica.close();
    master.close();
  }

  TestConfig settings(String exchange) {
    return TestConfig.exchange(exchange)
        .redis(master.address())
        .keyPrefix(prefix)
        .heartbeat("300ms", "1500ms")
        .lockDelay("0s")
        .warmup("200ms");
  }

  @Test
  void aClaimWithItsOnlyReplicaFrozenNeverStartsAndStartsOnceTheReplicaResumes() throws Exception {
    network = new InProcessNetwork(settings("kraken"));
    replica.pause();
    ExchangeInstance kraken = network.start("kraken");

    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // ten ticks
    while (System.nanoTime() < until) {
      assertThat(kraken.status().role()).isNotEqualTo(InstanceRole.OWNER);
      assertThat(kraken.status().state()).isEqualTo(ConnectionState.IDLE);
      Thread.sleep(20);
    }
    List<Map<String, String>> stream = stream("kraken");
    assertThat(stream).filteredOn(e -> "state_changed".equals(e.get("type"))).isEmpty();
    // A claim every tick, each withdrawn at once: kept, a 1.5 s lease would allow at most two.
    assertThat(stream)
        .filteredOn(e -> "registered".equals(e.get("type")))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(stream)
        .filteredOn(e -> "error".equals(e.get("type")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("message"))
                    .startsWith("claim of kraken not acknowledged by a replica within 100 ms"));
    // Every unacknowledged claim is withdrawn at once: nobody holds the lease between attempts
    // (kept, it would stay held for its whole 1.5 s TTL, longer than a tick).
    await()
        .atMost(INTERVAL.multipliedBy(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> leaseHolder("kraken") == null);

    replica.resume();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> kraken.status().state() == ConnectionState.ACTIVE);
    assertThat(stream("kraken")).filteredOn(e -> "error".equals(e.get("type"))).hasSize(1);
    // The epoch that now owns the exchange is on the replica too.
    long epoch = kraken.status().epoch();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Long.toString(epoch).equals(get(replica, network.keys().epoch("kraken"))));
  }

  @Test
  void anOwnerWhoseReplicaStopsAcknowledgingStepsDownAtItsDeadlineAndRetakesAfterwards()
      throws Exception {
    network = new InProcessNetwork(settings("bitstamp"));
    ExchangeInstance owner = network.start("bitstamp");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> owner.status().state() == ConnectionState.ACTIVE);

    replica.pause();
    long frozenAt = System.nanoTime();
    await()
        .atMost(TTL.plus(INTERVAL.multipliedBy(3)))
        .until(() -> owner.status().role() != InstanceRole.OWNER);
    long steppedDownMs = (System.nanoTime() - frozenAt) / 1_000_000;
    // Not before the deadline of the last acknowledged renewal (at most one interval before).
    assertThat(steppedDownMs).isGreaterThanOrEqualTo(TTL.minus(INTERVAL).toMillis());

    // The loss is recorded at the next tick, before any claim.
    await()
        .atMost(INTERVAL.multipliedBy(3))
        .until(() -> stream("bitstamp").stream().anyMatch(e -> "lease_lost".equals(e.get("type"))));
    List<Map<String, String>> stream = stream("bitstamp");
    assertThat(stream)
        .filteredOn(e -> "lease_lost".equals(e.get("type")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("message"))
                    .contains("no replica acknowledged a renewal of the lease within its TTL"));
    assertThat(stream)
        .filteredOn(e -> "error".equals(e.get("type")))
        .extracting(e -> e.get("message"))
        .anySatisfy(
            m -> assertThat(m).startsWith("renewal of bitstamp not acknowledged by a replica"));

    replica.resume();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> owner.status().state() == ConnectionState.ACTIVE);
  }

  @Test
  void withZeroReplicaAcksNothingWaitsAndAFixedCountWaitsEvenWithoutAReplica() throws Exception {
    network = new InProcessNetwork(settings("gemini").set(ReplicaAckSettings.REPLICA_ACKS, "0"));
    replica.pause();
    ExchangeInstance gemini = network.start("gemini");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gemini.status().state() == ConnectionState.ACTIVE);
    network.close();
    replica.resume();
    awaitReplicaOnline();

    // Two required, one replica: never enough.
    network = new InProcessNetwork(settings("okx").set(ReplicaAckSettings.REPLICA_ACKS, "2"));
    ExchangeInstance okx = network.start("okx");
    Thread.sleep(2000);
    assertThat(okx.status().role()).isNotEqualTo(InstanceRole.OWNER);
    assertThat(stream("okx"))
        .filteredOn(e -> "error".equals(e.get("type")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("message")).containsPattern("\\([01] of 2\\)"));
    network.close();

    // One required and the replica gone (the master no longer counts it): never trusted either.
    replica.stop();
    network = new InProcessNetwork(settings("bybit").set(ReplicaAckSettings.REPLICA_ACKS, "1"));
    ExchangeInstance bybit = network.start("bybit");
    Thread.sleep(2000);
    assertThat(bybit.status().role()).isNotEqualTo(InstanceRole.OWNER);
    assertThat(stream("bybit")).filteredOn(e -> "state_changed".equals(e.get("type"))).isEmpty();
  }

  private List<Map<String, String>> stream(String exchange) {
    try (Resp r = master.connect()) {
      return r.streamEntries(network.keys().activity(exchange));
    }
  }

  private String leaseHolder(String exchange) {
    return get(master, network.keys().instance(exchange));
  }

  private static String get(RedisServer server, String key) {
    try (Resp r = server.connect()) {
      return (String) r.call("GET", key);
    }
  }

  private void awaitReplicaOnline() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (Resp r = master.connect()) {
                return Resp.info(r, "replication").getOrDefault("slave0", "").contains("online");
              }
            });
  }
}
