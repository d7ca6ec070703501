package com.livermore.perseus.store;

import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.RecordJson;
import java.time.Duration;
import java.time.Instant;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * What the network keeps about its exchanges besides their leases: the registry of known exchanges
 * ({@code network:exchanges}), the standbys waiting for one ({@code exchange:{x}:standbys}), and
 * the exchanges re-claimed after Redis lost its data ({@code network:recovery}).
 */
public class ExchangeDirectory {
  private final RedissonClient redisson;
  private final Keys keys;

  public ExchangeDirectory(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /** Adds the exchange to {@code network:exchanges} unless it is already known (HSETNX). */
  public void registerExchange(String exchange, Instant now) {
    redisson
        .<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE)
        .fastPutIfAbsent(exchange, RecordJson.write(ExchangeEntry.firstSeenNow(exchange, now)));
  }

  /**
   * Announces (or renews) this instance as a standby for the exchange until {@code until}; expired
   * announcements are dropped in the same call. Members are {@code instanceId|hostname}.
   */
  public void announceStandby(
      String exchange, String instanceId, String hostname, Instant now, Instant until) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    var async = batch.<String>getScoredSortedSet(keys.standbys(exchange), StringCodec.INSTANCE);
    async.removeRangeByScoreAsync(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true);
    async.addAsync(until.toEpochMilli(), instanceId + "|" + hostname);
    batch.execute();
  }

  public void withdrawStandby(String exchange, String instanceId, String hostname) {
    redisson
        .<String>getScoredSortedSet(keys.standbys(exchange), StringCodec.INSTANCE)
        .remove(instanceId + "|" + hostname);
  }

  /**
   * Records that this exchange was re-claimed after Redis lost its data, in {@code
   * network:recovery} (exchange → time), kept an hour so the console can say what happened.
   */
  public void markRecovered(String exchange, Instant at) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    batch
        .<String, String>getMap(keys.recovery(), StringCodec.INSTANCE)
        .fastPutAsync(exchange, at.toString());
    batch.getMap(keys.recovery(), StringCodec.INSTANCE).expireAsync(Duration.ofHours(1));
    batch.execute();
  }
}
