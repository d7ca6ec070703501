package com.livermore.perseus.registry;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Claims, renews, rewrites and releases exchange leases in Redis. Each operation is one Lua round
 * trip that touches only the exchange's hash-tagged keys, so it is atomic and single-slot in Redis
 * Cluster; ownership is always checked by instanceId and fencing epoch. Scripts are sent by SHA
 * ({@link LuaScript}) with as few arguments as they need: on the heartbeat path each argument costs
 * the client more than the script's work in Redis.
 */
public class LeaseStore {
  private static final LuaScript CLAIM = LuaScript.load("claim.lua");
  private static final LuaScript WRITE_OWNED = LuaScript.load("write-owned.lua");
  private static final LuaScript RELEASE = LuaScript.load("release.lua");

  private final RedissonClient redisson;
  private final Keys keys;

  public LeaseStore(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /**
   * SET NX PX with a new fencing epoch, {@code :last} and the {@code registered} entry, atomically.
   */
  public ClaimOutcome claim(
      OwnerRecord draft, Duration ttl, StreamRetention retention, ActivityEntry registered) {
    return claim(draft, ttl, retention, registered, ClaimOptions.NORMAL);
  }

  /**
   * As {@link #claim(OwnerRecord, Duration, StreamRetention, ActivityEntry)}, with the {@link
   * ClaimOptions}.
   */
  public ClaimOutcome claim(
      OwnerRecord draft,
      Duration ttl,
      StreamRetention retention,
      ActivityEntry registered,
      ClaimOptions options) {
    String x = draft.exchange();
    String node =
        options.fastRestart() && draft.nodeName() != null && !draft.nodeName().isEmpty()
            ? draft.nodeName()
            : "";
    ClaimTerms terms =
        new ClaimTerms(
            millis(ttl),
            Long.toString(retention.maxLength()),
            retention.minId(),
            node,
            draft.hostname() == null ? "" : draft.hostname(),
            Long.toString(options.minimumEpoch()),
            options.holdBackOnReset(),
            registered.fields(true));
    List<Object> reply =
        CLAIM.call(
            redisson,
            RScript.ReturnType.LIST,
            List.of(
                keys.instance(x), keys.last(x), keys.epoch(x), keys.activity(x), keys.intent(x)),
            RecordJson.write(draft.withEpoch(0)),
            RecordJson.write(terms));
    long code = (Long) reply.get(0);
    if (code == 1L || code == 3L) {
      return new ClaimOutcome.Claimed(
          new Lease(x, draft.instanceId(), (Long) reply.get(1)), code == 3L);
    }
    if (code == 2L) {
      return new ClaimOutcome.HeldBack(OperatorIntent.parse((String) reply.get(1)));
    }
    if (code == 4L) {
      return new ClaimOutcome.AfterDataLoss();
    }
    return ClaimOutcome.Conflict.of((String) reply.get(1));
  }

  /**
   * Writes {@code record} and renews the TTL only while {@code lease} is still the current owner;
   * with a non-null {@code entry}, appends it in the same step.
   */
  public WriteOutcome write(
      Lease lease,
      OwnerRecord record,
      Duration ttl,
      StreamRetention retention,
      ActivityEntry entry) {
    return OwnedWrite.outcome(
        lease, LuaScript.join(sendOwnedWrite(lease, record, ttl, retention, entry)));
  }

  /**
   * The heartbeat's renewal: {@link #write} without an entry, waiting at most {@code patience} for
   * Redis, because a lease that cannot be renewed before it runs out must be treated as lost.
   *
   * @throws NoAnswerException when Redis has not answered within {@code patience}
   */
  public WriteOutcome renew(Lease lease, OwnerRecord record, Duration ttl, Duration patience) {
    CompletableFuture<String> reply = sendOwnedWrite(lease, record, ttl, null, null);
    try {
      return OwnedWrite.outcome(lease, reply.get(patience.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      throw new NoAnswerException(
          "Redis did not answer the lease renewal within " + patience.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) throw cause;
      throw new NoAnswerException("the lease renewal failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswerException("interrupted while waiting for the lease renewal");
    }
  }

  /** Redis did not answer in time; the call's outcome is unknown. */
  public static final class NoAnswerException extends RuntimeException {
    NoAnswerException(String message) {
      super(message);
    }
  }

  /** Sends write-owned.lua; {@code retention} is needed only with an {@code entry}. */
  private CompletableFuture<String> sendOwnedWrite(
      Lease lease,
      OwnerRecord record,
      Duration ttl,
      StreamRetention retention,
      ActivityEntry entry) {
    String x = lease.exchange();
    return WRITE_OWNED.callAsync(
        redisson,
        RScript.ReturnType.VALUE,
        OwnedWrite.keys(keys, x, entry != null),
        OwnedWrite.args(lease, record, ttl, retention, entry));
  }

  /**
   * Everything claim.lua needs besides the record, sent as one JSON argument: each script argument
   * costs the client more than the script spends decoding them. Numbers travel as strings so Lua
   * passes them to Redis unchanged.
   */
  record ClaimTerms(
      String ttl,
      String maxLen,
      String minId,
      String node,
      String host,
      String minEpoch,
      boolean holdBack,
      List<String> entry) {}

  /**
   * Compare-and-delete of the lease, keeping {@code finalRecord} in {@code :last}; false if not
   * ours.
   */
  public boolean release(
      Lease lease, OwnerRecord finalRecord, StreamRetention retention, ActivityEntry deregistered) {
    String x = lease.exchange();
    List<Object> args =
        new ArrayList<>(
            List.of(
                lease.instanceId(),
                Long.toString(lease.epoch()),
                RecordJson.write(finalRecord),
                Long.toString(retention.maxLength()),
                retention.minId()));
    args.addAll(deregistered.fields(false));
    Long released =
        RELEASE.call(
            redisson,
            RScript.ReturnType.LONG,
            List.of(keys.instance(x), keys.last(x), keys.activity(x)),
            args.toArray());
    return released != null && released == 1L;
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

  /** The raw value of the lease key, if any. */
  public Optional<String> currentRaw(String exchange) {
    return Optional.ofNullable(
        redisson.<String>getBucket(keys.instance(exchange), StringCodec.INSTANCE).get());
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }
}
