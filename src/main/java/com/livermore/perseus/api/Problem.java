package com.livermore.perseus.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.livermore.perseus.security.ProblemType;

/**
 * An RFC 9457 problem; {@code parameter} names the request parameter at fault, when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "parameter"})
public record Problem(String type, String title, int status, String detail, String parameter) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(ProblemType type, int status, String title, String detail) {
    return new Problem(type.uri(), title, status, detail, null);
  }

  public static Problem badParameter(String parameter, String detail) {
    return new Problem(
        ProblemType.INVALID_PARAMETER.uri(),
        "Invalid parameter '" + parameter + "'",
        400,
        detail,
        parameter);
  }
}
