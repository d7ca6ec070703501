package com.livermore.perseus.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.command.CommandType;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.LeaseStore;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands reach the owning instance through Redis and come back with an outcome; an operator's
 * stop holds standbys back; force-start fences the old holder so it never writes again.
 */
class OperatorCommandsIT {
  static RedisBackend redis;
  String prefix;
  Keys keys;
  CommandBus bus;
  LeaseStore leases;
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
    prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + ":";
    instances = new TestInstances(redis.redisson(), prefix);
    keys = instances.keys();
    bus = new CommandBus(redis.redisson(), keys);
    leases = new LeaseStore(redis.redisson(), keys);
  }

  @AfterEach
  void stopEverything() {
    instances.close();
  }

  final PerseusConfig config() {
    return TestConfig.exchange("kraken")
        .redis(redis)
        .heartbeat("200ms", "600ms")
        .keyPrefix(prefix)
        .read();
  }

  ExchangeInstance instance() {
    return instances.create(
        config(),
        new RecordingConnector(),
        a -> a.identity(InstanceIdentity.detect("ops")).acceptingCommands());
  }

  /** An owner with its heartbeat, once its work is active. */
  ExchangeInstance activeOwner() {
    ExchangeInstance owner = instance();
    owner.start();
    beat(owner);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    return owner;
  }

  ScheduledFuture<?> beat(ExchangeInstance i) {
    return instances.beat(i, config());
  }

  OwnerRecord lease() {
    try (Resp r = redis.connectFor(keys.instance("kraken"))) {
      String json = (String) r.call("GET", keys.instance("kraken"));
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  CommandOutcome send(CommandType type) {
    Command command =
        new Command(UUID.randomUUID().toString(), "kraken", type, "alice", Instant.now());
    assertThat(bus.publish("kraken", command.toJson())).as("the owner listens").isEqualTo(1);
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> bus.readOutcome("kraken", command.id()).flatMap(CommandOutcome::fromJson),
            Optional::isPresent)
        .get();
  }

  @Test
  void stopReachesTheOwnerWhichStopsAndAnswersDoneThenStartBringsItBack() {
    ExchangeInstance owner = activeOwner();

    CommandOutcome stopped = send(CommandType.STOP);
    assertThat(stopped.outcome()).isEqualTo(CommandOutcome.Result.DONE);
    assertThat(stopped.issuedBy()).isEqualTo("alice");
    assertThat(lease().state()).isEqualTo(ConnectionState.STOPPED);
    try (Resp r = redis.connectFor(keys.intent("kraken"))) {
      assertThat((String) r.call("GET", keys.intent("kraken"))).contains("\"stoppedBy\":\"alice\"");
    }
    assertThat(send(CommandType.STOP).reason()).startsWith("already stopped");

    CommandOutcome restarted = send(CommandType.START);
    assertThat(restarted.outcome()).isEqualTo(CommandOutcome.Result.ACCEPTED);
    await().atMost(Duration.ofSeconds(5)).until(() -> lease().state() == ConnectionState.ACTIVE);
    try (Resp r = redis.connectFor(keys.intent("kraken"))) {
      assertThat(r.call("GET", keys.intent("kraken"))).isNull();
    }
    assertThat(send(CommandType.START).outcome()).isEqualTo(CommandOutcome.Result.REFUSED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOwnerAnnouncesEachOutcomeOnTheOutcomeChannelAsItStoresIt() {
    ExchangeInstance owner = activeOwner();
    String channel = keys.commandOutcomes("kraken");
    try (Resp subscriber = redis.connectFor(channel)) {
      assertThat((List<Object>) subscriber.call("SUBSCRIBE", channel)).contains("subscribe");

      CommandOutcome stored = send(CommandType.STOP);

      List<Object> message = (List<Object>) subscriber.next();
      assertThat(message.get(0)).isEqualTo("message");
      assertThat(message.get(1)).isEqualTo(channel);
      assertThat(CommandOutcome.fromJson((String) message.get(2)))
          .as("the announcement is the stored outcome, readable by any client")
          .contains(stored);
    }
  }

  @Test
  void anOperatorStopHoldsStandbysBackUntilAStart() {
    ExchangeInstance owner = activeOwner();
    ExchangeInstance standby = instance();
    standby.start();
    beat(standby);

    send(CommandType.STOP);
    owner.shutdown(); // the stopped owner goes away: the lease is released
    instances.forget(owner);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> lease() == null);
    assertThat(standby.status().role()).isEqualTo(InstanceRole.STANDBY);
    assertThat(standby.status().conflictHolder()).startsWith("stopped by alice");

    assertThat(leases.clearIntent("kraken")).isTrue(); // what a start does when no owner listens
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lease() != null
                    && lease().instanceId().equals(standby.identity().instanceId())
                    && lease().state() == ConnectionState.ACTIVE);
  }

  @Test
  void anOwnerResumedAfterForceStartIsFencedAndWritesNothing() {
    ExchangeInstance old = instance();
    old.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
    OwnerRecord held = lease();
    // The old owner stalls (no heartbeats). An operator force-starts; a standby takes over.
    ExchangeInstance standby = instance();
    standby.start();
    beat(standby);
    Optional<Long> epoch =
        leases.forceRelease(
            "kraken",
            held.instanceId(),
            held.epoch(),
            new StreamRetention(1000, "0-0"),
            ActivityEntry.of(
                    EventType.TAKEOVER,
                    "kraken",
                    held.instanceId(),
                    0,
                    held.hostname(),
                    Instant.now())
                .withMessage("force-start by alice"));
    assertThat(epoch).contains(held.epoch() + 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> lease() != null && lease().instanceId().equals(standby.identity().instanceId()));
    OwnerRecord successor = lease();
    assertThat(successor.epoch()).isGreaterThan(epoch.get());

    old.heartbeat(); // the old owner comes back
    for (int i = 0; i < 3; i++) old.heartbeat();

    assertThat(old.status().role()).isNotEqualTo(InstanceRole.OWNER);
    assertThat(lease().instanceId()).isEqualTo(standby.identity().instanceId());
    assertThat(lease().epoch()).isEqualTo(successor.epoch());
    // The loss Redis told of is recorded on the instance's worker, just after the heartbeat.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(activityTypes()).contains("takeover", "lease_lost"));
  }

  private List<String> activityTypes() {
    List<String> types = new ArrayList<>();
    try (Resp r = redis.connectFor(keys.activity("kraken"))) {
      @SuppressWarnings("unchecked")
      List<Object> entries = (List<Object>) r.call("XRANGE", keys.activity("kraken"), "-", "+");
      for (Object e : entries) {
        @SuppressWarnings("unchecked")
        List<Object> kv = (List<Object>) ((List<Object>) e).get(1);
        types.add((String) kv.get(1));
      }
    }
    return types;
  }

  @Test
  void aForceReleaseOfALeaseThatChangedHandsIsRefused() {
    ExchangeInstance owner = instance();
    owner.start();
    beat(owner);
    await().atMost(Duration.ofSeconds(5)).until(() -> lease() != null);
    assertThat(
            leases.forceRelease(
                "kraken",
                "someone-else",
                1,
                new StreamRetention(1000, "0-0"),
                ActivityEntry.of(EventType.TAKEOVER, "kraken", "x", 0, "h", Instant.now())))
        .isEmpty();
    assertThat(lease().instanceId()).isEqualTo(owner.identity().instanceId());
  }
}
