package com.livermore.perseus.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * Network status is live data: no cache may keep it ({@code Cache-Control: no-store}), and every
 * answer says when the server produced it ({@code Perseus-Server-Time}) so clients can judge
 * freshness.
 */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("Cache-Control", "no-store");
    response.getHeaders().putSingle("Perseus-Server-Time", Instant.now().toString());
  }
}
