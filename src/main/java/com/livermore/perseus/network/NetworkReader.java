package com.livermore.perseus.network;

import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.Keys;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.RecordJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Reads the whole network: the known exchanges from {@code network:exchanges} (one HGETALL), then
 * every exchange's lease, {@code :last}, intent and live standbys in one round trip per Redis node,
 * whatever the number of exchanges (see {@link #readBatch}).
 */
public class NetworkReader {
  private final RedissonClient redisson;
  private final Keys keys;
  private final LivenessRule rule;
  private final Clock clock;
  private final boolean cluster;

  /** Registry entry text → display name; cleared when it outgrows any plausible network. */
  private final Map<String, String> displayNames = new ConcurrentHashMap<>();

  private static final int MAX_DISPLAY_NAMES = 100_000;

  private final ParsedRecords records = new ParsedRecords();

  /** The valid exchange ids of the last whole-network read. */
  private volatile List<String> previousIds = List.of();

  public NetworkReader(
      RedissonClient redisson, Keys keys, LivenessRule rule, Clock clock, boolean cluster) {
    this.redisson = redisson;
    this.cluster = cluster;
    this.keys = keys;
    this.rule = rule;
    this.clock = clock;
  }

  public NetworkSnapshot read() {
    // The exchanges of the previous read are asked for while the registry is read: the registry
    // rarely changes, and when it has, the guess is dropped and the real ids are asked for.
    RFuture<Map<String, String>> registry =
        redisson.<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE).readAllMapAsync();
    List<String> guess = previousIds;
    Fetch early = guess.isEmpty() ? null : send(guess, true);
    Map<String, String> known = new TreeMap<>(await(registry.toCompletableFuture()));
    List<String> ids = new ArrayList<>();
    List<ExchangeStatus> invalid = new ArrayList<>();
    for (String id : known.keySet()) {
      if (ConfigurationReader.isSlug(id)) {
        ids.add(id);
      } else {
        invalid.add(
            ExchangeStatus.withoutRecord(id, id, "not a valid exchange id in network:exchanges"));
      }
    }
    previousIds = List.copyOf(ids);
    Batch read;
    try {
      read = finish(early != null && early.ids().equals(ids) ? early : send(ids, true), known);
    } catch (RedisException e) {
      if (!isWrongType(e)) throw e;
      read = readOneByOne(ids, known);
    }
    records.nextGeneration();
    List<ExchangeStatus> statuses = new ArrayList<>(read.statuses());
    statuses.addAll(invalid);
    return new NetworkSnapshot(read.now(), List.copyOf(statuses), read.recoveries());
  }

  /**
   * The ids of every known exchange (one HKEYS of {@code network:exchanges}), invalid ones left
   * out.
   */
  public List<String> knownExchanges() {
    return redisson
        .<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE)
        .readAllKeySet()
        .stream()
        .filter(ConfigurationReader::isSlug)
        .sorted()
        .toList();
  }

  /** One exchange (its registry entry, then one batch of its keys); empty when it is not known. */
  public Optional<ExchangeStatus> readOne(String id) {
    String entry = redisson.<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE).get(id);
    if (entry == null) return Optional.empty();
    Map<String, String> known = Map.of(id, entry);
    try {
      return Optional.of(readBatch(List.of(id), known, false).statuses().get(0));
    } catch (RedisException e) {
      if (!isWrongType(e)) throw e;
      return Optional.of(readOneByOne(List.of(id), known).statuses().get(0));
    }
  }

  private record Batch(
      Instant now, List<ExchangeStatus> statuses, Map<String, Instant> recoveries) {}

  /**
   * Another program stored a value of the wrong type under one of the keys: read each exchange on
   * its own so only that one is flagged and every other still answers.
   */
  private Batch readOneByOne(List<String> ids, Map<String, String> known) {
    List<ExchangeStatus> statuses = new ArrayList<>();
    for (String id : ids) {
      try {
        statuses.addAll(readBatch(List.of(id), known, false).statuses());
      } catch (RedisException e) {
        if (!isWrongType(e)) throw e;
        statuses.add(
            ExchangeStatus.withoutRecord(
                id,
                displayName(id, known.get(id)),
                "a key of this exchange holds a value of the wrong type (WRONGTYPE); another program wrote it"));
      }
    }
    Map<String, Instant> recoveries;
    try {
      recoveries = readBatch(List.of(), known, true).recoveries();
    } catch (RedisException e) {
      if (!isWrongType(e)) throw e;
      recoveries = Map.of();
    }
    return new Batch(clock.instant(), statuses, recoveries);
  }

  private static boolean isWrongType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("WRONGTYPE")) return true;
    }
    return false;
  }

  private Batch readBatch(List<String> ids, Map<String, String> known, boolean withRecovery) {
    return finish(send(ids, withRecovery), known);
  }

  /** The requests of one read of {@code ids}, sent; {@link #finish} waits for the answers. */
  private record Fetch(
      List<String> ids,
      CompletableFuture<Map<String, String>> leases,
      CompletableFuture<Map<String, String>> intents,
      List<RFuture<Collection<String>>> standbys,
      RFuture<Map<String, String>> recovered,
      CompletableFuture<?> sent) {}

  /**
   * Sends three requests at once: one MGET of every {@code :instance}, one of every {@code :intent}
   * (Redisson splits each by slot in a cluster) and a batch of the live {@code :standbys}, with
   * {@code network:recovery} when {@code withRecovery}.
   */
  private Fetch send(List<String> ids, boolean withRecovery) {
    long nowMs = clock.millis();
    CompletableFuture<Map<String, String>> leases = mget(ids, keys::instance);
    CompletableFuture<Map<String, String>> intents = mget(ids, keys::intent);
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<Collection<String>>> standbys = new ArrayList<>(ids.size());
    for (String id : ids) {
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
    return new Fetch(ids, leases, intents, standbys, recovered, sent);
  }

  /**
   * The statuses of a sent read. A live lease whose record carries its TTL ({@code leaseTtlMs})
   * needs nothing more, so a network of live instances costs about one command per exchange instead
   * of five; a second round trip reads exactly (see {@link #readExactly}) only the exchanges that
   * are dead, unreadable, written without {@code leaseTtlMs} or already due.
   */
  private Batch finish(Fetch fetch, Map<String, String> known) {
    List<String> ids = fetch.ids();
    // The leases are parsed while the standbys are still on their way.
    Map<String, String> leaseValues = await(fetch.leases());

    Instant now = clock.instant();
    List<ExchangeStatus> statuses = new ArrayList<>(ids.size());
    List<String> unsure = new ArrayList<>();
    for (String id : ids) {
      String lease = leaseValues.get(keys.instance(id));
      ExchangeStatus status =
          lease == null
              ? null
              : rule.status(
                  id,
                  displayName(id, known.get(id)),
                  lease,
                  null,
                  null,
                  now,
                  json -> records.read(id, json));
      if (status == null
          || status.problem() != null
          || status.leaseExpiresInMs() == null
          || status.leaseExpiresInMs() == 0) {
        unsure.add(id);
      }
      statuses.add(status);
    }
    await(fetch.sent());
    Map<String, String> intentValues = await(fetch.intents());
    Map<String, ExchangeStatus> exact = readExactly(unsure, known);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      ExchangeStatus status = exact.getOrDefault(id, statuses.get(i));
      String intent = intentValues.get(keys.intent(id));
      if (intent != null) status = status.withIntent(OperatorIntent.parse(intent));
      statuses.set(
          i, status.withStandbys(standbysOf(fetch.standbys().get(i).toCompletableFuture().join())));
    }
    Map<String, Instant> recoveries = new TreeMap<>();
    if (fetch.recovered() == null) return new Batch(now, statuses, recoveries);
    fetch
        .recovered()
        .toCompletableFuture()
        .join()
        .forEach(
            (x, at) -> {
              try {
                recoveries.put(x, Instant.parse(at));
              } catch (java.time.format.DateTimeParseException e) {
                // not ours: ignore
              }
            });
    return new Batch(now, statuses, recoveries);
  }

  /**
   * The lease, its PTTL and {@code :last} of each exchange, read in one batch; GET (not MGET) so
   * that a key holding another type fails with WRONGTYPE and is flagged instead of looking absent.
   */
  private Map<String, ExchangeStatus> readExactly(List<String> ids, Map<String, String> known) {
    if (ids.isEmpty()) return Map.of();
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
    Instant now = clock.instant();
    Map<String, ExchangeStatus> statuses = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      statuses.put(
          id,
          rule.status(
              id,
              displayName(id, known.get(id)),
              leases.get(i).toCompletableFuture().join(),
              ttls.get(i).toCompletableFuture().join(),
              lasts.get(i).toCompletableFuture().join(),
              now,
              json -> records.read(id, json)));
    }
    return statuses;
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

  /** Waits for a request sent alongside the batch, failing as the batch itself would. */
  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) throw cause;
      throw e;
    }
  }

  private static List<ExchangeStatus.Standby> standbysOf(java.util.Collection<String> members) {
    List<ExchangeStatus.Standby> out = new ArrayList<>();
    for (String m : members) {
      int bar = m.indexOf('|');
      out.add(
          bar < 0
              ? new ExchangeStatus.Standby(m, null)
              : new ExchangeStatus.Standby(m.substring(0, bar), m.substring(bar + 1)));
    }
    return out;
  }

  /**
   * True for exactly one caller per exchange and epoch (SET NX, kept a day): who reports a death.
   */
  public boolean claimDeathNotice(String exchange, long epoch) {
    return redisson
        .<String>getBucket(keys.deathNotice(exchange, epoch), StringCodec.INSTANCE)
        .setIfAbsent("1", java.time.Duration.ofDays(1));
  }

  /** True when every Redis node answers PING within a second. */
  public boolean ping() {
    try {
      return cluster
          ? redisson.getRedisNodes(RedisNodes.CLUSTER).pingAll(1, TimeUnit.SECONDS)
          : redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(1, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The {@code displayName} of a registry entry, or the id when it has none. The name read from an
   * entry's text is remembered (entries are written once per exchange, and this runs for every
   * exchange on every read); the fallback to the id is not, since two exchanges may have the same
   * entry text.
   */
  private String displayName(String id, String json) {
    if (json == null) return id;
    String name = displayNames.get(json);
    if (name == null) {
      if (displayNames.size() > MAX_DISPLAY_NAMES) displayNames.clear();
      name = parseDisplayName(json);
      displayNames.put(json, name);
    }
    return name.isBlank() ? id : name;
  }

  /** The entry's {@code displayName}, or "" when it has none or is not an entry. */
  private static String parseDisplayName(String json) {
    try {
      ExchangeEntry entry = RecordJson.mapper().readValue(json, ExchangeEntry.class);
      return entry == null || entry.displayName() == null ? "" : entry.displayName();
    } catch (Exception e) {
      return "";
    }
  }
}
