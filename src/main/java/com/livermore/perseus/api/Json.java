package com.livermore.perseus.api;

import com.livermore.perseus.registry.RecordJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Serialises response bodies with the same Jackson mapper as the Redis records, so the API's field
 * names, times and enums are exactly those stored in Redis. Writing the JSON here, rather than
 * through a MessageBodyWriter, keeps the output independent of which JSON provider a server prefers
 * (Payara's Jersey ships JSON-B).
 */
final class Json {
  private static final java.util.Set<Integer> BODY_UNREAD = java.util.Set.of(403, 408, 413, 415);

  private Json() {}

  static Response ok(Object body) {
    return Response.ok(RecordJson.write(body), MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response problem(Problem problem) {
    Response.ResponseBuilder r =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(RecordJson.write(problem))
            .header("Cache-Control", "no-store");
    if (problem.status() == 503) r.header("Retry-After", "5");
    // Answered before the body was read (or while it stalled): close rather than wait for the rest.
    if (BODY_UNREAD.contains(problem.status())) r.header("Connection", "close");
    return r.build();
  }
}
