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

/** Every known exchange with its liveness and its owner or last-known record. */
@Path("network/instances")
@RequestScoped
public class InstancesResource {
  @Inject NetworkView network;
  @Inject SnapshotJson json;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response instances(@Context HttpHeaders headers) {
    NetworkSnapshot snapshot = network.snapshot();
    return EntityTags.answer(json.of(snapshot), json.tag(snapshot), headers);
  }
}
