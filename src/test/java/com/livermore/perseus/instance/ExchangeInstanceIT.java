package com.livermore.perseus.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One instance's whole life against a real Redis: claim, heartbeat, lifecycle, errors, loss and
 * shutdown, with the heartbeat driven at 200 ms like the EJB timer would.
 */
class ExchangeInstanceIT {
  static RedisBackend redis;
  String prefix;
  Keys keys;
  TestInstances instances;

  @BeforeAll
  static void startRedis() {
    redis = RedisBackend.singleNode();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void namespace() {
    prefix = "i" + UUID.randomUUID().toString().substring(0, 8) + ":";
    instances = new TestInstances(redis.redisson(), prefix);
    keys = instances.keys();
  }

  @AfterEach
  void stopEverything() {
    instances.close();
  }

  TestConfig settings() {
    return TestConfig.exchange("kraken")
        .keyPrefix(prefix)
        .redis(redis)
        .heartbeat("200ms", "600ms")
        .warmup("400ms")
        .symbols(40)
        .admin("ops@example.com")
        .errorWindow("1s");
  }

  PerseusConfig config() {
    return settings().read();
  }

  ExchangeInstance instance(PerseusConfig config, ExchangeConnector connector) {
    return instances.create(config, connector);
  }

  ScheduledFuture<?> beat(ExchangeInstance instance) {
    return instances.beat(instance, config());
  }

  OwnerRecord lease() {
    String json = get(keys.instance("kraken"));
    return json == null ? null : RecordJson.readOwner(json);
  }

  OwnerRecord last() {
    return RecordJson.readOwner(get(keys.last("kraken")));
  }

  String get(String key) {
    try (Resp r = redis.connectFor(key)) {
      return (String) r.call("GET", key);
    }
  }

  List<Map<String, String>> entries() {
    String key = keys.activity("kraken");
    try (Resp r = redis.connectFor(key)) {
      return r.streamEntries(key);
    }
  }

  List<String> types() {
    return entries().stream()
        .map(e -> e.get("type") + (e.containsKey("to") ? ":" + e.get("to") : ""))
        .toList();
  }

  @Test
  void reachesActiveThroughTheLifecycleAndRecordsEveryStep() {
    PerseusConfig config = config();
    ExchangeInstance instance = instance(config, new SimulatedConnector(config.connector()));
    instance.start();
    beat(instance);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    OwnerRecord active = lease();
    assertThat(active.symbolCount()).isEqualTo(40);
    assertThat(active.warmupProgress()).isNull();
    assertThat(active.admin()).isEqualTo("ops@example.com");
    assertThat(active.epoch()).isEqualTo(1);
    assertThat(types())
        .containsExactly(
            "registered",
            "state_changed:starting",
            "state_changed:warming",
            "state_changed:active");
    assertThat(instance.status().role()).isEqualTo(InstanceRole.OWNER);
  }

  @Test
  void lastHeartbeatAdvancesOnEveryHeartbeatAndTheTtlNeverRunsOut() {
    PerseusConfig config = config();
    ExchangeInstance instance = instance(config, new RecordingConnector());
    instance.start();
    beat(instance);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);

    Instant previous = lease().lastHeartbeat();
    for (int i = 0; i < 5; i++) {
      Instant before = previous;
      await().atMost(Duration.ofSeconds(2)).until(() -> lease().lastHeartbeat().isAfter(before));
      previous = lease().lastHeartbeat();
      try (Resp r = redis.connectFor(keys.instance("kraken"))) {
        assertThat((Long) r.call("PTTL", keys.instance("kraken"))).isPositive();
      }
    }
    assertThat(lease().heartbeatLatencyMs()).isNotNull().isNotNegative();
  }

