package com.livermore.perseus.testing;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.store.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent access to the activity streams for the contracts: raw XADD/XRANGE/INFO over {@link
 * Resp}, and the expected merged order computed here rather than by the code under test.
 */
public final class Streams {
  /** A stream entry as Redis holds it. */
  public record Stored(String exchange, String id, long ms, long seq, Map<String, String> fields) {
    public String ref() {
      return exchange + "@" + id;
    }
  }

  /** Newest first by (ms, seq); equal ids of different streams by exchange name, ascending. */
  public static final Comparator<Stored> NEWEST_FIRST =
      (a, b) -> {
        if (a.ms() != b.ms()) return a.ms() > b.ms() ? -1 : 1;
        if (a.seq() != b.seq()) return a.seq() > b.seq() ? -1 : 1;
        return a.exchange().compareTo(b.exchange());
      };

  private final RedisBackend backend;
  private final Keys keys;

  public Streams(RedisBackend backend, Keys keys) {
    this.backend = backend;
    this.keys = keys;
  }

  public static String[] fields(EventType type, String exchange, Instant at) {
    return ActivityEntry.of(type, exchange, "i-" + exchange, 1, "host-" + exchange, at)
        .fields(false)
        .toArray(String[]::new);
  }

  /** XADD with an explicit id (or {@code *}) and raw field/value pairs; returns the id. */
  public String xadd(String exchange, String id, String... fieldsAndValues) {
    String key = keys.activity(exchange);
    String[] args = new String[3 + fieldsAndValues.length];
    args[0] = "XADD";
    args[1] = key;
    args[2] = id;
    System.arraycopy(fieldsAndValues, 0, args, 3, fieldsAndValues.length);
    try (Resp r = backend.connectFor(key)) {
      return (String) r.call(args);
    }
  }

  /** Keeps only the newest {@code keep} entries of the exchange's stream (exact MAXLEN). */
  public void xtrim(String exchange, int keep) {
    String key = keys.activity(exchange);
    try (Resp r = backend.connectFor(key)) {
      r.call("XTRIM", key, "MAXLEN", Integer.toString(keep));
    }
  }

  public long xlen(String exchange) {
    String key = keys.activity(exchange);
    try (Resp r = backend.connectFor(key)) {
      return (Long) r.call("XLEN", key);
    }
  }

  /** One stream, oldest first. */
  @SuppressWarnings("unchecked")
  public List<Stored> range(String exchange) {
    String key = keys.activity(exchange);
    List<Stored> out = new ArrayList<>();
    try (Resp r = backend.connectFor(key)) {
      for (Object o : (List<Object>) r.call("XRANGE", key, "-", "+")) {
        List<Object> entry = (List<Object>) o;
        String id = (String) entry.get(0);
        List<Object> kv = (List<Object>) entry.get(1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.size(); i += 2)
          fields.put((String) kv.get(i), (String) kv.get(i + 1));
        String[] parts = id.split("-");
        out.add(
            new Stored(exchange, id, Long.parseLong(parts[0]), Long.parseLong(parts[1]), fields));
      }
    }
    return out;
  }

  /** Every entry of the exchanges' streams in the expected merged order. */
  public List<Stored> merged(List<String> exchanges) {
    List<Stored> all = new ArrayList<>();
    exchanges.forEach(x -> all.addAll(range(x)));
    all.sort(NEWEST_FIRST);
    return all;
  }

  public static List<String> refs(List<Stored> stored) {
    return stored.stream().map(Stored::ref).toList();
  }

  public static List<String> recordRefs(List<ActivityRecord> records) {
    return records.stream().map(r -> r.exchange() + "@" + r.id()).toList();
  }

  /** The server's clock (TIME) in ms on the node that holds the exchange's stream. */
  @SuppressWarnings("unchecked")
  public long serverMillis(String exchange) {
    try (Resp r = backend.connectFor(keys.activity(exchange))) {
      List<Object> time = (List<Object>) r.call("TIME");
      return Long.parseLong((String) time.get(0)) * 1000
          + Long.parseLong((String) time.get(1)) / 1000;
    }
  }

  /** XREVRANGE calls so far, summed over every master. */
  public long xrevrangeCalls() {
    List<RedisServer> nodes =
        backend.isCluster() ? backend.redisCluster().masters() : List.of(backend.singleServer());
    long calls = 0;
    for (RedisServer node : nodes) {
      try (Resp r = node.connect()) {
        String stat = Resp.info(r, "commandstats").get("cmdstat_xrevrange");
        if (stat != null) {
          calls += Long.parseLong(stat.replaceAll("^calls=(\\d+),.*$", "$1"));
        }
      }
    }
    return calls;
  }

  /** CONFIG GET on the node holding the exchange's stream. */
  @SuppressWarnings("unchecked")
  public String config(String exchange, String name) {
    try (Resp r = backend.connectFor(keys.activity(exchange))) {
      return (String) ((List<Object>) r.call("CONFIG", "GET", name)).get(1);
    }
  }

  public void configSet(String exchange, String name, String value) {
    try (Resp r = backend.connectFor(keys.activity(exchange))) {
      r.call("CONFIG", "SET", name, value);
    }
  }
}
