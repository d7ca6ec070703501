package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.WriteOutcome;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.Resp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's guarantees, run against a single node and against a Redis Cluster by the
 * subclasses.
 */
abstract class LeaseStoreContract {
  static final Duration TTL = Duration.ofSeconds(30);
  static final StreamRetention RETENTION = new StreamRetention(1000, "0-0");
  static final Set<String> DESIGN_FIELDS =
      Set.of(
          "instanceId",
          "exchange",
          "epoch",
          "hostname",
          "ipAddress",
          "localAddress",
          "admin",
          "state",
          "stateSince",
          "symbolCount",
          "warmupProgress",
          "registeredAt",
          "lastHeartbeat",
          "heartbeatLatencyMs",
          "lastError",
          "version");

  Keys keys;
  LeaseStore store;
  String exchange;

  abstract RedisBackend backend();

  @BeforeEach
  void freshNamespace() {
    keys = new Keys("t" + UUID.randomUUID().toString().substring(0, 8) + ":");
    store = new LeaseStore(backend().redisson(), keys);
    exchange = "coinbase";
  }

  static OwnerRecord record(
      String exchange, String instanceId, ConnectionState state, Instant now) {
    return new OwnerRecord(
        instanceId,
        exchange,
        0,
        "host-" + instanceId,
        null,
        "10.0.0.7",
        "ops@example.com",
        state,
        now,
        0,
        null,
        now,
        now,
        null,
        null,
        "test");
  }

  static ActivityEntry registered(String exchange, String instanceId, Instant now) {
    return ActivityEntry.of(
        EventType.REGISTERED, exchange, instanceId, 0, "host-" + instanceId, now);
  }

  Lease claim(String instanceId, Duration ttl) {
    Instant now = Instant.now();
    ClaimOutcome outcome =
        store.claim(
            record(exchange, instanceId, ConnectionState.IDLE, now),
            ttl,
            RETENTION,
            registered(exchange, instanceId, now));
    assertThat(outcome).isInstanceOf(ClaimOutcome.Claimed.class);
    return ((ClaimOutcome.Claimed) outcome).lease();
  }

  String get(String key) {
    try (Resp r = backend().connectFor(key)) {
      return (String) r.call("GET", key);
    }
  }

  long pttl(String key) {
    try (Resp r = backend().connectFor(key)) {
      return (Long) r.call("PTTL", key);
    }
  }

  void set(String key, String value) {
    try (Resp r = backend().connectFor(key)) {
      r.call("SET", key, value, "PX", Long.toString(TTL.toMillis()));
    }
  }

  void del(String key) {
    try (Resp r = backend().connectFor(key)) {
      r.call("DEL", key);
    }
  }

  /** The same record with its fields in reverse order, as another writer might store it. */
  static String reversed(String json) throws Exception {
    JsonNode node = RecordJson.mapper().readTree(json);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    ObjectNode out = RecordJson.mapper().createObjectNode();
    for (int i = names.size() - 1; i >= 0; i--) out.set(names.get(i), node.get(names.get(i)));
    return RecordJson.mapper().writeValueAsString(out);
  }

  /** A new instance on {@code first}'s node (and, with the same hostname, the same machine). */
  static OwnerRecord restartOf(OwnerRecord first, String instanceId, String hostname, Instant now) {
    return new OwnerRecord(
        instanceId,
        first.exchange(),
        0,
        hostname,
        null,
        null,
        null,
        ConnectionState.IDLE,
        now,
        0,
        null,
        now,
        now,
        null,
        null,
        "test",
        first.nodeName());
  }

  static OwnerRecord onNode(OwnerRecord r, String nodeName) {
    return new OwnerRecord(
        r.instanceId(),
        r.exchange(),
        r.epoch(),
        r.hostname(),
        r.ipAddress(),
        r.localAddress(),
        r.admin(),
        r.state(),
        r.stateSince(),
        r.symbolCount(),
        r.warmupProgress(),
        r.registeredAt(),
        r.lastHeartbeat(),
        r.heartbeatLatencyMs(),
        r.lastError(),
        r.version(),
        nodeName);
  }

  @SuppressWarnings("unchecked")
  List<List<Object>> stream(String key) {
    try (Resp r = backend().connectFor(key)) {
      return (List<List<Object>>) (List<?>) r.call("XRANGE", key, "-", "+");
    }
  }

