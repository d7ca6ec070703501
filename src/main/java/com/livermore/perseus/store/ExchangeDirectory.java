package com.livermore.perseus.store;

import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.RecordJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    announceStandby(exchange, instanceId, hostname, now, until, -1);
  }

  /**
   * As {@link #announceStandby(String, String, String, Instant, Instant)}, keeping how far the
   * standby has prepared ({@code prepared} 0–100; -1: it prepares nothing) in the same round trip.
   */
  public void announceStandby(
      String exchange,
      String instanceId,
      String hostname,
      Instant now,
      Instant until,
      int prepared) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    var async = batch.<String>getScoredSortedSet(keys.standbys(exchange), StringCodec.INSTANCE);
    async.removeRangeByScoreAsync(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true);
    async.addAsync(until.toEpochMilli(), instanceId + "|" + hostname);
    var progress = batch.<String, String>getMap(keys.prepared(exchange), StringCodec.INSTANCE);
    if (prepared >= 0) {
      progress.fastPutAsync(instanceId, Integer.toString(prepared));
      progress.expireAsync(Duration.between(now, until));
    } else {
      progress.fastRemoveAsync(instanceId);
    }
    batch.execute();
  }

  public void withdrawStandby(String exchange, String instanceId, String hostname) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    batch
        .<String>getScoredSortedSet(keys.standbys(exchange), StringCodec.INSTANCE)
        .removeAsync(instanceId + "|" + hostname);
    batch.getMap(keys.prepared(exchange), StringCodec.INSTANCE).fastRemoveAsync(instanceId);
    batch.execute();
  }

  /**
   * Records how far this standby has prepared its connector (0–100), kept for {@code ttl} after the
   * last write, as long as the standby itself.
   */
  public void prepared(String exchange, String instanceId, int percent, Duration ttl) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    batch
        .<String, String>getMap(keys.prepared(exchange), StringCodec.INSTANCE)
        .fastPutAsync(instanceId, Integer.toString(percent));
    batch.getMap(keys.prepared(exchange), StringCodec.INSTANCE).expireAsync(ttl);
    batch.execute();
  }

  /** A live standby: who, where, and how far its connector is prepared (-1: not at all). */
  public record StandbyEntry(String instanceId, String hostname, int prepared) {}

  /**
   * The live standbys of {@code exchange}, in the order they first announced (warm ones are not put
   * first here; the caller decides).
   */
  public List<StandbyEntry> standbys(String exchange, Instant now) {
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    var members =
        batch
            .<String>getScoredSortedSet(keys.standbys(exchange), StringCodec.INSTANCE)
            .valueRangeAsync(now.toEpochMilli(), false, Double.POSITIVE_INFINITY, true);
    var prepared =
        batch
            .<String, String>getMap(keys.prepared(exchange), StringCodec.INSTANCE)
            .readAllMapAsync();
    batch.execute();
    return standbyEntries(
        members.toCompletableFuture().join(), prepared.toCompletableFuture().join());
  }

  /** Members {@code instanceId|hostname} joined with their preparation. */
  public static List<StandbyEntry> standbyEntries(
      Collection<String> members, Map<String, String> prepared) {
    List<StandbyEntry> out = new ArrayList<>();
    for (String m : members) {
      int bar = m.indexOf('|');
      String id = bar < 0 ? m : m.substring(0, bar);
      String host = bar < 0 ? null : m.substring(bar + 1);
      out.add(new StandbyEntry(id, host, percent(prepared == null ? null : prepared.get(id))));
    }
    return out;
  }

  private static int percent(String text) {
    if (text == null) return -1;
    try {
      return Math.max(0, Math.min(100, Integer.parseInt(text.trim())));
    } catch (NumberFormatException e) {
      return -1;
    }
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
