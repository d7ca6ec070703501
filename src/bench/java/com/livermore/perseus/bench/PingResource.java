package com.livermore.perseus.bench;

import com.livermore.perseus.registry.RecordJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The throughput baseline: a JAX-RS endpoint that does no work, behind the same login, filters and
 * JSON writing as the API. Added to the benchmark's copy of the WAR only, never to the shipped one.
 */
@Path("bench/ping")
@RequestScoped
public class PingResource {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response ping() {
    return Response.ok(RecordJson.write(Map.of("pong", true)), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
