package com.livermore.perseus.security;

/**
 * The kinds of RFC 9457 problem the application answers, each with its own {@code type} URI, so a
 * client tells errors apart by type rather than by title. The URIs are tag URIs: names, not pages
 * to fetch. They are a public contract (README, OpenAPI document).
 */
public enum ProblemType {
  INVALID_PARAMETER("invalid-parameter"),
  BAD_REQUEST("bad-request"),
  AUTHENTICATION_REQUIRED("authentication-required"),
  FORBIDDEN("forbidden"),
  CROSS_ORIGIN("cross-origin"),
  NOT_FOUND("not-found"),
  UNKNOWN_EXCHANGE("unknown-exchange"),
  METHOD_NOT_ALLOWED("method-not-allowed"),
  NOT_ACCEPTABLE("not-acceptable"),
  REQUEST_TIMEOUT("request-timeout"),
  NO_STANDBY("no-standby"),
  NOT_A_STANDBY("not-a-standby"),
  BODY_TOO_LARGE("body-too-large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
  TOO_MANY_LOGINS("too-many-logins"),
  INTERNAL("internal"),
  REDIS_UNAVAILABLE("redis-unavailable");

  static final String PREFIX = "tag:perseus.livermore.com,2026:problems/";

  private final String slug;

  ProblemType(String slug) {
    this.slug = slug;
  }

  public String uri() {
    return PREFIX + slug;
  }
}
