package com.livermore.perseus.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates raw HTTP/1.1 requests a hostile or broken client might send: every endpoint and some
 * that do not exist, every method, bad and huge parameters, broken percent-encodings and UTF-8,
 * injection strings, extreme dates, malformed JSON bodies, bogus and missing content types and
 * charsets, bodies that stall, giant headers, foreign origins and malformed credentials.
 * Deterministic for a seed, so a failure can be replayed.
 */
public final class HostileRequests {
  static final List<String> METHODS =
      List.of(
          "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
          "BREW");
  static final List<String> PATHS =
      List.of(
          "/api/network/instances",
          "/api/network/exchanges",
          "/api/network/exchanges/{x}",
          "/api/network/exchanges/{x}/commands",
          "/api/network/activity",
          "/api/network/events",
          "/api/metrics",
          "/api/{x}",
          "/health",
          "/health/ready",
          "/openapi",
          "/console/network.xhtml",
          "/console/{x}.xhtml",
          "/login.xhtml",
          "/{x}",
          "/resources/{x}",
          "/jakarta.faces.resource/{x}.js.xhtml");
  static final List<String> NASTY =
      List.of(
          "coinbase",
          "Coinbase",
          "' OR '1'='1",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "../../../../etc/passwd",
          "..%2f..%2fWEB-INF%2fweb.xml",
          "%00",
          "%zz",
          "%c0%af",
          "%ff%fe%fd",
          "%25252e%25252e",
          "${jndi:ldap://127.0.0.1/x}",
          "#{7*7}",
          "{{7*7}}",
          "*",
          "-1",
          "0",
          "99999999999999999999999",
          "1e400",
          "NaN",
          "null",
          "true",
          "%E2%80%AE",
          "%F0%9F%92%A5",
          "a;b",
          "a%0d%0aSet-Cookie:%20x=1",
          "\u00e9t\u00e9",
          "-999999999-01-01T00:00:00Z",
          "%2B1000000000-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z",
          "9999-12-31T23:59:59.999999999Z",
          "2026-02-30T00:00:00Z",
          "%E2%80%AEevil",
          "%");
  static final List<String> PARAMS =
      List.of("limit", "cursor", "exchange", "type", "since", "until", "q", "page", "size", "x");
  static final List<String> BODIES =
      List.of(
          "",
          "{",
          "null",
          "[]",
          "{\"command\":null}",
          "{\"command\":42}",
          "{\"command\":\"explode\"}",
          "{\"command\":\"force-start\",\"confirm\":\"yes\"}",
          "{\"command\":[\"stop\"]}",
          "{\"unknown\":true}",
          "\u0000\u0001\u0002",
          "<xml/>",
          "{\"command\":\"" + "x".repeat(10_000) + "\"}");

  private final Random random;
  private final String host;
  private final List<String> authorizations;

  /** {@code authorizations}: valid Authorization values to mix with missing and broken ones. */
  public HostileRequests(long seed, String host, List<String> authorizations) {
    this.random = new Random(seed);
    this.host = host;
    this.authorizations = List.copyOf(authorizations);
  }

  /** One request, as the bytes a client would write (with {@code Connection: close}). */
  public byte[] next() {
    String method = pick(METHODS);
    StringBuilder target = new StringBuilder(pick(PATHS).replace("{x}", token()));
    int params = random.nextInt(4);
    for (int i = 0; i < params; i++) {
      target.append(i == 0 ? '?' : '&').append(pick(PARAMS)).append('=').append(token());
    }
    if (random.nextInt(50) == 0) target.append("&huge=").append("A".repeat(6000));
    List<String> headers = new ArrayList<>();
    headers.add("Host: " + host);
    String authorization = authorization();
    if (authorization != null) headers.add("Authorization: " + authorization);
    if (random.nextInt(10) == 0) headers.add("Faces-Request: partial/ajax");
    if (random.nextInt(10) == 0)
      headers.add("Accept: " + pick(List.of("text/html", "*/*", "application/xml", "x/y;q=bad")));
    if (random.nextInt(50) == 0) headers.add("X-Giant: " + "G".repeat(random.nextInt(40_000)));
    if (random.nextInt(20) == 0)
      headers.add("Origin: " + pick(List.of("http://evil.example", "null", "http://" + host)));
    headers.add("Connection: close");
    String body = "";
    if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      body = pick(BODIES);
      String type =
          pick(
              List.of(
                  "application/json",
                  "application/json",
                  "text/plain",
                  "application/x-www-form-urlencoded",
                  "garbage",
                  "application/json; charset=bogus",
                  "application/json; charset=",
                  "application/json;;;",
                  "application/x-www-form-urlencoded; charset=bogus",
                  ""));
      if (!type.isEmpty()) headers.add("Content-Type: " + type);
      // Now and then a body shorter than announced: it stalls until the server's read timeout.
      int stall = random.nextInt(100) == 0 ? 50 : 0;
      headers.add("Content-Length: " + (body.getBytes(StandardCharsets.UTF_8).length + stall));
    }
    // A client cannot put a space or a fragment in a request target; everything else goes raw.
    String requestTarget = target.toString().replace(" ", "%20").replace("#", "%23");
    String request =
        method
            + " "
            + requestTarget
            + " HTTP/1.1\r\n"
            + String.join("\r\n", headers)
            + "\r\n\r\n"
            + body;
    return request.getBytes(StandardCharsets.UTF_8);
  }

  private String authorization() {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> "Basic !!!not-base64!!!";
      case 2 ->
          "Basic "
              + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
      case 3 ->
          "Basic "
              + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8));
      case 4 -> "Bearer " + token();
      default -> pick(authorizations);
    };
  }

  private String token() {
    String t = pick(NASTY);
    return random.nextInt(20) == 0 ? t.repeat(200) : t;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
