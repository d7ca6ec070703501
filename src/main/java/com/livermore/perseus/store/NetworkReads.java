package com.livermore.perseus.store;

import com.livermore.perseus.config.RedisMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;

/**
 * The read plan of the network, as raw values: the registry, then one round of requests for all
 * exchanges at once (see {@link #send}), and an exact read for the few that need one. It only
 * reads; assembling statuses from what it returns is the network package's job.
 */
public class NetworkReads {
  private final RedissonClient redisson;
  private final Keys keys;
  private final RedisMode mode;

  public NetworkReads(RedissonClient redisson, Keys keys, boolean cluster) {
    this(redisson, keys, cluster ? RedisMode.CLUSTER : RedisMode.SINGLE);
  }

  public NetworkReads(RedissonClient redisson, Keys keys, RedisMode mode) {
    this.redisson = redisson;
    this.keys = keys;
    this.mode = mode;
  }

  /** Every registry entry ({@code HGETALL network:exchanges}), id to entry JSON. */
  public CompletableFuture<Map<String, String>> registry() {
    return redisson
        .<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE)
        .readAllMapAsync()
        .toCompletableFuture();
  }

  /** The registry entry of one exchange ({@code HGET}). */
  public Optional<String> registryEntry(String id) {
    return Optional.ofNullable(
        redisson.<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE).get(id));
  }

  /** The registry's ids ({@code HKEYS}), unfiltered. */
  public Collection<String> registryIds() {
    return redisson.<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE).readAllKeySet();
  }

  /**
   * Sends three requests at once: one MGET of every {@code :instance}, one of every {@code :intent}
   * (Redisson splits each by slot in a cluster) and a batch of each lease's PTTL and the live
   * {@code :standbys} (scored after {@code nowMs}), with {@code network:recovery} when {@code
   * withRecovery}.
   */
  public Plan send(List<String> ids, boolean withRecovery, long nowMs) {
    CompletableFuture<Map<String, String>> leases = mget(ids, keys::instance);
    CompletableFuture<Map<String, String>> intents = mget(ids, keys::intent);
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<Collection<String>>> standbys = new ArrayList<>(ids.size());
    List<RFuture<Long>> ttls = new ArrayList<>(ids.size());
    for (String id : ids) {
      ttls.add(batch.getBucket(keys.instance(id), StringCodec.INSTANCE).remainTimeToLiveAsync());
      standbys.add(
          batch
              .<String>getScoredSortedSet(keys.standbys(id), StringCodec.INSTANCE)
              .valueRangeAsync(nowMs, true, Double.POSITIVE_INFINITY, true));
    }
    RFuture<Map<String, String>> recovered =
        withRecovery
            ? batch.<String, String>getMap(keys.recovery(), StringCodec.INSTANCE).readAllMapAsync()
            : null;
    CompletableFuture<?> sent =
        withRecovery || !ids.isEmpty()
            ? batch.executeAsync().toCompletableFuture()
            : CompletableFuture.completedFuture(null);
    return new Plan(ids, leases, intents, ttls, standbys, recovered, sent);
  }

  /** The requests of one read, sent; each accessor waits for its answer. */
  public final class Plan {
    private final List<String> ids;
    private final CompletableFuture<Map<String, String>> leases;
    private final CompletableFuture<Map<String, String>> intents;
    private final List<RFuture<Long>> ttls;
    private final List<RFuture<Collection<String>>> standbys;
    private final RFuture<Map<String, String>> recovered;
    private final CompletableFuture<?> sent;

    private Plan(
        List<String> ids,
        CompletableFuture<Map<String, String>> leases,
        CompletableFuture<Map<String, String>> intents,
        List<RFuture<Long>> ttls,
        List<RFuture<Collection<String>>> standbys,
        RFuture<Map<String, String>> recovered,
        CompletableFuture<?> sent) {
      this.ids = ids;
      this.leases = leases;
      this.intents = intents;
      this.ttls = ttls;
      this.standbys = standbys;
      this.recovered = recovered;
      this.sent = sent;
    }

    public List<String> ids() {
      return ids;
    }

    /** The lease values, by exchange id (absent: no lease). */
    public Function<String, String> leases() {
      Map<String, String> values = Replies.join(leases);
      return id -> values.get(keys.instance(id));
    }

    /** Waits for the batch (standbys, recovery) and the intents. */
    public Function<String, String> intents() {
      Replies.join(sent);
      Map<String, String> values = Replies.join(intents);
      return id -> values.get(keys.intent(id));
    }

    /**
     * The lease PTTL of the {@code i}-th exchange as Redis measured it (-2: no lease, -1: no TTL),
     * read in the same batch as the standbys.
     */
    public Long pttl(int i) {
      return ttls.get(i).toCompletableFuture().join();
    }

    /** The live standbys of the {@code i}-th exchange ({@code instanceId|hostname}). */
    public Collection<String> standbys(int i) {
      return standbys.get(i).toCompletableFuture().join();
    }

    /**
     * The live standbys of every exchange that has one, with how far each has prepared: one more
     * batch, of {@code :prepared} for those exchanges only (a network without standbys pays
     * nothing), by index.
     */
    public Map<Integer, List<ExchangeDirectory.StandbyEntry>> standbyEntries() {
      Map<Integer, Collection<String>> waiting = new java.util.HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        Collection<String> s = standbys(i);
        if (!s.isEmpty()) waiting.put(i, s);
      }
      if (waiting.isEmpty()) return Map.of();
      RBatch batch = redisson.createBatch(BatchOptions.defaults());
      Map<Integer, RFuture<Map<String, String>>> prepared = new java.util.HashMap<>();
      waiting.forEach(
          (i, s) ->
              prepared.put(
                  i,
                  batch
                      .<String, String>getMap(keys.prepared(ids.get(i)), StringCodec.INSTANCE)
                      .readAllMapAsync()));
      Replies.join(batch.executeAsync().toCompletableFuture());
      Map<Integer, List<ExchangeDirectory.StandbyEntry>> out = new java.util.HashMap<>();
      waiting.forEach(
          (i, s) ->
              out.put(
                  i,
                  ExchangeDirectory.standbyEntries(
                      s, prepared.get(i).toCompletableFuture().join())));
      return out;
    }

    /** {@code network:recovery} (exchange to time), or empty when it was not asked for. */
    public Map<String, String> recoveries() {
      return recovered == null ? Map.of() : recovered.toCompletableFuture().join();
    }
  }

  /** One exchange read exactly: its lease, the lease's PTTL and {@code :last}. */
  public record Exact(String lease, Long pttl, String last) {}

  /**
   * The lease, its PTTL and {@code :last} of each exchange, in one batch; GET (not MGET) so that a
   * key holding another type fails with WRONGTYPE and is flagged instead of looking absent.
   */
  public List<Exact> readExactly(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<String>> leases = new ArrayList<>(ids.size());
    List<RFuture<Long>> ttls = new ArrayList<>(ids.size());
    List<RFuture<String>> lasts = new ArrayList<>(ids.size());
    for (String id : ids) {
      var lease = batch.<String>getBucket(keys.instance(id), StringCodec.INSTANCE);
      leases.add(lease.getAsync());
      ttls.add(lease.remainTimeToLiveAsync());
      lasts.add(batch.<String>getBucket(keys.last(id), StringCodec.INSTANCE).getAsync());
    }
    batch.execute();
    List<Exact> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(
          new Exact(
              leases.get(i).toCompletableFuture().join(),
              ttls.get(i).toCompletableFuture().join(),
              lasts.get(i).toCompletableFuture().join()));
    }
    return out;
  }

  /**
   * True when Redis answers PING within a second: every cluster node, the one node, or (behind
   * Sentinel) the master the sentinels name.
   */
  public boolean ping() {
    try {
      return switch (mode) {
        case CLUSTER -> redisson.getRedisNodes(RedisNodes.CLUSTER).pingAll(1, TimeUnit.SECONDS);
        case SENTINEL ->
            redisson
                .getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                .getMaster()
                .ping(1, TimeUnit.SECONDS);
        default -> redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(1, TimeUnit.SECONDS);
      };
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** One MGET of the keys of every exchange (Redisson splits it by slot in a cluster). */
  private CompletableFuture<Map<String, String>> mget(
      List<String> ids, Function<String, String> key) {
    if (ids.isEmpty()) return CompletableFuture.completedFuture(Map.of());
    return redisson
        .getBuckets(StringCodec.INSTANCE)
        .<String>getAsync(ids.stream().map(key).toArray(String[]::new))
        .toCompletableFuture();
  }
}
