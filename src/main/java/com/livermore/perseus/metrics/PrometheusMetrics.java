package com.livermore.perseus.metrics;

import com.livermore.perseus.instance.InstanceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The instance's metrics in a Micrometer Prometheus registry, scraped at {@code /api/metrics}. */
@ApplicationScoped
public class PrometheusMetrics implements InstanceMetrics {
  private PrometheusMeterRegistry registry;
  private Timer renewals;
  private Counter renewalFailures;
  private Counter leasesLost;
  private Counter appends;
  private Counter suppressed;

  @PostConstruct
  void init() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    renewals =
        Timer.builder("perseus.lease.renewal")
            .description("Lease renewal round trips (the heartbeat script)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(5))
            .register(registry);
    renewalFailures =
        Counter.builder("perseus.lease.renewal.failures")
            .description("Renewals that could not reach Redis")
            .register(registry);
    leasesLost =
        Counter.builder("perseus.leases.lost")
            .description("Leases found expired or taken over")
            .register(registry);
    appends =
        Counter.builder("perseus.stream.appends")
            .description("Activity entries written")
            .register(registry);
    suppressed =
        Counter.builder("perseus.events.suppressed")
            .description("Identical errors folded into errors_suppressed")
            .register(registry);
  }

  @PreDestroy
  void close() {
    registry.close();
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void renewal(long nanos, boolean held) {
    renewals.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void renewalFailed() {
    renewalFailures.increment();
  }

  @Override
  public void leaseLost() {
    leasesLost.increment();
  }

  @Override
  public void appended(int entries) {
    appends.increment(entries);
  }

  @Override
  public void suppressed(long count) {
    suppressed.increment(count);
  }

  @Override
  public void leasesHeld(Supplier<Number> held) {
    Gauge.builder("perseus.leases.held", held)
        .description("1 while this instance holds its exchange's lease")
        .register(registry);
  }
}
