package com.livermore.perseus.bench;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.WriteOutcome;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisMaster;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;

/**
 * The registry's two hot writes against the raw command each is built on: the heartbeat (the
 * compare-and-renew script) against a PING round trip, and the claim script against a plain {@code
 * SET NX PX}.
 *
 * <p>Claims rotate over {@link #CLAIM_KEYS} exchanges with a 1 ms TTL, so by the time the benchmark
 * returns to an exchange its lease has expired and every call is a successful claim (a call that
 * finds the lease held fails the run).
 *
 * <p>The fixture is made once per JVM: a row alternates many short trials of the same paths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeaseBenchmarks {
  private static final int CLAIM_KEYS = 4096;
  private static final Duration HELD = Duration.ofMinutes(10);
  private static final Duration EXPIRES_AT_ONCE = Duration.ofMillis(1);

  private static RedissonClient redisson;
  private static RedisMaster node;
  private static Keys keys;
  private static LeaseStore store;
  private static StreamRetention retention;
  private static Lease lease;
  private static OwnerRecord renewed;
  private static List<String> claimed;
  private static OwnerRecord[] drafts;
  private static ActivityEntry[] registered;
  private static String draftJson;
  private static int next;

  @Setup
  public void setUp() {
    if (store != null) return;
    redisson = BenchRedis.client();
    node = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
    keys = new Keys("lease-" + System.nanoTime() + ":");
    store = new LeaseStore(redisson, keys);
    retention = Fixtures.retention();
    Instant now = Instant.now();
    OwnerRecord owner = Fixtures.owner("renewed", "instance-renewed", 0, now);
    ClaimOutcome outcome =
        store.claim(
            owner,
            HELD,
            retention,
            Fixtures.entry(EventType.REGISTERED, "renewed", owner.instanceId(), now));
    lease = ((ClaimOutcome.Claimed) outcome).lease();
    renewed = owner.withEpoch(lease.epoch());
    claimed = Fixtures.exchangeIds(CLAIM_KEYS);
    drafts = new OwnerRecord[CLAIM_KEYS];
    registered = new ActivityEntry[CLAIM_KEYS];
    for (int i = 0; i < CLAIM_KEYS; i++) {
      drafts[i] = Fixtures.owner(claimed.get(i), "instance-claimer", 0, now);
      registered[i] = Fixtures.entry(EventType.REGISTERED, claimed.get(i), "instance-claimer", now);
    }
    draftJson = RecordJson.write(drafts[0]);
  }

  @Benchmark
  public WriteOutcome renewal() {
    return store.write(lease, renewed, HELD, retention, null);
  }

  @Benchmark
  public boolean renewalBaselinePing() {
    return node.ping();
  }

  @Benchmark
  public ClaimOutcome claim() {
    int i = nextIndex();
    ClaimOutcome outcome = store.claim(drafts[i], EXPIRES_AT_ONCE, retention, registered[i]);
    if (!(outcome instanceof ClaimOutcome.Claimed)) {
      throw new IllegalStateException("the claim of " + claimed.get(i) + " found it held");
    }
    return outcome;
  }

  @Benchmark
  public boolean claimBaselineSetNxPx() {
    String key = keys.instance("raw-" + claimed.get(nextIndex()));
    boolean set =
        redisson
            .<String>getBucket(key, StringCodec.INSTANCE)
            .setIfAbsent(draftJson, EXPIRES_AT_ONCE);
    if (!set) throw new IllegalStateException("SET NX found " + key + " held");
    return set;
  }

  private int nextIndex() {
    next = (next + 1) % CLAIM_KEYS;
    return next;
  }
}
