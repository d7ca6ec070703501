package com.livermore.perseus.api;

import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.network.NetworkWatcher;
import com.livermore.perseus.registry.RecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Server-Sent Events: a {@code network} event with the whole network whenever a lease, a state or a
 * liveness changes (and once on connect), so clients need not poll.
 */
@Path("network/events")
@ApplicationScoped
public class EventsResource {
  @Inject NetworkView network;
  @Inject NetworkWatcher watcher;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Network changes as Server-Sent Events",
      description =
          "Each event is named `network`; its data is the same JSON as GET /network/instances.")
  @APIResponse(responseCode = "200", description = "An event stream")
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    send(sink, sse, network.snapshot());
    Consumer<NetworkSnapshot>[] self = new Consumer[1];
    self[0] =
        snapshot -> {
          if (sink.isClosed() || !send(sink, sse, snapshot)) watcher.unsubscribe(self[0]);
        };
    watcher.subscribe(self[0]);
  }

  /**
   * HEAD answers the stream's headers at once; without it, JAX-RS would run the GET method and hold
   * the connection open for events that HEAD must not carry.
   */
  @HEAD
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(hidden = true)
  public Response head() {
    return Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).build();
  }

  private static boolean send(SseEventSink sink, Sse sse, NetworkSnapshot snapshot) {
    OutboundSseEvent event =
        sse.newEventBuilder()
            .name("network")
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, RecordJson.write(snapshot))
            .build();
    try {
      sink.send(event).toCompletableFuture().join();
      return true;
    } catch (RuntimeException e) {
      try {
        sink.close();
      } catch (RuntimeException ignored) {
        // the client is already gone
      }
      return false;
    }
  }
}
