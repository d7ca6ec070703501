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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One exchange's status. */
@Path("network/exchanges")
@RequestScoped
public class ExchangesResource {
  @Inject NetworkView network;

  @GET
  @Path("{exchange}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "One exchange",
      description =
          "Liveness, owner or last-known record, heartbeat age and uptime of one exchange.")
  @APIResponse(
      responseCode = "200",
      description = "The exchange now",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "alive", value = Examples.EXCHANGE)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid exchange id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad id", value = Examples.BAD_EXCHANGE)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown exchange",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "Redis unreachable",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response exchange(@PathParam("exchange") String exchange, @Context HttpHeaders headers) {
    String id = Parameters.exchange(exchange);
    return network
        .exchange(id)
        .map(s -> EntityTags.ok(new Responses.Exchange(java.time.Instant.now(), s), headers))
        .orElseThrow(() -> ProblemException.unknownExchange(id));
  }
}
