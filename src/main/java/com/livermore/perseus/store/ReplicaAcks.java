package com.livermore.perseus.store;

import com.livermore.perseus.config.ReplicaAckSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * after a call that was not acknowledged), and one is waited for when there is any.
 */
final class ReplicaAcks {
  private static final LuaScript REPLICAS = LuaScript.load("replicas.lua");
  private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

  /** What Redisson waits for a reply beyond the WAIT itself. */
  private static final Duration REPLY_MARGIN = Duration.ofSeconds(3);

  /** Calls on {@code redisson} that never wait for a replica. */
  static ReplicaAcks none(RedissonClient redisson) {
    return new ReplicaAcks(redisson, null);
  }

  private final RedissonClient redisson;
  private final ReplicaAckSettings settings;
  private final Map<String, Sample> online = new ConcurrentHashMap<>();
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  private record Sample(int replicas, long at) {}

  /** A script's reply and how many replicas acknowledged it (of {@code required}). */
  record Reply(String text, int acknowledged, int required) {
    boolean acknowledgedEnough() {
      return acknowledged >= required;
    }
  }

  private ReplicaAcks(RedissonClient redisson, ReplicaAckSettings settings) {
    this.redisson = redisson;
    this.settings = settings;
  }

  static ReplicaAcks on(RedissonClient redisson, ReplicaAckSettings settings) {
    return new ReplicaAcks(redisson, settings);
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
      return remember(routingKey, Replies.join(askOnline(routingKey)));
    }
    if (stale && refreshing.add(routingKey)) {
      askOnline(routingKey)
          .whenComplete(
              (replicas, e) -> {
                refreshing.remove(routingKey);
                if (e == null) remember(routingKey, replicas);
              });
    }
    return sample.replicas();
  }

  /** Marks the last answer for {@code routingKey} out of date, keeping its count until asked. */
  private void stale(String routingKey) {
    online.computeIfPresent(
        routingKey, (k, s) -> new Sample(s.replicas(), s.at() - 2 * CACHE_NANOS));
  }

  private CompletableFuture<Long> askOnline(String routingKey) {
    return REPLICAS.callAsync(redisson, RScript.ReturnType.LONG, List.of(routingKey));
  }

  private int remember(String routingKey, Long replicas) {
    int required = replicas == null || replicas <= 0 ? 0 : 1;
    online.put(routingKey, new Sample(required, System.nanoTime()));
    return required;
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