  @SuppressWarnings("unchecked")
  static String field(List<Object> entry, String name) {
    List<Object> kv = (List<Object>) entry.get(1);
    for (int i = 0; i < kv.size(); i += 2) {
      if (name.equals(kv.get(i))) return (String) kv.get(i + 1);
    }
    return null;
  }

  @Test
  void claimWritesTheLeaseWithTtlEpochLastRecordAndRegisteredEntry() throws Exception {
    Lease lease = claim("a", TTL);

    assertThat(lease.epoch()).isEqualTo(1);
    String json = get(keys.instance(exchange));
    JsonNode node = RecordJson.mapper().readTree(json);
    assertThat(node.get("epoch").asLong()).isEqualTo(1);
    assertThat(node.get("instanceId").asText()).isEqualTo("a");
    assertThat(node.get("state").asText()).isEqualTo("idle");
    assertThat(pttl(keys.instance(exchange))).isBetween(1L, TTL.toMillis());
    assertThat(get(keys.last(exchange))).isEqualTo(json);
    assertThat(pttl(keys.last(exchange))).isEqualTo(-1L);
    assertThat(get(keys.epoch(exchange))).isEqualTo("1");
    List<List<Object>> entries = stream(keys.activity(exchange));
    assertThat(entries).hasSize(1);
    assertThat(field(entries.get(0), "type")).isEqualTo("registered");
    assertThat(field(entries.get(0), "epoch")).isEqualTo("1");
    assertThat(field(entries.get(0), "instanceId")).isEqualTo("a");
  }

