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

/** The merged activity of the network, newest first, paged with an opaque cursor. */
@Path("network/activity")
@RequestScoped
public class ActivityResource {
  @Inject NetworkView network;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response activity(
      @QueryParam("exchange") List<String> exchange,
      @QueryParam("type") List<String> type,
      @QueryParam("since") String since,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
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