  @Test
  void aConnectorErrorPopulatesLastError() {
    PerseusConfig config = settings().failure("periodic").warmup("100ms").read();
    ExchangeInstance instance = instance(config, new SimulatedConnector(config.connector()));
    instance.start();
    beat(instance);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lease() != null && lease().lastError() != null);
    assertThat(lease().lastError().message()).contains("Simulated order book gap on kraken");
    assertThat(lease().lastError().at()).isNotNull();
    assertThat(lease().state()).isEqualTo(ConnectionState.ACTIVE);
    assertThat(types()).contains("error");
  }

  @Test
  void aFailedStartAbortsToStoppedWithTheErrorRecorded() {
    RecordingConnector connector = new RecordingConnector();
    connector.failStart = new IllegalStateException("exchange refused the API key");
    ExchangeInstance instance = instance(config(), connector);
    instance.start();
    beat(instance);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.STOPPED);
    assertThat(lease().lastError().message()).isEqualTo("exchange refused the API key");
    assertThat(types())
        .containsExactly(
            "registered",
            "state_changed:starting",
            "error",
            "state_changed:stopping",
            "state_changed:stopped");
    assertThat(connector.calls).containsExactly("start", "stop");
  }

  @Test
  void eachStateIsRecordedBeforeItsWorkBegins() {
    RecordingConnector connector = new RecordingConnector();
    Map<String, String> seenState = new HashMap<>();
    Map<String, List<String>> seenEntries = new HashMap<>();
    connector.onStep =
        step -> {
          seenState.put(step, lease().state().wireName());
          seenEntries.put(step, types());
        };
    ExchangeInstance instance = instance(config(), connector);
    instance.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> seenState.containsKey("warmUp"));

    assertThat(seenState).containsEntry("start", "starting").containsEntry("warmUp", "warming");
    assertThat(seenEntries.get("start")).endsWith("state_changed:starting");
    assertThat(seenEntries.get("warmUp")).endsWith("state_changed:warming");
  }

  @Test
  void aDeadOwnerLeavesNoActiveLeaseOnlyItsLastRecord() {
    ExchangeInstance instance = instance(config(), new RecordingConnector());
    instance.start();
    ScheduledFuture<?> heartbeats = beat(instance);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);

    heartbeats.cancel(false); // the owner dies: no shutdown, no more heartbeats
    await().atMost(Duration.ofSeconds(3)).until(() -> lease() == null);

    OwnerRecord last = last();
    assertThat(last.state()).isEqualTo(ConnectionState.ACTIVE);
    assertThat(last.lastHeartbeat()).isBefore(Instant.now().minusMillis(500));
    instances.forget(instance); // it is dead: nothing to shut down
  }

  @Test
  void anOwnerThatLostItsLeaseStopsWorkAndNeverWritesTheLeaseAgain() {
    RecordingConnector connector = new RecordingConnector();
    ExchangeInstance owner = instance(config(), connector);
    owner.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);

    // The owner stalls past its TTL (no heartbeat); a second instance takes the exchange.
    await().atMost(Duration.ofSeconds(3)).until(() -> lease() == null);
    ExchangeInstance successor = instance(config(), new RecordingConnector());
    successor.start();
    beat(successor);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lease() != null && lease().instanceId().equals(successor.identity().instanceId()));

    owner.heartbeat();

    await().atMost(Duration.ofSeconds(3)).until(() -> connector.calls.contains("stop"));
    assertThat(owner.status().role()).isEqualTo(InstanceRole.STANDBY);
    for (int i = 0; i < 5; i++) owner.heartbeat();
    assertThat(lease().instanceId()).isEqualTo(successor.identity().instanceId());
    assertThat(last().instanceId()).isEqualTo(successor.identity().instanceId());
    List<Map<String, String>> lost =
        entries().stream().filter(e -> "lease_lost".equals(e.get("type"))).toList();
    assertThat(lost).hasSize(1);
    assertThat(lost.get(0))
        .containsEntry("instanceId", owner.identity().instanceId())
        .containsEntry("epoch", "1");
    await().atMost(Duration.ofSeconds(3)).until(() -> types().contains("state_changed:stopped"));
  }

  @Test
  void anOwnerCutOffFromRedisStopsItsWorkWhenTheLeaseRunsOutAndReclaimsWhenRedisAnswers() {
    RecordingConnector work = new RecordingConnector();
    ExchangeInstance owner = instance(config(), work);
    owner.start();
    beat(owner);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);

    RedisServer server = redis.singleServer();
    server.pause(); // SIGSTOP: Redis answers nobody, like a partition between owner and Redis
    try {
      await()
          .alias("the work stops within the TTL (600 ms) plus one interval, while Redis is silent")
          .atMost(Duration.ofMillis(1500))
          .until(() -> work.calls.contains("stop"));
    } finally {
      server.resume();
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lease() != null
                    && lease().epoch() == 2
                    && lease().state() == ConnectionState.ACTIVE);
    assertThat(lease().instanceId()).isEqualTo(owner.identity().instanceId());
    List<Map<String, String>> entries = entries();
    assertThat(entries)
        .filteredOn(e -> "lease_lost".equals(e.get("type")))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("epoch", "1"));
    assertThat(entries)
        .filteredOn(e -> "error".equals(e.get("type")))
        .as("one error entry for the whole outage")
        .singleElement()
        .satisfies(e -> assertThat(e.get("message")).startsWith("Redis did not answer for"));
    assertThat(types())
        .containsSubsequence(
            "state_changed:active",
            "lease_lost",
            "state_changed:stopping",
            "state_changed:stopped",
            "registered",
            "state_changed:starting",
            "state_changed:warming",
            "state_changed:active");
  }

  @Test
  void aSecondInstanceForAHeldExchangeWaitsAsStandbyAndNamesTheHolder() {
    ExchangeInstance owner = instance(config(), new RecordingConnector());
    owner.start();
    RecordingConnector standbyConnector = new RecordingConnector();
    ExchangeInstance standby = instance(config(), standbyConnector);
    standby.start();
    standby.heartbeat();

    InstanceStatus status = standby.status();
    assertThat(status.role()).isEqualTo(InstanceRole.STANDBY);
    assertThat(status.conflictHolder())
        .contains(owner.identity().instanceId())
        .contains(owner.identity().hostname());
    assertThat(standbyConnector.calls).isEmpty();
    List<Map<String, String>> conflicts =
        entries().stream().filter(e -> "claim_conflict".equals(e.get("type"))).toList();
    assertThat(conflicts).as("reported once, not on every retry").hasSize(1);
    assertThat(conflicts.get(0).get("message")).contains(owner.identity().instanceId());
  }

  @Test
  void aStandbyClaimsTheExchangeOnceTheOwnersLeaseExpires() {
    ExchangeInstance owner = instance(config(), new RecordingConnector());
    owner.start();
    RecordingConnector standbyConnector = new RecordingConnector();
    ExchangeInstance standby = instance(config(), standbyConnector);
    standby.start();
    beat(standby);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lease() != null
                    && lease().instanceId().equals(standby.identity().instanceId())
                    && lease().state() == ConnectionState.ACTIVE);
    assertThat(lease().epoch()).isEqualTo(2);
    instances.forget(owner);
  }

  @Test
  void aStandbyClaimsTheMomentADeadOwnersLeaseExpiresNotAtItsNextTick() throws Exception {
    PerseusConfig slow = settings().heartbeat("3s", "9s").read();
    ExchangeInstance owner = instances.create(slow, new RecordingConnector());
    owner.start(); // and never beats again: its lease expires 9 s after this claim
    long claimedAt = System.nanoTime();
    assertThat(lease().instanceId()).isEqualTo(owner.identity().instanceId());
    Thread.sleep(1_500);
    ExchangeInstance standby = instances.create(slow, new RecordingConnector());
    standby.start(); // refused with 7.5 s left: more than an interval, nothing scheduled
    instances.beat(standby, slow); // ticks at 4.5 s, 7.5 s and 10.5 s after the owner's claim

    // At its 7.5 s tick the lease has 1.5 s left, less than an interval: the standby claims at
    // the expiry (9 s), not at its 10.5 s tick.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> lease() != null && !owner.identity().instanceId().equals(lease().instanceId()));
    Duration claimed = Duration.ofNanos(System.nanoTime() - claimedAt);
    assertThat(lease().instanceId()).isEqualTo(standby.identity().instanceId());
    assertThat(claimed)
        .as("claimed at the lease's expiry (9 s), before the standby's next tick (10.5 s)")
        .isBetween(Duration.ofMillis(8_900), Duration.ofMillis(10_000));
    instances.forget(owner);
  }

  @Test
  void aRestartOnTheSameNodeTakesOverItsOwnOrphanedLeaseAtOnce() {
    ExchangeInstance crashed =
        instance(settings().nodeName("node-1").read(), new RecordingConnector());
    crashed.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    instances.forget(crashed); // it dies without releasing: its lease is orphaned

    ExchangeInstance stranger =
        instance(settings().nodeName("node-2").read(), new RecordingConnector());
    stranger.start();
    assertThat(stranger.status().role()).as("another node waits").isEqualTo(InstanceRole.STANDBY);

    ExchangeInstance restarted =
        instance(settings().nodeName("node-1").read(), new RecordingConnector());
    restarted.start();

    assertThat(restarted.status().role()).isEqualTo(InstanceRole.OWNER);
    assertThat(lease().instanceId()).isEqualTo(restarted.identity().instanceId());
    assertThat(lease().epoch()).isEqualTo(2);
    assertThat(lease().nodeName()).isEqualTo("node-1");
    assertThat(entries().stream().filter(e -> "takeover".equals(e.get("type"))).toList())
        .hasSize(1)
        .allSatisfy(
            e ->
                assertThat(e)
                    .containsEntry("instanceId", restarted.identity().instanceId())
                    .containsEntry("epoch", "2"));
    crashed.heartbeat();
    assertThat(lease().instanceId())
        .as("the orphan, if it were alive, is fenced")
        .isEqualTo(restarted.identity().instanceId());
  }

  @Test
  void aStandbyIsListedWhileItWaits() {
    ExchangeInstance owner = instance(config(), new RecordingConnector());
    owner.start();
    ExchangeInstance standby = instance(config(), new RecordingConnector());
    standby.start();
    try (Resp r = redis.connectFor(keys.standbys("kraken"))) {
      @SuppressWarnings("unchecked")
      List<Object> members = (List<Object>) r.call("ZRANGE", keys.standbys("kraken"), "0", "-1");
      assertThat(members)
          .containsExactly(standby.identity().instanceId() + "|" + standby.identity().hostname());
    }
    standby.shutdown();
    try (Resp r = redis.connectFor(keys.standbys("kraken"))) {
      assertThat((Long) r.call("ZCARD", keys.standbys("kraken"))).isZero();
    }
  }

  @Test
  void anInstanceThatLostItsLeaseWaitsTheLockDelayBeforeClaimingAgain() {
    ExchangeInstance owner = instance(settings().lockDelay("2s").read(), new RecordingConnector());
    owner.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    await().atMost(Duration.ofSeconds(3)).until(() -> lease() == null); // it stalled past its TTL
    owner.heartbeat(); // finds the lease gone: lost
    assertThat(owner.status().role()).isNotEqualTo(InstanceRole.OWNER);
    Instant lost = Instant.now();
    ScheduledFuture<?> beats = beat(owner);
    await().atMost(Duration.ofSeconds(6)).until(() -> lease() != null);
    assertThat(Duration.between(lost, Instant.now()))
        .as("no claim before the lock-delay")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    beats.cancel(false);
  }

  @Test
  void exactlyOneOfThreeStandbysTakesOverWithinOneIntervalOfTheLeaseExpiring() {
    ExchangeInstance owner = instance(config(), new RecordingConnector());
    owner.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    OwnerRecord last = lease();
    instances.forget(owner); // the owner dies: no more heartbeats, no release
    List<ExchangeInstance> standbys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ExchangeInstance s = instance(config(), new RecordingConnector());
      s.start();
      beat(s);
      standbys.add(s);
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && !lease().instanceId().equals(last.instanceId()));
    OwnerRecord successor = lease();
    // The lease expired one TTL after the owner's last renewal; a standby claimed it at its next
    // heartbeat.
    Instant expiry = last.lastHeartbeat().plus(Duration.ofMillis(600));
    assertThat(Duration.between(expiry, successor.registeredAt()))
        .isLessThanOrEqualTo(Duration.ofMillis(200 + 100));
    assertThat(standbys.stream().filter(s -> s.status().role() == InstanceRole.OWNER)).hasSize(1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(() -> lease().instanceId().equals(successor.instanceId()));
    assertThat(standbys.stream().filter(s -> s.status().role() == InstanceRole.OWNER)).hasSize(1);
    assertThat(successor.epoch()).isEqualTo(2);
  }

  @Test
  void whenRedisLosesItsDataTheOwnerReclaimsBeforeAnyStandbyAndKeepsWorking() {
    RecordingConnector work = new RecordingConnector();
    ExchangeInstance owner = instance(config(), work);
    owner.start();
    beat(owner);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    ExchangeInstance standby = instance(config(), new RecordingConnector());
    standby.start();
    beat(standby);
    assertThat(standby.status().role()).isEqualTo(InstanceRole.STANDBY);

    try (Resp r = redis.connectFor(keys.instance("kraken"))) {
      r.call("FLUSHALL"); // Redis lost everything: lease, epoch counter, registry, streams
    }

    await().atMost(Duration.ofSeconds(3)).until(() -> lease() != null);
    assertThat(lease().instanceId()).isEqualTo(owner.identity().instanceId());
    assertThat(lease().epoch()).as("fencing never goes back").isEqualTo(2);
    assertThat(lease().state()).isEqualTo(ConnectionState.ACTIVE);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> lease().instanceId().equals(owner.identity().instanceId()));
    assertThat(standby.status().role()).isEqualTo(InstanceRole.STANDBY);
    assertThat(work.calls).as("the work went on").doesNotContain("stop");
    assertThat(entries())
        .anySatisfy(
            e -> assertThat(e).containsEntry("type", "takeover").containsEntry("epoch", "2"));
    try (Resp r = redis.connectFor(keys.recovery())) {
      assertThat((String) r.call("HGET", keys.recovery(), "kraken")).isNotNull();
      assertThat((String) r.call("HGET", keys.exchanges(), "kraken"))
          .as("the registry is rebuilt")
          .isNotNull();
    }
  }

  @Test
  void afterADataLossWithoutItsOwnerAStandbyWaitsOneTtlThenClaimsAboveTheOldEpoch() {
    ExchangeInstance owner = instance(config(), new RecordingConnector());
    owner.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> lease() != null);
    instances.forget(owner); // the owner is gone too
    ExchangeInstance standby = instance(config(), new RecordingConnector());
    standby.start();
    try (Resp r = redis.connectFor(keys.instance("kraken"))) {
      r.call("FLUSHALL");
    }
    standby.heartbeat();
    assertThat(lease()).as("the standby gives the owner time first").isNull();
    beat(standby);
    await().atMost(Duration.ofSeconds(3)).until(() -> lease() != null);
    assertThat(lease().instanceId()).isEqualTo(standby.identity().instanceId());
    assertThat(lease().epoch()).isEqualTo(2);
  }

  @Test
  void shutdownWalksToStoppedReleasesTheLeaseAndRecordsIt() {
    RecordingConnector connector = new RecordingConnector();
    ExchangeInstance instance = instance(config(), connector);
    instance.start();
    beat(instance);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);

    instance.shutdown();

    assertThat(lease()).isNull();
    assertThat(last().state()).isEqualTo(ConnectionState.STOPPED);
    assertThat(types()).endsWith("state_changed:stopping", "state_changed:stopped", "deregistered");
    assertThat(connector.calls).endsWith("stop");
    assertThat(instance.status().role()).isEqualTo(InstanceRole.STOPPED);
  }
}
