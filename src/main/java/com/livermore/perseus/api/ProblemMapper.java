package com.livermore.perseus.api;

import com.livermore.perseus.activity.InvalidCursorException;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.security.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes an {@code application/problem+json} response: bad input 400 naming the
 * parameter, unknown paths 404, Redis down 503, anything unexpected 500 without a stack trace
 * (which goes to the server log instead).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    Response answer = Json.problem(problemFor(e));
    // JAX-RS names the resource's methods in its 405; the problem keeps them.
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 405) {
      Object allow = w.getResponse().getHeaders().getFirst("Allow");
      if (allow != null) return Response.fromResponse(answer).header("Allow", allow).build();
    }
    return answer;
  }

  /** When a 503 was last logged (ms); one line per 10 s is enough to see why during an outage. */
  private static final java.util.concurrent.atomic.AtomicLong lastUnavailableLog =
      new java.util.concurrent.atomic.AtomicLong();

  private static void logUnavailable(Throwable e) {
    long now = System.currentTimeMillis();
    long last = lastUnavailableLog.get();
    if (now - last < 10_000 || !lastUnavailableLog.compareAndSet(last, now)) return;
    Throwable cause =
        e instanceof NetworkUnavailableException && e.getCause() != null ? e.getCause() : e;
    LOG.warning(
        "Answered 503: Redis did not answer ("
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage()
            + "); further 503s within 10 s are not logged.");
  }

  static Problem problemFor(Throwable e) {
    if (e instanceof ProblemException p) return p.problem();
    if (e instanceof InvalidCursorException c)
      return Problem.badParameter("cursor", c.getMessage());
    if (e instanceof NetworkUnavailableException || NetworkUnavailableException.isRedisFailure(e)) {
      logUnavailable(e);
      return Problem.of(
          ProblemType.REDIS_UNAVAILABLE,
          503,
          "Redis unreachable",
          "The network state is kept in Redis, which is not answering; try again shortly.");
    }
    if (e instanceof WebApplicationException w) {
      int status = w.getResponse().getStatus();
      return switch (status) {
        case 404 ->
            Problem.of(
                ProblemType.NOT_FOUND,
                404,
                "Not found",
                "There is no such resource in the Perseus API.");
        case 405 ->
            Problem.of(
                ProblemType.METHOD_NOT_ALLOWED,
                405,
                "Method not allowed",
                "This resource does not support that HTTP method.");
        case 406 ->
            Problem.of(
                ProblemType.NOT_ACCEPTABLE,
                406,
                "Not acceptable",
                "This resource answers with application/json.");
        case 415 ->
            Problem.of(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                415,
                "Unsupported media type",
                "Send application/json.");
        case 401 ->
            Problem.of(
                ProblemType.AUTHENTICATION_REQUIRED,
                401,
                "Authentication required",
                "Log in with HTTP Basic as a network-viewer or network-admin user.");
        case 403 ->
            Problem.of(ProblemType.FORBIDDEN, 403, "Forbidden", "Your role does not allow this.");
        default ->
            status >= 500
                ? internal(e)
                : Problem.of(
                    ProblemType.BAD_REQUEST,
                    status,
                    "Bad request",
                    "The request could not be understood.");
      };
    }
    return internal(e);
  }

  private static Problem internal(Throwable e) {
    LOG.log(Level.SEVERE, "Unexpected error in the Perseus API", e);
    return Problem.of(
        ProblemType.INTERNAL,
        500,
        "Internal error",
        "The server failed to answer; the cause is in its log.");
  }
}
