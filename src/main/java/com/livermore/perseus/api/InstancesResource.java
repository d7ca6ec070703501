package com.livermore.perseus.api;

import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every known exchange with its liveness and its owner or last-known record. */
@Path("network/instances")
@RequestScoped
public class InstancesResource {
  @Inject NetworkView network;
  @Inject SnapshotJson json;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The whole network",
      description =
          "Every known exchange, read in one pipelined batch, with liveness computed on the server.")
  @APIResponse(
      responseCode = "200",
      description = "The network now",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NetworkSnapshot.class),
              examples = @ExampleObject(name = "one alive exchange", value = Examples.INSTANCES)))
  @APIResponse(responseCode = "401", description = "Not logged in")
  @APIResponse(responseCode = "503", description = "Redis unreachable")
  public Response instances(@Context HttpHeaders headers) {
    NetworkSnapshot snapshot = network.snapshot();
    return EntityTags.answer(json.of(snapshot), json.tag(snapshot), headers);
  }
}
