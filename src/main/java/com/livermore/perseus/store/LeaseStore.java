package com.livermore.perseus.store;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.config.ReplicaAckSettings;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The lease protocol in Redis, and the only caller of its scripts: claim, renewal, the state write,
 * release and force-release, and the operator's stop intent that a claim respects. Each operation
 * is one Lua round trip that touches only the exchange's hash-tagged keys, so it is atomic and
 * single-slot in Redis Cluster; ownership is always checked by instanceId and fencing epoch (the
 * prelude's {@code holds}), and every script answers in one shape ({@link ScriptReply}). Scripts
 * are sent by SHA ({@link LuaScript}) with as few arguments as they need: on the heartbeat path
 * each argument costs the client more than the script's work in Redis.
 */
public class LeaseStore {
  private static final LuaScript CLAIM = LuaScript.load("claim.lua");
  private static final LuaScript WRITE_OWNED = LuaScript.load("write-owned.lua");
  private static final LuaScript FORCE_RELEASE = LuaScript.load("force-release.lua");

  private final RedissonClient redisson;
  private final Keys keys;
  private final ReplicaAcks acks;
  private final LeaseRelease releases = new LeaseRelease();

  /** A store that never waits for replicas. */
  public LeaseStore(RedissonClient redisson, Keys keys) {
    this(redisson, keys, ReplicaAcks.none(redisson));
  }

  /** A store whose claims and renewals wait for the replicas {@code acks} asks for. */
  public LeaseStore(RedissonClient redisson, Keys keys, ReplicaAckSettings acks) {
    this(redisson, keys, ReplicaAcks.on(redisson, acks));
  }

  LeaseStore(RedissonClient redisson, Keys keys, ReplicaAcks acks) {
    this.redisson = redisson;
    this.keys = keys;
    this.acks = acks;
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
    ReplicaAcks.Reply answer =
        Replies.join(
            acks.call(
                CLAIM,
                true,
                List.of(
                    keys.instance(x),
                    keys.last(x),
                    keys.epoch(x),
                    keys.activity(x),
                    keys.intent(x)),
                RecordJson.write(draft.withEpoch(0)),
                RecordJson.write(terms)));
    ScriptReply reply = ScriptReply.parse("claim.lua", answer.text());
    if ((reply.is("ok") || reply.is("took-over")) && !answer.acknowledgedEnough()) {
      return new ClaimOutcome.Unacknowledged(
          new Lease(x, draft.instanceId(), reply.epoch()),
          answer.acknowledged(),
          answer.required(),
          acks.timeout());
    }
    return switch (reply.status()) {
      case "ok" -> new ClaimOutcome.Claimed(new Lease(x, draft.instanceId(), reply.epoch()), false);
      case "took-over" ->
          new ClaimOutcome.Claimed(new Lease(x, draft.instanceId(), reply.epoch()), true);
      case "held" -> ClaimOutcome.Conflict.ofTimedReply(reply.payload());
      case "stopped" -> new ClaimOutcome.HeldBack(OperatorIntent.parse(reply.payload()));
      case "held-back" -> new ClaimOutcome.AfterDataLoss();
      default -> throw reply.unexpected("claim.lua");
    };
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
        lease, Replies.join(sendOwnedWrite(lease, record, ttl, retention, entry)));
  }

  /**
   * The heartbeat's renewal: {@link #write} without an entry, waiting at most {@code patience} for
   * Redis, because a lease that cannot be renewed before it runs out must be treated as lost.
   *
   * @throws NoAnswerException when Redis has not answered within {@code patience}
   */
  public WriteOutcome renew(Lease lease, OwnerRecord record, Duration ttl, Duration patience) {
    String x = lease.exchange();
    CompletableFuture<ReplicaAcks.Reply> reply =
        acks.call(
            WRITE_OWNED,
            false,
            OwnedWrite.keys(keys, x, false),
            OwnedWrite.args(lease, record, ttl, null, null));
    try {
      ReplicaAcks.Reply answer = reply.get(patience.toNanos(), TimeUnit.NANOSECONDS);
      WriteOutcome outcome = OwnedWrite.outcome(lease, answer.text());
      if (outcome instanceof WriteOutcome.Written && !answer.acknowledgedEnough()) {
        return new WriteOutcome.Unacknowledged(
            answer.acknowledged(), answer.required(), acks.timeout());
      }
      return outcome;
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
    private static final long serialVersionUID = 1L;

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
   * Compare-and-delete of the lease, keeping {@code finalRecord} in {@code :last}; false if not
   * ours.
   */
  public boolean release(
      Lease lease, OwnerRecord finalRecord, StreamRetention retention, ActivityEntry deregistered) {
    var entries = List.of(deregistered);
    var now = Instant.now();
    return releases
        .run(redisson, keys, lease, finalRecord, retention, entries, null, null, now)
        .isPresent();
  }

  /**
   * A clean release with {@code entries} and the notice naming {@code to} (null: the script picks;
   * see {@link LeaseRelease}); the standby named ("" for none), or empty when it was not ours.
   */
  public Optional<String> releaseForHandoff(
      Lease lease,
      OwnerRecord finalRecord,
      StreamRetention retention,
      List<ActivityEntry> entries,
      String noticeJson,
      String to,
      Instant now) {
    return releases.run(
        redisson, keys, lease, finalRecord, retention, entries, noticeJson, to, now);
  }

  /** What a release saw of the master's replicas, as a fresh answer for the next claim. */
  public void primeReplicas(String exchange, int online, String runId) {
    acks.prime(keys.instance(exchange), online, runId);
  }

  /**
   * Compare-and-delete of a claim no replica acknowledged, so that nobody acts on it: the lease key
   * only, with {@code finalRecord} in {@code :last} and no entry.
   */
  public boolean withdraw(Lease lease, OwnerRecord finalRecord, StreamRetention retention) {
    return releases
        .run(redisson, keys, lease, finalRecord, retention, List.of(), null, null, Instant.now())
        .isPresent();
  }

  /**
   * force-start: frees the lease if it is still held by {@code instanceId}/{@code epoch} (or nobody
   * holds it), bumping the epoch, clearing a stop intent and logging {@code takeover}; the new
   * epoch, or empty when the lease changed hands meanwhile.
   */
  public Optional<Long> forceRelease(
      String exchange,
      String instanceId,
      long epoch,
      StreamRetention retention,
      ActivityEntry takeover) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                OwnedWrite.opening(
                    new Lease(exchange, instanceId == null ? "" : instanceId, epoch)),
                Long.toString(retention.maxLength()),
                retention.minId()));
    args.addAll(takeover.fields(true));
    ScriptReply reply =
        ScriptReply.parse(
            "force-release.lua",
            FORCE_RELEASE.call(
                redisson,
                RScript.ReturnType.VALUE,
                List.of(
                    keys.instance(exchange),
                    keys.epoch(exchange),
                    keys.intent(exchange),
                    keys.activity(exchange)),
                args.toArray()));
    if (reply.is("ok")) return Optional.of(reply.epoch());
    if (reply.is("held")) return Optional.empty();
    throw reply.unexpected("force-release.lua");
  }

  /** An operator's stop: no instance claims the exchange until {@link #clearIntent}. */
  public void setIntent(String exchange, OperatorIntent intent) {
    redisson
        .<String>getBucket(keys.intent(exchange), StringCodec.INSTANCE)
        .set(RecordJson.write(intent));
  }

  /** Lifts an operator's stop; true when there was one. */
  public boolean clearIntent(String exchange) {
    return redisson.<String>getBucket(keys.intent(exchange), StringCodec.INSTANCE).delete();
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
