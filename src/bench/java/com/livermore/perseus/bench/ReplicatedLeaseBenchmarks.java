package com.livermore.perseus.bench;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.config.ReplicaAckSettings;
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
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.client.codec.StringCodec;

/**
 * Renewal and claim on a master with one replica, each waiting for the replica's acknowledgement
 * (the script, then {@code WAIT 1} on the same connection), against the raw commands doing the same
 * over the same client: {@code SET PX} + {@code WAIT 1} and {@code SET NX PX} + {@code WAIT 1},
 * each in one batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplicatedLeaseBenchmarks {
  private static final int CLAIM_KEYS = 4096;
  private static final Duration HELD = Duration.ofMinutes(10);
  private static final Duration EXPIRES_AT_ONCE = Duration.ofMillis(1);
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final long WAIT_MS = 1000;

  private static LeaseStore store;
  private static String renewedKey;
  private static String renewedJson;
  private static Keys keys;
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
    keys = new Keys("replicated-" + System.nanoTime() + ":");
    store =
        new LeaseStore(
            BenchRedis.replicated(),
            keys,
            new ReplicaAckSettings(OptionalInt.of(1), Duration.ofMillis(WAIT_MS)));
    retention = Fixtures.retention();
    Instant now = Instant.now();
    OwnerRecord owner = Fixtures.owner("renewed", "instance-renewed", 0, now);
    ClaimOutcome outcome =
        store.claim(
            owner,
            HELD,
            retention,
            Fixtures.entry(EventType.REGISTERED, "renewed", owner.instanceId(), now));
    if (!(outcome instanceof ClaimOutcome.Claimed claimedLease)) {
      throw new IllegalStateException(
          "the replica did not acknowledge the first claim: " + outcome);
    }
    lease = claimedLease.lease();
    renewed = owner.withEpoch(lease.epoch());
    renewedKey = keys.instance("raw-renewed");
    renewedJson = RecordJson.write(renewed);
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
    WriteOutcome outcome = store.renew(lease, renewed, HELD, PATIENCE);
    if (!(outcome instanceof WriteOutcome.Written)) {
      throw new IllegalStateException("the renewal was not acknowledged: " + outcome);
    }
    return outcome;
  }

  /**
   * A write of the same record with a fresh PX, then WAIT 1, in one Redisson batch on the same
   * client: PING + WAIT would not wait at all, since WAIT waits only for this connection's writes.
   */
  @Benchmark
  public Object renewalBaselineSetPxWait() {
    RBatch batch = BenchRedis.replicated().createBatch(acknowledged());
    batch.<String>getBucket(renewedKey, StringCodec.INSTANCE).setAsync(renewedJson, HELD);
    BatchResult<?> result = batch.execute();
    if (result.getSyncedSlaves() < 1) throw new IllegalStateException("not acknowledged");
    return result;
  }

  @Benchmark
  public ClaimOutcome claim() {
    int i = nextIndex();
    ClaimOutcome outcome = store.claim(drafts[i], EXPIRES_AT_ONCE, retention, registered[i]);
    if (!(outcome instanceof ClaimOutcome.Claimed)) {
      throw new IllegalStateException(
          "the claim of " + claimed.get(i) + " was not trusted: " + outcome);
    }
    return outcome;
  }

  /** SET NX PX, then WAIT 1, in one Redisson batch on the same client. */
  @Benchmark
  public Object claimBaselineSetNxPxWait() {
    String key = keys.instance("raw-" + claimed.get(nextIndex()));
    RBatch batch = BenchRedis.replicated().createBatch(acknowledged());
    batch.<String>getBucket(key, StringCodec.INSTANCE).setIfAbsentAsync(draftJson, EXPIRES_AT_ONCE);
    BatchResult<?> result = batch.execute();
    if (result.getSyncedSlaves() < 1) throw new IllegalStateException("not acknowledged");
    return result;
  }

  private static BatchOptions acknowledged() {
    return BatchOptions.defaults().sync(1, Duration.ofMillis(WAIT_MS));
  }

  private int nextIndex() {
    next = (next + 1) % CLAIM_KEYS;
    return next;
  }
}
