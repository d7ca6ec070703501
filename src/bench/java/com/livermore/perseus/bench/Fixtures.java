package com.livermore.perseus.bench;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Records and networks shaped like production ones: full owner records, the default retention, and
 * exchanges registered in {@code network:exchanges} with a live lease and a {@code :last} record.
 */
final class Fixtures {
  static final ActivitySettings ACTIVITY =
      new ActivitySettings(Duration.ofDays(90), 50_000, Duration.ofSeconds(60));

  private Fixtures() {}

  static OwnerRecord owner(String exchange, String instanceId, long epoch, Instant now) {
    return owner(exchange, instanceId, epoch, now, Duration.ofSeconds(45));
  }

  /** An owner record of a lease held for {@code ttl} from {@code now} (its {@code leaseTtlMs}). */
  static OwnerRecord owner(
      String exchange, String instanceId, long epoch, Instant now, Duration ttl) {
    return new OwnerRecord(
        instanceId,
        exchange,
        epoch,
        "trading-" + exchange + "-01.internal.example",
        "203.0.113.17",
        "10.20.30.40",
        "ops-" + exchange + "@example.com",
        ConnectionState.ACTIVE,
        now.minusSeconds(3_600),
        120,
        null,
        now.minusSeconds(3_700),
        now,
        2L,
        null,
        "0.1.0-SNAPSHOT",
        null,
        ttl.toMillis());
  }

  static ActivityEntry entry(EventType type, String exchange, String instanceId, Instant now) {
    return ActivityEntry.of(type, exchange, instanceId, 7, "trading-" + exchange + "-01", now);
  }

  static StreamRetention retention() {
    return StreamRetention.at(ACTIVITY, Instant.now());
  }

  /** {@code x00000}, {@code x00001}, …: the ids of a seeded network. */
  static List<String> exchangeIds(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) ids.add(String.format("x%05d", i));
    return ids;
  }

  /**
   * Registers {@code count} exchanges, each with a lease held for {@code held} and its {@code
   * :last}, in one pipelined batch; returns their ids.
   */
  static List<String> seedNetwork(RedissonClient redisson, Keys keys, int count, Duration held) {
    Instant now = Instant.now();
    List<String> ids = exchangeIds(count);
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    for (String id : ids) {
      String record = RecordJson.write(owner(id, "instance-" + id, 1, now, held));
      batch
          .<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE)
          .fastPutAsync(id, RecordJson.write(ExchangeEntry.firstSeenNow(id, now)));
      batch.<String>getBucket(keys.instance(id), StringCodec.INSTANCE).setAsync(record, held);
      batch.<String>getBucket(keys.last(id), StringCodec.INSTANCE).setAsync(record);
    }
    batch.execute();
    return ids;
  }
}
