package com.livermore.perseus.api;

import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.network.NetworkView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The merged activity of the network, newest first, paged with an opaque cursor. */
@Path("network/activity")
@RequestScoped
public class ActivityResource {
  @Inject NetworkView network;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Network activity",
      description =
          "Entries of every (or the chosen) exchange's stream, merged newest first. Pass `next` back as `cursor` for the following page; the cursor stays valid while new entries arrive.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "page", value = Examples.ACTIVITY)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is invalid; `parameter` names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "limit", value = Examples.BAD_LIMIT)))
  @APIResponse(
      responseCode = "503",
      description = "Redis unreachable",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response activity(
      @Parameter(description = "exchange ids, repeated or comma-separated; all when absent")
          @QueryParam("exchange")
          List<String> exchange,
      @Parameter(description = "event types, repeated or comma-separated, e.g. state_changed")
          @QueryParam("type")
          List<String> type,
      @Parameter(description = "only entries at or after this ISO-8601 UTC time")
          @QueryParam("since")
          String since,
      @Parameter(description = "the `next` value of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "entries per page, 1-500 (default 50)") @QueryParam("limit")
          String limit,
      @Context UriInfo uri) {
    List<String> exchanges = Parameters.exchanges(exchange);
    ActivityQuery query =
        new ActivityQuery(
            exchanges.isEmpty() ? network.knownExchanges() : exchanges,
            Parameters.types(type),
            Parameters.since(since),
            Parameters.cursor(cursor),
            Parameters.limit(limit));
    ActivityPage page = network.activity(query);
    Response answer =
        Json.ok(
            new Responses.Activity(
                Instant.now(),
                page.entries().stream().map(ActivityItem::of).toList(),
                page.next()));
    if (page.next() == null) return answer;
    return Response.fromResponse(answer).header("Link", next(uri, page.next())).build();
  }

  /** RFC 8288 link to the next page: this request with the cursor replaced, host-relative. */
  static String next(UriInfo uri, String cursor) {
    URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
    return "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"";
  }
}
