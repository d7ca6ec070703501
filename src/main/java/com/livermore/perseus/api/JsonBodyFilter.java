package com.livermore.perseus.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A state-changing API request must say {@code Content-Type: application/json} (charset UTF-8 or
 * none), else 415 before its body is read: a browser form or a {@code no-cors} fetch from another
 * page cannot send that type without a CORS preflight, which this server never grants.
 */
@Provider
public class JsonBodyFilter implements ContainerRequestFilter {
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!STATE_CHANGING.contains(request.getMethod())) return;
    refusal(request.getHeaderString("Content-Type"))
        .ifPresent(
            detail -> {
              throw new ProblemException(Problem.of(415, "Unsupported media type", detail));
            });
  }

  /** Why a Content-Type header is refused, or empty if it is JSON in UTF-8. */
  static Optional<String> refusal(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.of("Send the body with Content-Type: application/json.");
    }
    String[] parts = contentType.split(";", -1);
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals(MediaType.APPLICATION_JSON)) {
      return Optional.of("Send the body with Content-Type: application/json.");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        return Optional.of(
            "The Content-Type header is not a valid media type; send Content-Type: application/json.");
      }
      String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = parameter.substring(equals + 1).trim().replace("\"", "");
      if (name.equals(MediaType.CHARSET_PARAMETER) && !value.equalsIgnoreCase("utf-8")) {
        return Optional.of("The body must be UTF-8: send charset=utf-8 or no charset.");
      }
    }
    return Optional.empty();
  }
}
