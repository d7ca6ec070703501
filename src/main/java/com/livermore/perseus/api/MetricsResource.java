package com.livermore.perseus.api;

import com.livermore.perseus.metrics.PrometheusMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus metrics of this instance (Micrometer), for a scraper with a network-viewer login. */
@Path("metrics")
@RequestScoped
public class MetricsResource {
  @Inject PrometheusMetrics metrics;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String metrics() {
    return metrics.scrape();
  }
}