  @Test
  void recordIsPlainJsonWithTheDesignFieldNames() throws Exception {
    claim("a", TTL);
    JsonNode node = RecordJson.mapper().readTree(get(keys.instance(exchange)));
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
    Set<String> expected = new TreeSet<>(DESIGN_FIELDS);
    expected.add("nodeName"); // added beside the docs/DESIGN.md fields: recognises a fast restart
    expected.add("leaseTtlMs"); // added too: readers know when the lease runs out without a PTTL
    expected.add("recentLatencyMs"); // and the last renewals' round trips, for the sparkline
    assertThat(names).isEqualTo(expected);
    assertThat(node.get("registeredAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    assertThat(node.get("lastError").isNull()).isTrue();
  }

  @Test
  void aHeldExchangeIsAConflictNamingTheHolder() {
    claim("a", TTL);
    Instant now = Instant.now();
    ClaimOutcome second =
        store.claim(
            record(exchange, "b", ConnectionState.IDLE, now),
            TTL,
            RETENTION,
            registered(exchange, "b", now));

    assertThat(second).isInstanceOf(ClaimOutcome.Conflict.class);
    ClaimOutcome.Conflict conflict = (ClaimOutcome.Conflict) second;
    assertThat(conflict.holder().instanceId()).isEqualTo("a");
    assertThat(conflict.describeHolder())
        .contains("instance a")
        .contains("host-a")
        .contains("epoch 1");
    assertThat(get(keys.epoch(exchange))).as("a refused claim burns no epoch").isEqualTo("1");
  }

  @Test
  void renewalRewritesTheRecordAndTheTtl() throws Exception {
    Lease lease = claim("a", Duration.ofSeconds(5));
    Instant later = Instant.now().plusSeconds(1);
    OwnerRecord renewed =
        new OwnerRecord(
            "a",
            exchange,
            lease.epoch(),
            "host-a",
            "203.0.113.9",
            "10.0.0.7",
            "ops",
            ConnectionState.ACTIVE,
            later,
            42,
            null,
            later,
            later,
            3L,
            new ErrorInfo("boom", later),
            "test");

    WriteOutcome outcome = store.write(lease, renewed, TTL, RETENTION, null);

    assertThat(outcome).isInstanceOf(WriteOutcome.Written.class);
    assertThat(pttl(keys.instance(exchange))).isGreaterThan(5_000L);
    OwnerRecord stored = RecordJson.readOwner(get(keys.instance(exchange)));
    assertThat(stored).isEqualTo(renewed);
    assertThat(RecordJson.readOwner(get(keys.last(exchange)))).isEqualTo(renewed);
    assertThat(stream(keys.activity(exchange))).as("a heartbeat adds no entry").hasSize(1);
  }

  @Test
  void aWriteWithAnEntryAppendsItInTheSameStep() {
    Lease lease = claim("a", TTL);
    Instant now = Instant.now();
    ActivityEntry changed =
        ActivityEntry.of(EventType.STATE_CHANGED, exchange, "a", lease.epoch(), "host-a", now)
            .withStates("idle", "starting");
    store.write(
        lease,
        record(exchange, "a", ConnectionState.STARTING, now).withEpoch(lease.epoch()),
        TTL,
        RETENTION,
        changed);

    List<List<Object>> entries = stream(keys.activity(exchange));
    assertThat(entries).hasSize(2);
    assertThat(field(entries.get(1), "type")).isEqualTo("state_changed");
    assertThat(field(entries.get(1), "from")).isEqualTo("idle");
    assertThat(field(entries.get(1), "to")).isEqualTo("starting");
  }

  @Test
  void theLeaseExpiresWhenTheHeartbeatStopsAndLastRemains() {
    claim("a", Duration.ofMillis(300));
    await().atMost(Duration.ofSeconds(5)).until(() -> get(keys.instance(exchange)) == null);
    assertThat(get(keys.last(exchange))).contains("\"instanceId\":\"a\"");
  }

  @Test
  void renewalFailsAfterTheLeaseWasTakenOver() throws Exception {
    Lease a = claim("a", Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> get(keys.instance(exchange)) == null);
    Lease b = claim("b", TTL);
    assertThat(b.epoch()).isEqualTo(2);

    WriteOutcome outcome =
        store.write(
            a,
            record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(a.epoch()),
            TTL,
            RETENTION,
            null);

    assertThat(outcome).isInstanceOf(WriteOutcome.Lost.class);
    assertThat(((WriteOutcome.Lost) outcome).holderRaw()).contains("\"instanceId\":\"b\"");
    assertThat(RecordJson.readOwner(get(keys.instance(exchange))).instanceId()).isEqualTo("b");
    assertThat(RecordJson.readOwner(get(keys.last(exchange))).instanceId()).isEqualTo("b");
  }

  @Test
  void renewalOfAnExpiredLeaseReportsLossWithoutRecreatingIt() {
    Lease a = claim("a", Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> get(keys.instance(exchange)) == null);

    WriteOutcome outcome =
        store.write(
            a,
            record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(a.epoch()),
            TTL,
            RETENTION,
            null);

    assertThat(outcome).isEqualTo(new WriteOutcome.Lost(null));
    assertThat(get(keys.instance(exchange))).isNull();
  }

  @Test
  void sameInstanceIdWithAnOlderEpochIsFenced() {
    Lease first = claim("a", Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> get(keys.instance(exchange)) == null);
    claim("a", TTL);

    WriteOutcome outcome =
        store.write(
            first,
            record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(1),
            TTL,
            RETENTION,
            null);

    assertThat(outcome).isInstanceOf(WriteOutcome.Lost.class);
  }

  @Test
  void theClaimStoresTheRecordExactlyAsPerseusWritesIt() {
    Instant now = Instant.now();
    OwnerRecord draft = record(exchange, "a", ConnectionState.IDLE, now);
    store.claim(draft, TTL, RETENTION, registered(exchange, "a", now));

    assertThat(get(keys.instance(exchange))).isEqualTo(RecordJson.write(draft.withEpoch(1)));
  }

  @Test
  void renewalRecognisesItsOwnRecordWrittenInAnotherFieldOrder() throws Exception {
    Lease lease = claim("a", TTL);
    OwnerRecord mine =
        record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(lease.epoch());
    set(keys.instance(exchange), reversed(RecordJson.write(mine)));

    assertThat(store.write(lease, mine, TTL, RETENTION, null))
        .isInstanceOf(WriteOutcome.Written.class);
    assertThat(get(keys.instance(exchange))).isEqualTo(RecordJson.write(mine));
  }

  @Test
  void anotherOwnersRecordInAnotherFieldOrderIsNotOurs() throws Exception {
    Lease lease = claim("a", TTL);
    String theirs =
        reversed(
            RecordJson.write(
                record(exchange, "b", ConnectionState.ACTIVE, Instant.now())
                    .withEpoch(lease.epoch())));
    set(keys.instance(exchange), theirs);

    WriteOutcome outcome =
        store.renew(
            lease,
            record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(lease.epoch()),
            TTL,
            Duration.ofSeconds(5));

    assertThat(outcome).isEqualTo(new WriteOutcome.Lost(theirs, false));
    assertThat(get(keys.instance(exchange))).isEqualTo(theirs);
  }

  @Test
  void aLeaseGoneWithItsEpochCounterIsReportedAsDataLoss() {
    Lease lease = claim("a", TTL);
    OwnerRecord mine =
        record(exchange, "a", ConnectionState.ACTIVE, Instant.now()).withEpoch(lease.epoch());
    del(keys.instance(exchange));
    assertThat(store.write(lease, mine, TTL, RETENTION, null))
        .as("the counter is still at our epoch: the lease just expired")
        .isEqualTo(new WriteOutcome.Lost(null, false));

    del(keys.epoch(exchange));
    assertThat(store.renew(lease, mine, TTL, Duration.ofSeconds(5)))
        .isEqualTo(new WriteOutcome.Lost(null, true));
    set(keys.epoch(exchange), Long.toString(lease.epoch() - 1));
    assertThat(store.write(lease, mine, TTL, RETENTION, null))
        .isEqualTo(new WriteOutcome.Lost(null, true));
    assertThat(get(keys.instance(exchange))).isNull();
  }

  @Test
  void aFastRestartTakesOverItsOwnOrphanedLeaseAndLogsTheTakeover() {
    Instant now = Instant.now();
    OwnerRecord first = onNode(record(exchange, "a", ConnectionState.ACTIVE, now), "node-1");
    store.claim(first, TTL, RETENTION, registered(exchange, "a", now));
    OwnerRecord restarted = restartOf(first, "a2", "host-a", now);
    ActivityEntry hello = registered(exchange, "a2", now).withMessage("hello");

    assertThat(store.claim(restarted, TTL, RETENTION, hello))
        .as("a normal claim does not take over")
        .isInstanceOf(ClaimOutcome.Conflict.class);
    OwnerRecord otherHost = restartOf(first, "a2", "elsewhere", now);
    assertThat(store.claim(otherHost, TTL, RETENTION, hello, new ClaimOptions(true, 0, false)))
        .as("the same node name on another host is someone else")
        .isInstanceOf(ClaimOutcome.Conflict.class);

    ClaimOutcome outcome =
        store.claim(restarted, TTL, RETENTION, hello, new ClaimOptions(true, 0, false));

    assertThat(outcome).isEqualTo(new ClaimOutcome.Claimed(new Lease(exchange, "a2", 2), true));
    assertThat(get(keys.instance(exchange))).isEqualTo(RecordJson.write(restarted.withEpoch(2)));
    List<List<Object>> entries = stream(keys.activity(exchange));
    List<Object> last = entries.get(entries.size() - 1);
    assertThat(field(last, "type")).isEqualTo("takeover");
    assertThat(field(last, "message")).contains("took over its orphaned lease");
    assertThat(field(last, "epoch")).isEqualTo("2");
  }

  @Test
  void aClaimHonoursTheIntentTheMinimumEpochAndTheHoldBackAfterDataLoss() {
    Instant now = Instant.now();
    OwnerRecord draft = record(exchange, "a", ConnectionState.IDLE, now);
    ActivityEntry hello = registered(exchange, "a", now);

    assertThat(store.claim(draft, TTL, RETENTION, hello, new ClaimOptions(false, 0, true)))
        .as("no counter although an epoch was seen: Redis lost its data")
        .isInstanceOf(ClaimOutcome.AfterDataLoss.class);
    set(keys.intent(exchange), "{\"stoppedBy\":\"ops\",\"at\":\"" + now + "\"}");
    assertThat(store.claim(draft, TTL, RETENTION, hello))
        .isEqualTo(new ClaimOutcome.HeldBack(new OperatorIntent("ops", now)));
    del(keys.intent(exchange));

    ClaimOutcome outcome =
        store.claim(draft, TTL, RETENTION, hello, new ClaimOptions(false, 41, false));

    assertThat(outcome).isEqualTo(new ClaimOutcome.Claimed(new Lease(exchange, "a", 41), false));
    assertThat(get(keys.epoch(exchange))).isEqualTo("41");
    assertThat(get(keys.instance(exchange))).isEqualTo(RecordJson.write(draft.withEpoch(41)));
    List<List<Object>> entries = stream(keys.activity(exchange));
    assertThat(field(entries.get(entries.size() - 1), "epoch")).isEqualTo("41");
  }

  @Test
  void theScriptsAreSentAgainAfterRedisForgotThem() {
    forgetScripts();
    Lease lease = claim("a", TTL);
    Instant now = Instant.now();
    OwnerRecord mine = record(exchange, "a", ConnectionState.ACTIVE, now).withEpoch(lease.epoch());
    ActivityEntry bye =
        ActivityEntry.of(EventType.DEREGISTERED, exchange, "a", lease.epoch(), "host-a", now);

    forgetScripts();
    assertThat(store.renew(lease, mine, TTL, Duration.ofSeconds(5)))
        .isInstanceOf(WriteOutcome.Written.class);
    forgetScripts();
    assertThat(store.release(lease, mine, RETENTION, bye)).isTrue();
    assertThat(get(keys.instance(exchange))).isNull();
  }

  @Test
  void eachScriptIsCalledByTheShaRedisComputesForIt() {
    try (Resp r = backend().connectFor(keys.instance(exchange))) {
      for (String name :
          List.of("claim.lua", "write-owned.lua", "release.lua", "force-release.lua")) {
        LuaScript script = LuaScript.load(name);
        assertThat(r.call("SCRIPT", "LOAD", script.source())).as(name).isEqualTo(script.sha());
      }
    }
  }

  /** SCRIPT FLUSH on the node that owns the exchange's slot, as a restart or failover would. */
  private void forgetScripts() {
    try (Resp r = backend().connectFor(keys.instance(exchange))) {
      r.call("SCRIPT", "FLUSH");
    }
  }

  @Test
  void releaseIsCompareAndDelete() throws Exception {
    Lease lease = claim("a", TTL);
    Instant now = Instant.now();
    OwnerRecord last = record(exchange, "a", ConnectionState.STOPPED, now).withEpoch(lease.epoch());
    ActivityEntry bye =
        ActivityEntry.of(EventType.DEREGISTERED, exchange, "a", lease.epoch(), "host-a", now);

    assertThat(store.release(new Lease(exchange, "a", lease.epoch() + 1), last, RETENTION, bye))
        .isFalse();
    assertThat(
            store.release(new Lease(exchange, "someone-else", lease.epoch()), last, RETENTION, bye))
        .isFalse();
    assertThat(get(keys.instance(exchange))).isNotNull();

    assertThat(store.release(lease, last, RETENTION, bye)).isTrue();
    assertThat(get(keys.instance(exchange))).isNull();
    assertThat(RecordJson.readOwner(get(keys.last(exchange))).state())
        .isEqualTo(ConnectionState.STOPPED);
    List<List<Object>> entries = stream(keys.activity(exchange));
    assertThat(field(entries.get(entries.size() - 1), "type")).isEqualTo("deregistered");
  }

  @Test
  void registerExchangeKeepsTheFirstSighting() throws Exception {
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    ExchangeDirectory directory = new ExchangeDirectory(backend().redisson(), keys);
    directory.registerExchange(exchange, first);
    directory.registerExchange(exchange, first.plusSeconds(3600));
    String key = keys.exchanges();
    try (Resp r = backend().connectFor(key)) {
      JsonNode node = RecordJson.mapper().readTree((String) r.call("HGET", key, exchange));
      assertThat(node.get("exchange").asText()).isEqualTo("coinbase");
      assertThat(node.get("displayName").asText()).isEqualTo("Coinbase");
      assertThat(node.get("firstSeen").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }
  }

  @Test
  void eightContendersOverTwoHundredRoundsLeaveExactlyOneOwnerEachRound() throws Exception {
    int contenders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      CyclicBarrier start = new CyclicBarrier(contenders);
      for (int round = 0; round < 200; round++) {
        List<Future<ClaimOutcome>> results = new ArrayList<>();
        for (int c = 0; c < contenders; c++) {
          String id = "c" + c;
          results.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    Instant now = Instant.now();
                    return store.claim(
                        record(exchange, id, ConnectionState.IDLE, now),
                        TTL,
                        RETENTION,
                        registered(exchange, id, now));
                  }));
        }
        List<Lease> winners = new ArrayList<>();
        for (Future<ClaimOutcome> f : results) {
          if (f.get(10, TimeUnit.SECONDS) instanceof ClaimOutcome.Claimed c) winners.add(c.lease());
        }
        assertThat(winners).as("owners in round %d", round).hasSize(1);
        Lease winner = winners.get(0);
        assertThat(winner.epoch()).isEqualTo(round + 1);
        assertThat(RecordJson.readOwner(get(keys.instance(exchange))).instanceId())
            .isEqualTo(winner.instanceId());
        Instant now = Instant.now();
        assertThat(
                store.release(
                    winner,
                    record(exchange, winner.instanceId(), ConnectionState.STOPPED, now)
                        .withEpoch(winner.epoch()),
                    RETENTION,
                    ActivityEntry.of(
                        EventType.DEREGISTERED,
                        exchange,
                        winner.instanceId(),
                        winner.epoch(),
                        "h",
                        now)))
            .isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
