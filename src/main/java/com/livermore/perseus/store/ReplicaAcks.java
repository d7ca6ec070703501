package com.livermore.perseus.store;

import com.livermore.perseus.config.ReplicaAckSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * Replica acknowledgement of lease calls: how many replicas must confirm a claim or renewal, and
 * the call itself, sent as a batch of the script followed by {@code WAIT} on the same connection
 * (WAIT does not work inside a script). With {@code auto}, the master that holds the exchange's key
 * is asked how many replicas are online (see {@link #required}; the answer is out of date at once
 * after a call that was not acknowledged), and one is waited for when there is any. Under Sentinel,
 * a node without replicas is trusted only when the sentinels name it as the master ({@link
 * SentinelMasters}); otherwise one replica is required, which it cannot give, so nothing written
 * there is trusted.
 */
final class ReplicaAcks {
  private static final Logger LOG = Logger.getLogger(ReplicaAcks.class.getName());
  private static final LuaScript REPLICAS = LuaScript.load("replicas.lua");
  private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

  /** What Redisson waits for a reply beyond the WAIT itself. */
  private static final Duration REPLY_MARGIN = Duration.ofSeconds(3);

  /** Calls on {@code redisson} that never wait for a replica. */
  static ReplicaAcks none(RedissonClient redisson) {
    return new ReplicaAcks(redisson, null, null);
  }

  private final RedissonClient redisson;
  private final ReplicaAckSettings settings;
  private final SentinelMasters masters;
  private final Map<String, Sample> online = new ConcurrentHashMap<>();
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  /**
   * How many replicas to wait for, when it was learnt, and whether the sentinels disowned the node.
   */
  private record Sample(int replicas, long at, boolean disowned) {}

  /** A script's reply and how many replicas acknowledged it (of {@code required}). */
  record Reply(String text, int acknowledged, int required) {
    boolean acknowledgedEnough() {
      return acknowledged >= required;
    }
  }

  private ReplicaAcks(
      RedissonClient redisson, ReplicaAckSettings settings, SentinelMasters masters) {
    this.redisson = redisson;
    this.settings = settings;
    this.masters = masters;
  }

  /**
   * Calls on {@code redisson} as {@code settings} say, checked with its sentinels in Sentinel mode.
   */
  static ReplicaAcks on(RedissonClient redisson, ReplicaAckSettings settings) {
    return new ReplicaAcks(redisson, settings, SentinelMasters.of(redisson));
  }

  /** Calls on {@code redisson}, with the nodes without replicas checked by {@code masters}. */
  static ReplicaAcks on(
      RedissonClient redisson, ReplicaAckSettings settings, SentinelMasters masters) {
    return new ReplicaAcks(redisson, settings, masters);
  }

  Duration timeout() {
    return settings == null ? Duration.ZERO : settings.timeout();
  }

  /**
   * How many replicas a call on {@code routingKey} must wait for now. A claim ({@code beforeClaim})
   * asks the master when the last answer is older than a second; a renewal uses the last answer and
   * refreshes it in the background, so that the heartbeat costs no extra round trip.
   */
  int required(String routingKey, boolean beforeClaim) {
    if (settings == null) return 0;
    if (!settings.auto()) return settings.count().getAsInt();
    Sample sample = online.get(routingKey);
    boolean stale = sample == null || System.nanoTime() - sample.at() > CACHE_NANOS;
    if (sample == null || (stale && beforeClaim)) {
      return remember(routingKey, Replies.join(ask(routingKey)));
    }
    if (stale && refreshing.add(routingKey)) {
      ask(routingKey)
          .whenComplete(
              (answer, e) -> {
                refreshing.remove(routingKey);
                if (e == null) remember(routingKey, answer);
              });
    }
    return sample.replicas();
  }

  /**
   * A fresh answer the master gave someone else (the release before a handoff): taken as if asked
   * now, so the claim that follows needs no round trip for it. Under Sentinel a node without
   * replicas is still confirmed with the sentinels first (in the background).
   */
  void prime(String routingKey, int replicas, String runId) {
    if (settings == null || !settings.auto()) return;
    if (replicas > 0 || masters == null) {
      remember(routingKey, new Sample(replicas > 0 ? 1 : 0, 0, false));
      return;
    }
    masters.confirm(runId).thenAccept(ok -> remember(routingKey, new Sample(ok ? 0 : 1, 0, !ok)));
  }

  /** Marks the last answer for {@code routingKey} out of date, keeping its count until asked. */
  private void stale(String routingKey) {
    online.computeIfPresent(
        routingKey, (k, s) -> new Sample(s.replicas(), s.at() - 2 * CACHE_NANOS, s.disowned()));
  }

  /**
   * What the node serving {@code routingKey} says, and for a node without replicas, the sentinels.
   */
  private CompletableFuture<Sample> ask(String routingKey) {
    return REPLICAS
        .<List<Object>>callAsync(redisson, RScript.ReturnType.LIST, List.of(routingKey))
        .thenCompose(
            reply -> {
              long replicas = Long.parseLong(String.valueOf(reply.get(0)));
              String runId =
                  reply.size() > 1 && reply.get(1) != null ? reply.get(1).toString() : "";
              if (replicas > 0) return sample(1, false);
              if (masters == null) return sample(0, false);
              return masters.confirm(runId).thenApply(ok -> new Sample(ok ? 0 : 1, 0, !ok));
            });
  }

  private static CompletableFuture<Sample> sample(int replicas, boolean disowned) {
    return CompletableFuture.completedFuture(new Sample(replicas, 0, disowned));
  }

  private int remember(String routingKey, Sample answer) {
    Sample now = new Sample(answer.replicas(), System.nanoTime(), answer.disowned());
    Sample before = online.put(routingKey, now);
    boolean wasDisowned = before != null && before.disowned();
    if (now.disowned() && !wasDisowned) {
      LOG.warning(
          "The Redis node that answers for "
              + routingKey
              + " has no replica and the sentinels do not name it as the master (a former master"
              + " back on its own?); no claim or renewal there is trusted until they do.");
    } else if (wasDisowned && !now.disowned()) {
      LOG.info(
          "The Redis node that answers for " + routingKey + " is the sentinels' master again.");
    }
    return now.replicas();
  }

  /**
   * Runs {@code script} and then {@code WAIT required timeout} on the same connection; without a
   * required replica it is the plain script call.
   */
  CompletableFuture<Reply> call(
      LuaScript script, boolean claim, List<Object> keys, Object... args) {
    String routing = (String) keys.get(0);
    int required = required(routing, claim);
    if (required == 0) {
      return script
          .<String>callAsync(redisson, RScript.ReturnType.VALUE, keys, args)
          .thenApply(text -> new Reply(text, 0, 0));
    }
    return batch(script, routing, keys, args, required, true)
        .exceptionallyCompose(
            e ->
                noScript(e)
                    ? batch(script, routing, keys, args, required, false)
                    : CompletableFuture.failedFuture(e))
        .thenApply(
            reply -> {
              if (!reply.acknowledgedEnough()) stale(routing); // asked again soon, never inline
              return reply;
            });
  }

  /** NOSCRIPT, however the batch wrapped it. */
  private static boolean noScript(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RedisNoScriptException
          || (t.getMessage() != null && t.getMessage().contains("NOSCRIPT"))) {
        return true;
      }
    }
    return false;
  }

  private CompletableFuture<Reply> batch(
      LuaScript script,
      String routing,
      List<Object> keys,
      Object[] args,
      int required,
      boolean bySha) {
    Duration wait = settings.timeout();
    RBatch batch =
        redisson.createBatch(
            BatchOptions.defaults()
                .sync(required, wait)
                .responseTimeout(wait.plus(REPLY_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(0));
    var scripts = batch.getScript(StringCodec.INSTANCE);
    if (bySha) {
      scripts.evalShaAsync(
          routing, RScript.Mode.READ_WRITE, script.sha(), RScript.ReturnType.VALUE, keys, args);
    } else {
      scripts.evalAsync(
          routing, RScript.Mode.READ_WRITE, script.source(), RScript.ReturnType.VALUE, keys, args);
    }
    return batch
        .executeAsync()
        .toCompletableFuture()
        .thenApply(
            (BatchResult<?> result) ->
                new Reply(
                    (String) result.getResponses().get(0), result.getSyncedSlaves(), required));
  }
}
