package com.livermore.perseus.api;

import com.livermore.perseus.metrics.PrometheusMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Prometheus metrics of this instance (Micrometer), for a scraper with a network-viewer login. */
@Path("metrics")
@RequestScoped
public class MetricsResource {
  @Inject PrometheusMetrics metrics;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  @Operation(
      summary = "Prometheus metrics",
      description =
          "perseus_leases_held, perseus_lease_renewal_seconds (histogram), "
              + "perseus_lease_renewal_failures_total, perseus_leases_lost_total, perseus_stream_appends_total, perseus_events_suppressed_total, "
              + "and the webhook sender's perseus_webhook_deliveries_total, perseus_webhook_failures_total, perseus_webhook_retries_total, "
              + "perseus_webhook_dropped_total and perseus_webhook_queued.")
  public String metrics() {
    return metrics.scrape();
  }
}
