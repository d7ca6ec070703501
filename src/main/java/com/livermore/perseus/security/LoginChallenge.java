package com.livermore.perseus.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a caller without a valid login receives: API clients a 401 problem (RFC 9457) with a Basic
 * challenge, Faces AJAX requests a partial-response redirect, since jsf.js ignores a plain 302 and
 * a poll after session expiry would otherwise fail silently.
 */
final class LoginChallenge {
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String WWW_AUTHENTICATE = "Basic realm=\"Perseus Network\", charset=\"UTF-8\"";
  static final String PROBLEM_TYPE = "application/problem+json";
  static final String LOGIN_REQUIRED =
      "Log in with HTTP Basic as a network-viewer or network-admin user.";
  static final String WRONG_CREDENTIALS =
      "The user name or password is wrong; log in with HTTP Basic as a network-viewer or network-admin user.";
  static final String SESSION_CANNOT_COMMAND =
      "The console's session does not authorize commands through the API; send HTTP Basic"
          + " credentials of a network-admin user.";
  static final String MALFORMED_HEADER =
      "The Authorization header is not valid HTTP Basic: send the Base64 of user:password in UTF-8.";

  private LoginChallenge() {}

  /** The request's path within the application (servlet path and path info). */
  static String pathWithinApplication(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** Whether a path within the application belongs to the JAX-RS API. */
  static boolean isApiPath(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  static boolean isFacesAjax(String facesRequestHeader) {
    return "partial/ajax".equals(facesRequestHeader);
  }

  static String problemJson(String detail) {
    return problem(ProblemType.AUTHENTICATION_REQUIRED, 401, "Authentication required", detail);
  }

  /** An RFC 9457 problem body of the given type. */
  static String problem(ProblemType type, int status, String title, String detail) {
    return "{\"type\":\""
        + type.uri()
        + "\",\"title\":\""
        + jsonText(title)
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + jsonText(detail)
        + "\"}";
  }

  static String partialRedirectXml(String url) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
        + xmlAttribute(url)
        + "\"></redirect></partial-response>";
  }

  static String throttledJson(long retryAfterSeconds) {
    return problem(
        ProblemType.TOO_MANY_LOGINS,
        429,
        "Too many failed logins",
        "Too many failed logins of this user from your address; try again in "
            + retryAfterSeconds
            + " s.");
  }

  // The body of a refused request is never read: a client that stalls it gets its answer at once,
  // and the connection is closed after the answer so the server does not wait for the rest.
  static void sendUnauthorized(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", WWW_AUTHENTICATE);
    response.setHeader("Connection", "close");
    send(response, PROBLEM_TYPE, problemJson(detail));
  }

  /** A 403 problem without a challenge (so no browser asks for a password). */
  static void sendForbidden(
      HttpServletResponse response, ProblemType type, String title, String detail)
      throws IOException {
    sendProblem(response, type, HttpServletResponse.SC_FORBIDDEN, title, detail);
  }

  /** A problem answered before the body was read: the connection closes after it. */
  static void sendProblem(
      HttpServletResponse response, ProblemType type, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Connection", "close");
    send(response, PROBLEM_TYPE, problem(type, status, title, detail));
  }

  static void sendThrottled(HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    response.setHeader("Connection", "close");
    send(response, PROBLEM_TYPE, throttledJson(retryAfterSeconds));
  }

  /** A redirect with a relative {@code Location}: never built from the request's Host header. */
  static void sendRedirect(HttpServletResponse response, String path) throws IOException {
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", path);
    response.setHeader("Cache-Control", "no-store");
    WebSafetyFilter.setSafetyHeaders(response);
    response.setContentLength(0);
    response.flushBuffer();
  }

  static void sendPartialRedirect(HttpServletResponse response, String url) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    send(response, "text/xml;charset=UTF-8", partialRedirectXml(url));
  }

  // The response is completed here so that nothing later in the container's pipeline replaces the
  // body.
  private static void send(HttpServletResponse response, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setHeader("Cache-Control", "no-store");
    WebSafetyFilter.setSafetyHeaders(response);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.getOutputStream().close();
  }

  private static String jsonText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.toString();
  }

  private static String xmlAttribute(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
