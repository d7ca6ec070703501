package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.testing.RedisBackendExtension;
import com.livermore.perseus.testing.Resp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The record of a lease that ran out without a release, on a real 3-master Redis Cluster (the mark,
 * the lease, the epoch counter and the stream share one slot): one {@code lease_expired} entry per
 * epoch however many watchers see the death, and none from a watcher whose picture is stale.
 */
class NoticeLedgerIT {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.cluster();
  static final StreamRetention RETENTION = new StreamRetention(1000, "0-0");

  final Keys keys = new Keys("");
  final String exchange = "expiry-" + UUID.randomUUID().toString().substring(0, 8);

  NoticeLedger ledger() {
    return new NoticeLedger(REDIS.get().redisson(), keys);
  }

  ActivityEntry expired(long epoch) {
    return ActivityEntry.of(
            EventType.LEASE_EXPIRED, exchange, "dead-1", epoch, "old-host", Instant.now())
        .withStates("active", null)
        .withMessage("lease expired without a release");
  }

  void redis(String... command) {
    try (Resp r = REDIS.get().connectFor(keys.instance(exchange))) {
      r.call(command);
    }
  }

  /** The stream's entries, each as its field/value list. */
  List<List<Object>> entries() {
    List<List<Object>> out = new ArrayList<>();
    try (Resp r = REDIS.get().connectFor(keys.activity(exchange))) {
      @SuppressWarnings("unchecked")
      List<Object> all = (List<Object>) r.call("XRANGE", keys.activity(exchange), "-", "+");
      for (Object e : all) {
        @SuppressWarnings("unchecked")
        List<Object> fields = (List<Object>) ((List<Object>) e).get(1);
        out.add(fields);
      }
    }
    return out;
  }

  @Test
  void threeWatchersSeeTheDeathAndOneEntryIsWritten() {
    redis("SET", keys.epoch(exchange), "4");
    List<Boolean> answers = new ArrayList<>();
    for (int watcher = 0; watcher < 3; watcher++) {
      answers.add(ledger().recordExpiry(expired(4), RETENTION));
    }
    assertThat(answers).containsExactly(true, false, false);
    assertThat(entries()).hasSize(1);
    assertThat(entries().get(0))
        .containsSequence("type", "lease_expired")
        .containsSequence("instanceId", "dead-1")
        .containsSequence("epoch", "4")
        .containsSequence("from", "active");
  }

  @Test
  void aWatcherThatSawALeaseThatIsBackWritesNothing() {
    redis("SET", keys.epoch(exchange), "4");
    redis("SET", keys.instance(exchange), "{\"instanceId\":\"dead-1\"}", "PX", "10000");
    assertThat(ledger().recordExpiry(expired(4), RETENTION)).isFalse();
    assertThat(entries()).isEmpty();
  }

  @Test
  void aWatcherThatSawAnEpochSinceForceStartedOrClaimedWritesNothing() {
    redis("SET", keys.epoch(exchange), "5"); // a force-start fenced epoch 4 and logged takeover
    assertThat(ledger().recordExpiry(expired(4), RETENTION)).isFalse();
    assertThat(entries()).isEmpty();
    redis("SET", keys.epoch(exchange), "4");
    assertThat(ledger().recordExpiry(expired(4), RETENTION))
        .as("the refusals left no mark behind")
        .isTrue();
  }
}
