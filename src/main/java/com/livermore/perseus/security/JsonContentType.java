package com.livermore.perseus.security;

import java.util.Locale;
import java.util.Optional;

/**
 * A state-changing API request must say {@code Content-Type: application/json} (charset UTF-8 or
 * none), else 415 before anything reads its body: a browser form or a {@code no-cors} fetch from
 * another page cannot send that type without a CORS preflight, which this server never grants.
 * Checked by {@link WebSafetyFilter} before JAX-RS parses the header, so a malformed one is a 415
 * problem too.
 */
final class JsonContentType {
  private static final String JSON = "application/json";

  private JsonContentType() {}

  /** Why a Content-Type header is refused, or empty if it is JSON in UTF-8. */
  static Optional<String> refusal(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.of("Send the body with Content-Type: application/json.");
    }
    String[] parts = contentType.split(";", -1);
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals(JSON)) {
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
      if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) {
        return Optional.of("The body must be UTF-8: send charset=utf-8 or no charset.");
      }
    }
    return Optional.empty();
  }
}
