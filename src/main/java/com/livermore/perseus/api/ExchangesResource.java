package com.livermore.perseus.api;

import com.livermore.perseus.network.NetworkView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One exchange's status. */
@Path("network/exchanges")
@RequestScoped
public class ExchangesResource {
  @Inject NetworkView network;

  @GET
  @Path("{exchange}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response exchange(@PathParam("exchange") String exchange, @Context HttpHeaders headers) {
    String id = Parameters.exchange(exchange);
    return network
        .exchange(id)
        .map(s -> EntityTags.ok(new Responses.Exchange(java.time.Instant.now(), s), headers))
        .orElseThrow(() -> ProblemException.unknownExchange(id));
  }
}
