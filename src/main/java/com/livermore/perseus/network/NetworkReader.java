package com.livermore.perseus.network;

import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.Keys;
import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.registry.RecordJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Reads the whole network: the known exchanges from {@code network:exchanges} (one HGETALL), then
 * one pipelined batch of every {@code :instance}, its PTTL, {@code :last}, {@code :intent} and the
 * live {@code :standbys}: one round trip per Redis node, whatever the number of exchanges.
 */
public class NetworkReader {
  private final RedissonClient redisson;
  private final Keys keys;
  private final LivenessRule rule;
  private final Clock clock;
  private final boolean cluster;

  public NetworkReader(
      RedissonClient redisson, Keys keys, LivenessRule rule, Clock clock, boolean cluster) {
    this.redisson = redisson;
    this.cluster = cluster;
    this.keys = keys;
    this.rule = rule;
    this.clock = clock;
  }

  public NetworkSnapshot read() {
    Map<String, String> known =
        new TreeMap<>(
            redisson.<String, String>getMap(keys.exchanges(), StringCodec.INSTANCE).readAllMap());
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
    Batch read;
    try {
      read = readBatch(ids, known, true);
    } catch (RedisException e) {
      if (!isWrongType(e)) throw e;
      read = readOneByOne(ids, known);
    }
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
    RBatch batch = redisson.createBatch(BatchOptions.defaults());
    List<RFuture<String>> leases = new ArrayList<>(ids.size());
    List<RFuture<Long>> ttls = new ArrayList<>(ids.size());
    List<RFuture<String>> lasts = new ArrayList<>(ids.size());
    List<RFuture<String>> intents = new ArrayList<>(ids.size());
    List<RFuture<java.util.Collection<String>>> standbys = new ArrayList<>(ids.size());
    long nowMs = clock.millis();
    for (String id : ids) {
      leases.add(batch.<String>getBucket(keys.instance(id), StringCodec.INSTANCE).getAsync());
      ttls.add(
          batch.<String>getBucket(keys.instance(id), StringCodec.INSTANCE).remainTimeToLiveAsync());
      lasts.add(batch.<String>getBucket(keys.last(id), StringCodec.INSTANCE).getAsync());
      intents.add(batch.<String>getBucket(keys.intent(id), StringCodec.INSTANCE).getAsync());
      standbys.add(
          batch
              .<String>getScoredSortedSet(keys.standbys(id), StringCodec.INSTANCE)
              .valueRangeAsync(nowMs, true, Double.POSITIVE_INFINITY, true));
    }
    RFuture<Map<String, String>> recovered =
        withRecovery
            ? batch.<String, String>getMap(keys.recovery(), StringCodec.INSTANCE).readAllMapAsync()
            : null;
    if (withRecovery || !ids.isEmpty()) batch.execute();
    Instant now = clock.instant();
    List<ExchangeStatus> statuses = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      ExchangeStatus status =
          rule.status(
              id,
              displayName(id, known.get(id)),
              leases.get(i).toCompletableFuture().join(),
              ttls.get(i).toCompletableFuture().join(),
              lasts.get(i).toCompletableFuture().join(),
              now);
      String intent = intents.get(i).toCompletableFuture().join();
      if (intent != null) status = status.withIntent(OperatorIntent.parse(intent));
      statuses.add(status.withStandbys(standbysOf(standbys.get(i).toCompletableFuture().join())));
    }
    Map<String, Instant> recoveries = new TreeMap<>();
    if (recovered == null) return new Batch(now, statuses, recoveries);
    recovered
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

  private static String displayName(String id, String json) {
    try {
      ExchangeEntry entry = RecordJson.mapper().readValue(json, ExchangeEntry.class);
      return entry.displayName() != null && !entry.displayName().isBlank()
          ? entry.displayName()
          : id;
    } catch (Exception e) {
      return id;
    }
  }
}
