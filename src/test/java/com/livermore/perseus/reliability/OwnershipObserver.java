package com.livermore.perseus.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.ApiClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a running network continuously, on its own thread, for the two things a lease registry
 * must never allow: two instances believing they own one exchange at the same moment, and a fenced
 * owner writing again.
 *
 * <p>It samples every exchange's lease in Redis (holder and fencing epoch) and, where it can reach
 * them, each instance's own belief (its role and epoch). A double owner is reported only when it is
 * certain: instance B answered "owner" entirely inside a span in which instance A answered "owner"
 * under one epoch both before and after. Read failures (Redis down, an instance paused) are
 * counted, not judged.
 *
 * <p>A lease seen in Redis is not yet an owner: a claim is written on the master before the
 * replicas acknowledge it, and one they do not acknowledge is withdrawn and never acted on (and a
 * failover may lose it, so its epoch is issued again on the promoted replica). A run that knows
 * which holdings their holders acted on says so with {@link #judgingOnly(ActedOn)}; the lease
 * conflicts are then judged only between holdings that were acted on, and the others are counted as
 * {@code unacknowledgedHoldingsSeen}. Without it every holding counts.
 */
public final class OwnershipObserver implements AutoCloseable {
  /**
   * The raw lease JSON of an exchange, or null when nobody holds it; may throw while Redis is down.
   */
  @FunctionalInterface
  public interface LeaseSource {
    String read(String exchange) throws Exception;
  }

  /** What one instance says of itself. */
  public record Belief(String instance, String exchange, InstanceRole role, long epoch) {}

  /** Asks one instance for its belief; may throw while it cannot answer. */
  @FunctionalInterface
  public interface BeliefSource {
    Belief read() throws Exception;
  }

  /** Whether the holder of a lease sighting acted on it (started owner work under that epoch). */
  @FunctionalInterface
  public interface ActedOn {
    boolean test(String exchange, String instanceId, long epoch);
  }

  /**
   * Two sightings of one exchange's lease that cannot both be owners: {@code later} holds the same
   * epoch as {@code earlier} under another instance ({@code sameEpoch}), or an older one.
   */
  private record Conflict(String exchange, Holding earlier, Holding later, boolean sameEpoch) {}

  /** A holder as seen in the lease key, from first to last sighting. */
  public record Holding(String instanceId, long epoch, Instant firstSeen, Instant lastSeen) {}

  private record Answer(long sentNanos, long receivedNanos, Belief belief) {}

  private final LeaseSource leases;
  private final List<String> exchanges;
  private final List<BeliefSource> beliefs;
  private final Duration period;
  private final Thread thread;
  private volatile boolean running = true;

  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong readFailures = new AtomicLong();
  private final Map<String, List<Holding>> holdings = new ConcurrentHashMap<>();
  private final Map<String, Long> worstHeartbeatGapMs = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastHeartbeat = new ConcurrentHashMap<>();
  private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Conflict> conflicts = new CopyOnWriteArrayList<>();
  private volatile ActedOn actedOn = (x, i, e) -> true;
  private final Map<String, java.util.Set<String>> statesSeen = new ConcurrentHashMap<>();

  private OwnershipObserver(
      LeaseSource leases,
      Collection<String> exchanges,
      List<BeliefSource> beliefs,
      Duration period) {
    this.leases = leases;
    this.exchanges = List.copyOf(exchanges);
    this.beliefs = List.copyOf(beliefs);
    this.period = period;
    this.thread = new Thread(this::run, "ownership-observer");
    thread.setDaemon(true);
  }

  /** Starts watching the leases of {@code exchanges} and the given instances' beliefs. */
  public static OwnershipObserver start(
      LeaseSource leases,
      Collection<String> exchanges,
      List<BeliefSource> beliefs,
      Duration period) {
    OwnershipObserver observer = new OwnershipObserver(leases, exchanges, beliefs, period);
    observer.thread.start();
    return observer;
  }

  private void run() {
    while (running) {
      long roundStarted = System.nanoTime();
      for (String exchange : exchanges) sampleLease(exchange);
      for (BeliefSource source : beliefs) sampleBelief(source);
      rounds.incrementAndGet();
      long sleep = period.toNanos() - (System.nanoTime() - roundStarted);
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void sampleLease(String exchange) {
    String raw;
    try {
      raw = leases.read(exchange);
    } catch (Exception e) {
      readFailures.incrementAndGet();
      return;
    }
    if (raw == null) return;
    OwnerRecord record;
    try {
      record = RecordJson.readOwner(raw);
    } catch (RuntimeException e) {
      violations.add(exchange + ": unreadable lease " + raw);
      return;
    }
    Instant now = Instant.now();
    statesSeen
        .computeIfAbsent(record.instanceId(), i -> ConcurrentHashMap.newKeySet())
        .add(record.state().wireName());
    List<Holding> seen = holdings.computeIfAbsent(exchange, x -> new CopyOnWriteArrayList<>());
    Holding current = seen.isEmpty() ? null : seen.get(seen.size() - 1);
    if (current != null
        && current.instanceId().equals(record.instanceId())
        && current.epoch() == record.epoch()) {
      seen.set(
          seen.size() - 1,
          new Holding(current.instanceId(), current.epoch(), current.firstSeen(), now));
    } else {
      Holding holding = new Holding(record.instanceId(), record.epoch(), now, now);
      judgeNewHolder(exchange, seen, holding);
      seen.add(holding);
    }
    Instant beat = record.lastHeartbeat();
    Instant previous = lastHeartbeat.put(exchange, beat);
    if (previous != null
        && current != null
        && current.epoch() == record.epoch()
        && beat.isAfter(previous)) {
      worstHeartbeatGapMs.merge(exchange, Duration.between(previous, beat).toMillis(), Math::max);
    }
  }

  private void judgeNewHolder(String exchange, List<Holding> seen, Holding holding) {
    for (Holding h : seen) {
      if (h.epoch() == holding.epoch() && !h.instanceId().equals(holding.instanceId())) {
        conflicts.add(new Conflict(exchange, h, holding, true));
      }
      if (h.epoch() > holding.epoch()) conflicts.add(new Conflict(exchange, h, holding, false));
    }
  }

  /**
   * From now on, lease conflicts count only between holdings their holders acted on (asked when the
   * violations are read, so work that started after the sighting counts).
   */
  public OwnershipObserver judgingOnly(ActedOn actedOn) {
    this.actedOn = actedOn;
    return this;
  }

  private boolean actedOn(String exchange, Holding h) {
    return actedOn.test(exchange, h.instanceId(), h.epoch());
  }

  private List<String> leaseViolations() {
    List<String> found = new ArrayList<>();
    java.util.Set<Holding> fencedWriters = new java.util.HashSet<>();
    for (Conflict c : conflicts) {
      if (!actedOn(c.exchange(), c.earlier()) || !actedOn(c.exchange(), c.later())) continue;
      if (!c.sameEpoch() && !fencedWriters.add(c.later())) continue; // one line per fenced write
      found.add(
          c.sameEpoch()
              ? c.exchange()
                  + ": epoch "
                  + c.earlier().epoch()
                  + " held by both "
                  + c.earlier().instanceId()
                  + " and "
                  + c.later().instanceId()
                  + " (first seen at "
                  + c.later().firstSeen()
                  + ")"
              : c.exchange()
                  + ": "
                  + c.later().instanceId()
                  + " wrote the lease under epoch "
                  + c.later().epoch()
                  + " at "
                  + c.later().firstSeen()
                  + " after epoch "
                  + c.earlier().epoch()
                  + " was issued (a fenced owner wrote)");
    }
    return found;
  }

  /** Holdings seen in the lease whose holders never acted on them (claims withdrawn or lost). */
  public List<Holding> unacknowledgedHoldings(String exchange) {
    return holdings(exchange).stream().filter(h -> !actedOn(exchange, h)).toList();
  }

  private void sampleBelief(BeliefSource source) {
    long sent = System.nanoTime();
    Belief belief;
    try {
      belief = source.read();
    } catch (Exception e) {
      readFailures.incrementAndGet();
      return;
    }
    answers
        .computeIfAbsent(belief.instance(), i -> new CopyOnWriteArrayList<>())
        .add(new Answer(sent, System.nanoTime(), belief));
  }

  /** Stops watching and returns what was seen. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything that broke an invariant, in words; empty when all held. */
  public List<String> violations() {
    List<String> all = new ArrayList<>(violations);
    all.addAll(leaseViolations());
    all.addAll(doubleOwners());
    return all;
  }

  /** Holders of {@code exchange} in the order they were seen. */
  public List<Holding> holdings(String exchange) {
    return List.copyOf(holdings.getOrDefault(exchange, List.of()));
  }

  /**
   * The most instances that believed they owned one exchange at one moment: 1 when the registry
   * holds, 2 or more when a double owner was certain.
   */
  public int mostOwnersAtOnce() {
    return doubleOwners().isEmpty()
        ? (answers.values().stream().anyMatch(this::anyOwner) ? 1 : 0)
        : 2;
  }

  private boolean anyOwner(List<Answer> list) {
    return list.stream().anyMatch(a -> a.belief().role() == InstanceRole.OWNER);
  }

  /** The longest time between two heartbeats of one holder, in ms, over all exchanges. */
  public long worstHeartbeatGapMs() {
    return worstHeartbeatGapMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** The lifecycle states each instance was seen in, in the lease record. */
  public Map<String, List<String>> statesSeenInLease() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    statesSeen.forEach((instance, states) -> copy.put(instance, List.copyOf(states)));
    return copy;
  }

  /** The longest time between two heartbeats of one holder of {@code exchange}, in ms. */
  public long worstHeartbeatGapMs(String exchange) {
    return worstHeartbeatGapMs.getOrDefault(exchange, 0L);
  }

  public long rounds() {
    return rounds.get();
  }

  public long readFailures() {
    return readFailures.get();
  }

  /** Figures for the reliability report. */
  public Map<String, Object> figures() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("observerRounds", rounds());
    f.put("observerReadFailures", readFailures());
    f.put("mostOwnersAtOnce", mostOwnersAtOnce());
    f.put("holdersSeen", holdings.values().stream().mapToInt(List::size).sum());
    f.put(
        "unacknowledgedHoldingsSeen",
        exchanges.stream().mapToInt(x -> unacknowledgedHoldings(x).size()).sum());
    f.put("worstHeartbeatGapMs", worstHeartbeatGapMs());
    f.put("violations", violations().size());
    return f;
  }

  private List<String> doubleOwners() {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, List<Answer>> a : answers.entrySet()) {
      for (Map.Entry<String, List<Answer>> b : answers.entrySet()) {
        if (a.getKey().equals(b.getKey())) continue;
        String overlap = overlap(a.getValue(), b.getValue());
        if (overlap != null) found.add(overlap);
      }
    }
    return found;
  }

  /**
   * Certain overlap: A answered "owner" under one epoch at two samples, and B answered "owner" for
   * the same exchange in a sample that lies wholly between A's two (A's first answer received
   * before B's request was sent, B's answer received before A's later request was sent).
   */
  private static String overlap(List<Answer> a, List<Answer> b) {
    Map<String, Answer> firstByEpoch = new LinkedHashMap<>();
    for (Answer later : a) {
      if (later.belief().role() != InstanceRole.OWNER) continue;
      String key = later.belief().exchange() + "#" + later.belief().epoch();
      Answer first = firstByEpoch.putIfAbsent(key, later);
      if (first == null) continue;
      for (Answer other : b) {
        if (other.belief().role() == InstanceRole.OWNER
            && other.belief().exchange().equals(later.belief().exchange())
            && other.sentNanos() > first.receivedNanos()
            && other.receivedNanos() < later.sentNanos()) {
          return later.belief().exchange()
              + ": "
              + other.belief().instance()
              + " (epoch "
              + other.belief().epoch()
              + ") believed it was the owner while "
              + later.belief().instance()
              + " (epoch "
              + later.belief().epoch()
              + ") did";
        }
      }
    }
    return null;
  }

  /**
   * An instance's own view of itself from its readiness check ({@code /health/ready}, served with
   * 503 while not ready, with the same data): its role and epoch.
   */
  public static Belief readiness(String label, String root, Duration timeout)
      throws IOException, InterruptedException {
    JsonNode health = ApiClient.json(ApiClient.at(root).get("health/ready", null, timeout));
    for (JsonNode check : health.path("checks")) {
      if ("perseus-lease".equals(check.path("name").asText())) {
        JsonNode data = check.path("data");
        return new Belief(
            label,
            data.path("exchange").asText(),
            InstanceRole.valueOf(data.path("role").asText().toUpperCase(Locale.ROOT)),
            data.path("epoch").asLong());
      }
    }
    throw new IOException("no perseus-lease check in " + health);
  }
}
