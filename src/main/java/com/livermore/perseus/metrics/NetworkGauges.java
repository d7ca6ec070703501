package com.livermore.perseus.metrics;

import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.registry.OwnerRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The whole network as Prometheus gauges, one series per exchange (label {@code exchange}), read
 * from the shared network snapshot at each scrape. Every instance reports the same network, so
 * dashboards and rules aggregate with {@code max by (exchange)}. Stream lengths cost one {@code
 * XLEN} per exchange and are read at most every {@link #LENGTHS_MAX_AGE_MS}.
 */
final class NetworkGauges {
  static final long LENGTHS_MAX_AGE_MS = 5_000;
  static final List<String> STATES =
      List.of("idle", "starting", "warming", "active", "stopping", "stopped");

  private final NetworkView network;
  private final AtomicInteger readUp = new AtomicInteger();
  private final MultiGauge liveness;
  private final MultiGauge state;
  private final MultiGauge heartbeatAge;
  private final MultiGauge leaseRemaining;
  private final MultiGauge heartbeatLatency;
  private final MultiGauge epoch;
  private final MultiGauge standbys;
  private final MultiGauge stoppedByOperator;
  private final MultiGauge uptime;
  private final MultiGauge streamEntries;
  private Map<String, Long> lengths = Map.of();
  private long lengthsReadAt;

  NetworkGauges(NetworkView network, MeterRegistry registry) {
    this.network = network;
    Gauge.builder("perseus.network.read.up", readUp, AtomicInteger::get)
        .description("1 when this scrape's read of the network from Redis succeeded, else 0")
        .register(registry);
    liveness = gauge(registry, "perseus.exchange.liveness", null, "1 for the exchange's liveness");
    state = gauge(registry, "perseus.exchange.state", null, "1 for the owner's lifecycle state");
    heartbeatAge =
        gauge(registry, "perseus.exchange.heartbeat.age", "seconds", "Since the last heartbeat");
    leaseRemaining =
        gauge(registry, "perseus.exchange.lease.remaining", "seconds", "Until the lease expires");
    heartbeatLatency =
        gauge(
            registry,
            "perseus.exchange.heartbeat.latency",
            "seconds",
            "The owner's last lease renewal round trip, as it recorded it");
    epoch =
        gauge(registry, "perseus.exchange.epoch", null, "The lease epoch; +1 at every takeover");
    standbys = gauge(registry, "perseus.exchange.standbys", null, "Instances waiting as standby");
    stoppedByOperator =
        gauge(
            registry,
            "perseus.exchange.stopped.by.operator",
            null,
            "1 while an operator's network-wide stop holds");
    uptime =
        gauge(registry, "perseus.exchange.uptime", "seconds", "Since the current owner claimed it");
    streamEntries =
        gauge(registry, "perseus.exchange.stream.entries", null, "Entries in the activity stream");
  }

  private static MultiGauge gauge(
      MeterRegistry registry, String name, String unit, String description) {
    return MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
  }

  /** Reads the network and replaces every row; on a failed read the rows go, read.up says why. */
  void refresh() {
    NetworkSnapshot snapshot;
    try {
      snapshot = network.snapshot();
      refreshLengths(snapshot);
      readUp.set(1);
    } catch (RuntimeException e) {
      readUp.set(0);
      snapshot = new NetworkSnapshot(java.time.Instant.now(), List.of());
    }
    List<ExchangeStatus> all = snapshot.exchanges();
    liveness.register(stateSet(all, "liveness", liveValues(), s -> s.liveness().wireName()), true);
    state.register(stateSet(all, "state", STATES, ExchangeStatus::state), true);
    heartbeatAge.register(rows(all, s -> seconds(s.heartbeatAgeMs())), true);
    leaseRemaining.register(
        rows(all, s -> s.leaseExpiresInMs() == null ? 0.0 : s.leaseExpiresInMs() / 1000.0), true);
    heartbeatLatency.register(rows(all, s -> seconds(latencyOf(s.owner()))), true);
    epoch.register(rows(all, s -> s.record() == null ? null : (double) s.record().epoch()), true);
    standbys.register(rows(all, s -> (double) s.standbys().size()), true);
    stoppedByOperator.register(rows(all, s -> s.stoppedByOperator() == null ? 0.0 : 1.0), true);
    uptime.register(rows(all, s -> seconds(s.uptimeMs())), true);
    Map<String, Long> known = lengths;
    streamEntries.register(
        rows(all, s -> known.containsKey(s.exchange()) ? (double) known.get(s.exchange()) : null),
        true);
  }

  private void refreshLengths(NetworkSnapshot snapshot) {
    long now = System.currentTimeMillis();
    if (now - lengthsReadAt < LENGTHS_MAX_AGE_MS) return;
    lengths =
        network.streamLengths(snapshot.exchanges().stream().map(ExchangeStatus::exchange).toList());
    lengthsReadAt = now;
  }

  private static List<String> liveValues() {
    List<String> out = new ArrayList<>();
    for (Liveness l : Liveness.values()) out.add(l.name().toLowerCase(Locale.ROOT));
    return out;
  }

  private static Long latencyOf(OwnerRecord owner) {
    return owner == null ? null : owner.heartbeatLatencyMs();
  }

  private static Double seconds(Long ms) {
    return ms == null ? null : ms / 1000.0;
  }

  /** One row per exchange; an exchange without a value has no row. */
  private static List<MultiGauge.Row<?>> rows(
      List<ExchangeStatus> all, Function<ExchangeStatus, Double> value) {
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    for (ExchangeStatus s : all) {
      Double v = value.apply(s);
      if (v != null) out.add(MultiGauge.Row.of(Tags.of("exchange", s.exchange()), v));
    }
    return out;
  }

  /** A Prometheus state set: one row per possible value, 1 for the current one. */
  private static List<MultiGauge.Row<?>> stateSet(
      List<ExchangeStatus> all,
      String label,
      List<String> values,
      Function<ExchangeStatus, String> current) {
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    for (ExchangeStatus s : all) {
      String now = current.apply(s);
      for (String v : values) {
        out.add(
            MultiGauge.Row.of(Tags.of("exchange", s.exchange(), label, v), v.equals(now) ? 1 : 0));
      }
    }
    return out;
  }
}
