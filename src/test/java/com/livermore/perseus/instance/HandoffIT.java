package com.livermore.perseus.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.command.Command;
import com.livermore.perseus.command.CommandOutcome;
import com.livermore.perseus.command.CommandType;
import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.CommandBus;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planned handoff and warm standbys, on a real redis-server with in-process instances built as the
 * WAR builds them. The heartbeat interval is 20 s and the TTL 60 s, so a takeover within the test's
 * few seconds can only come from the handoff notice, never from a standby's tick or an expiry.
 */
class HandoffIT {
  static final String X = "kraken";
  static RedisBackend redis;
  String prefix;
  Keys keys;
  CommandBus bus;
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
    prefix = "h" + UUID.randomUUID().toString().substring(0, 8) + ":";
    instances = new TestInstances(redis.redisson(), prefix);
    keys = instances.keys();
    bus = new CommandBus(redis.redisson(), keys);
  }

  @AfterEach
  void stopEverything() {
    instances.close();
  }

  TestConfig config(boolean warm) {
    return TestConfig.exchange(X)
        .redis(redis)
        .heartbeat("20s", "60s")
        .lockDelay("60s")
        .keyPrefix(prefix)
        .set(ConnectorSettings.STANDBY_WARM, Boolean.toString(warm));
  }

  /** A connector that records its calls; its warm-up loads only what prepare did not. */
  static final class PreparingConnector implements ExchangeConnector {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean prepared;

    @Override
    public String name() {
      return "preparing";
    }

    @Override
    public void prepare(ConnectorContext context) throws InterruptedException {
      calls.add("prepare(epoch " + context.epoch() + ")");
      for (int p = 20; p <= 100; p += 20) {
        Thread.sleep(60);
        context.progress(p);
      }
      prepared = true;
    }

    @Override
    public void start(ConnectorContext context) {
      calls.add("start");
    }

    @Override
    public void warmUp(ConnectorContext context) throws InterruptedException {
      if (prepared) {
        calls.add("warmUp: nothing left");
      } else {
        calls.add("warmUp: full");
        Thread.sleep(300);
      }
    }

    @Override
    public int symbolCount() {
      return 3;
    }

    @Override
    public void stop() {
      prepared = false;
    }
  }

  record Node(ExchangeInstance instance, PreparingConnector connector) {
    String id() {
      return instance.identity().instanceId();
    }
  }

  Node node(boolean warm) {
    PreparingConnector connector = new PreparingConnector();
    ExchangeInstance instance =
        instances.create(
            config(warm).read(),
            connector,
            a -> a.identity(InstanceIdentity.detect("ops")).acceptingCommands());
    instance.start();
    instances.beat(instance, config(warm).read());
    return new Node(instance, connector);
  }

  Node activeOwner() {
    Node owner = node(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> active(owner));
    return owner;
  }

  Node standby(boolean warm) {
    Node standby = node(warm);
    await().atMost(Duration.ofSeconds(10)).until(() -> standbyIds().contains(standby.id()));
    return standby;
  }

  boolean active(Node n) {
    OwnerRecord r = lease();
    return r != null && r.instanceId().equals(n.id()) && r.state() == ConnectionState.ACTIVE;
  }

  OwnerRecord lease() {
    try (Resp r = redis.connectFor(keys.instance(X))) {
      String json = (String) r.call("GET", keys.instance(X));
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  @SuppressWarnings("unchecked")
  List<String> standbyIds() {
    List<String> ids = new ArrayList<>();
    try (Resp r = redis.connectFor(keys.standbys(X))) {
      for (Object m : (List<Object>) r.call("ZRANGE", keys.standbys(X), "0", "-1")) {
        ids.add(((String) m).split("\\|")[0]);
      }
    }
    return ids;
  }

  String prepared(Node n) {
    try (Resp r = redis.connectFor(keys.prepared(X))) {
      return (String) r.call("HGET", keys.prepared(X), n.id());
    }
  }

  /** The stream, oldest first, each entry as its field map. */
  @SuppressWarnings("unchecked")
  List<Map<String, String>> stream() {
    List<Map<String, String>> out = new ArrayList<>();
    try (Resp r = redis.connectFor(keys.activity(X))) {
      for (Object e : (List<Object>) r.call("XRANGE", keys.activity(X), "-", "+")) {
        List<Object> kv = (List<Object>) ((List<Object>) e).get(1);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < kv.size(); i += 2) {
          fields.put((String) kv.get(i), (String) kv.get(i + 1));
        }
        out.add(fields);
      }
    }
    return out;
  }

  /**
   * Index of the first entry of {@code n} of {@code type} whose message contains {@code text} (for
   * {@code state_changed}: "→ state" names the state it entered).
   */
  int indexOf(List<Map<String, String>> stream, Node n, String type, String text) {
    for (int i = 0; i < stream.size(); i++) {
      Map<String, String> e = stream.get(i);
      String said =
          "state_changed".equals(e.get("type"))
              ? e.get("from") + " → " + e.get("to")
              : String.valueOf(e.get("message"));
      if (n.id().equals(e.get("instanceId")) && type.equals(e.get("type")) && said.contains(text)) {
        return i;
      }
    }
    return -1;
  }

  CommandOutcome handoff(String to) {
    Command command =
        new Command(
            UUID.randomUUID().toString(), X, CommandType.HANDOFF, "alice", Instant.now(), to);
    assertThat(bus.publish(X, command.toJson())).as("the owner listens").isEqualTo(1);
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> bus.readOutcome(X, command.id()).flatMap(CommandOutcome::fromJson),
            Optional::isPresent)
        .get();
  }

  /** The old owner stopped before the new one registered, and that before it was active. */
  void assertOrder(Node old, Node next) {
    List<Map<String, String>> s = stream();
    int stopped = indexOf(s, old, "state_changed", "→ stopped");
    int released = indexOf(s, old, "deregistered", "handoff to " + next.id());
    int registered = indexOf(s, next, "registered", "handed over");
    int starting = indexOf(s, next, "state_changed", "→ starting");
    int warming = indexOf(s, next, "state_changed", "→ warming");
    int active = indexOf(s, next, "state_changed", "→ active");
    assertThat(List.of(stopped, released, registered, starting, warming, active))
        .as("old stopped, released; new registered, starting, warming, active: in that order")
        .doesNotContain(-1)
        .isSorted();
  }

  @Test
  void aHandoffGoesToTheFirstStandbyAtOnceUnderANewEpochAfterTheOldOwnerStopped() {
    Node owner = activeOwner();
    long epoch = lease().epoch();
    Node first = standby(false);
    Node second = standby(false);

    CommandOutcome outcome = handoff(null);

    assertThat(outcome.outcome()).isEqualTo(CommandOutcome.Result.DONE);
    assertThat(outcome.reason()).startsWith("handed over to " + first.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> active(first));
    assertThat(lease().epoch()).isEqualTo(epoch + 1);
    assertOrder(owner, first);
    assertThat(owner.instance().status().role()).isNotEqualTo(InstanceRole.OWNER);
    assertThat(second.instance().status().role()).isEqualTo(InstanceRole.STANDBY);
  }

  @Test
  void aHandoffToANamedStandbyGoesToThatOne() {
    Node owner = activeOwner();
    standby(false);
    Node named = standby(false);

    CommandOutcome outcome = handoff(named.id());

    assertThat(outcome.outcome()).isEqualTo(CommandOutcome.Result.DONE);
    assertThat(outcome.reason()).startsWith("handed over to " + named.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> active(named));
    assertOrder(owner, named);
  }

  @Test
  void aHandoffWithoutAStandbyIsRefusedAndTheOwnerKeepsWorking() {
    Node owner = activeOwner();
    long epoch = lease().epoch();

    CommandOutcome outcome = handoff(null);

    assertThat(outcome.outcome()).isEqualTo(CommandOutcome.Result.REFUSED);
    assertThat(outcome.reason()).isEqualTo("no live standby of kraken to hand over to");
    assertThat(active(owner)).isTrue();
    assertThat(lease().epoch()).isEqualTo(epoch);
    assertThat(handoff("no-such-instance").reason())
        .isEqualTo("instance no-such-instance is not a live standby of kraken");
  }

  @Test
  void aShutdownHandsOverToTheFirstStandbyWithoutWaitingForItsTick() {
    Node owner = activeOwner();
    Node standby = standby(false);

    owner.instance().shutdown();

    await().atMost(Duration.ofSeconds(5)).until(() -> active(standby));
    List<Map<String, String>> s = stream();
    assertThat(indexOf(s, owner, "deregistered", "on shutdown, for a handoff to " + standby.id()))
        .isNotNegative();
    assertOrder(owner, standby);
  }

  @Test
  void aWarmStandbyPreparesWhileItWaitsAndSkipsTheWarmUpItHasDone() {
    activeOwner();
    Node warm = standby(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> "100".equals(prepared(warm)));
    assertThat(warm.connector().calls).containsExactly("prepare(epoch 0)");

    handoff(null);

    await().atMost(Duration.ofSeconds(5)).until(() -> active(warm));
    assertThat(warm.connector().calls)
        .containsExactly("prepare(epoch 0)", "start", "warmUp: nothing left");
    assertThat(prepared(warm)).as("an owner is not listed as prepared").isNull();
    List<Map<String, String>> s = stream();
    assertThat(indexOf(s, warm, "state_changed", "→ warming")).isNotNegative();
  }

  @Test
  void aWarmStandbyIsPreferredOverAColdOneThatAnnouncedEarlier() {
    activeOwner();
    standby(false);
    Node warm = standby(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> "100".equals(prepared(warm)));

    assertThat(handoff(null).reason()).startsWith("handed over to " + warm.id());
  }

  @Test
  void aColdStandbyPreparesNothingAndWarmsUpInFullOnClaim() {
    activeOwner();
    Node cold = standby(false);
    assertThat(prepared(cold)).isNull();

    handoff(null);

    await().atMost(Duration.ofSeconds(5)).until(() -> active(cold));
    assertThat(cold.connector().calls).containsExactly("start", "warmUp: full");
  }

  @Test
  void aCleanReleaseSetsNoLockDelaySoTheExchangeCanBeHandedStraightBack() {
    Node a = activeOwner();
    Node b = standby(false);
    long epoch = lease().epoch();
    assertThat(handoff(null).reason()).startsWith("handed over to " + b.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> active(b));
    // A leaves the claim to B for two seconds, then becomes its standby at a tick (lock-delay 60
    // s).
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              a.instance().heartbeat();
              return standbyIds().contains(a.id());
            });

    CommandOutcome back = handoff(a.id());

    assertThat(back.reason()).startsWith("handed over to " + a.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> active(a));
    assertThat(lease().epoch()).isEqualTo(epoch + 2);
  }

  @Test
  void anUncleanLossKeepsTheLockDelayEvenWhenAHandoffNamesTheOldOwner() {
    Node a = activeOwner();
    Node b = standby(false);
    long epoch = lease().epoch();
    // Fence A as force-start does, and let B claim; A learns of its loss at its next renewal.
    new com.livermore.perseus.store.LeaseStore(redis.redisson(), keys)
        .forceRelease(
            X,
            a.id(),
            epoch,
            new com.livermore.perseus.activity.StreamRetention(1000, "0-0"),
            com.livermore.perseus.activity.ActivityEntry.of(
                com.livermore.perseus.activity.EventType.TAKEOVER,
                X,
                a.id(),
                0,
                "h",
                Instant.now()));
    b.instance().claimNow();
    await().atMost(Duration.ofSeconds(5)).until(() -> active(b));
    a.instance().heartbeat(); // renewal: the lease is gone, a loss, lock-delay 60 s
    a.instance().heartbeat(); // refused claim (lock-delay): not announced, so not a target
    assertThat(a.instance().status().role()).isNotEqualTo(InstanceRole.OWNER);

    CommandOutcome outcome = handoff(a.id());

    assertThat(outcome.outcome()).isEqualTo(CommandOutcome.Result.REFUSED);
    assertThat(outcome.reason())
        .isEqualTo("instance " + a.id() + " is not a live standby of kraken");
    assertThat(active(b)).as("the owner keeps the exchange").isTrue();
  }
}
