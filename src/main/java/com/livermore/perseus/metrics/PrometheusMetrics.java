package com.livermore.perseus.metrics;

import com.livermore.perseus.instance.InstanceIdentity;
import com.livermore.perseus.instance.InstanceMetrics;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.notify.WebhookNotifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The instance's metrics in a Micrometer Prometheus registry, scraped at {@code /api/metrics}: the
 * lease and stream counters the instance reports, and the webhook notifier's delivery counters.
 */
@ApplicationScoped
public class PrometheusMetrics implements InstanceMetrics {
  @Inject WebhookNotifier notifier;
  @Inject NetworkView network;

  private PrometheusMeterRegistry registry;
  private Timer renewals;
  private Counter renewalFailures;
  private Counter leasesLost;
  private Counter appends;
  private Counter suppressed;
  private NetworkGauges networkGauges;

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
            .description("Leases lost: found expired or taken over, or not renewed in time")
            .register(registry);
    appends =
        Counter.builder("perseus.stream.appends")
            .description("Activity entries written")
            .register(registry);
    suppressed =
        Counter.builder("perseus.events.suppressed")
            .description("Identical errors folded into errors_suppressed")
            .register(registry);
    webhooks();
    networkGauges = new NetworkGauges(network, registry);
  }

  /** The notifier's own counts, read at each scrape. */
  private void webhooks() {
    count("deliveries", WebhookNotifier::delivered, "Webhook posts a receiver accepted");
    count("failures", WebhookNotifier::failed, "Webhook posts given up on after their attempts");
    count("retries", WebhookNotifier::retries, "Webhook attempts after the first");
    count("dropped", WebhookNotifier::dropped, "Notifications dropped: the webhook queue was full");
    Gauge.builder("perseus.webhook.queued", notifier, WebhookNotifier::queued)
        .description("Notifications waiting for the webhook sender")
        .register(registry);
  }

  private void count(String name, ToDoubleFunction<WebhookNotifier> read, String description) {
    FunctionCounter.builder("perseus.webhook." + name, notifier, read)
        .description(description)
        .register(registry);
  }

  @PreDestroy
  void close() {
    registry.close();
  }

  /** The Prometheus text exposition of every metric, with the network read now. */
  public String scrape() {
    networkGauges.refresh();
    return registry.scrape();
  }

  @Override
  public void identity(InstanceIdentity identity, String exchange) {
    Gauge.builder("perseus.instance.info", () -> 1)
        .description("This instance: its id, exchange and host (value 1)")
        .tags("instance_id", identity.instanceId(), "exchange", exchange)
        .tag("hostname", identity.hostname())
        .register(registry);
    Gauge.builder("perseus.build.info", () -> 1)
        .description("The Perseus version this instance runs (value 1)")
        .tag("version", identity.version())
        .register(registry);
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
