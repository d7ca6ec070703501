package com.livermore.perseus.api;

import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.security.ProblemType;
import com.livermore.perseus.security.WebSafetyFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Answers a request outside the API with a method that no page serves (PATCH, or an invented one)
 * with a 405 problem and an {@code Allow} header, instead of the servlet container's 501 page. The
 * API answers every method itself: JAX-RS knows each resource's methods for its {@code Allow}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MethodFilter extends HttpFilter {
  static final Set<String> SERVED =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE");

  /** What the console's pages serve. */
  static final String ALLOW = "GET, HEAD, POST, OPTIONS";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!SERVED.contains(request.getMethod()) && !isApi(request)) {
      response.setHeader("Allow", ALLOW);
      send(
          response,
          Problem.of(
              ProblemType.METHOD_NOT_ALLOWED,
              405,
              "Method Not Allowed",
              "This method is not served here; see Allow."));
    } else if (!wellEscaped(request.getQueryString())) {
      send(
          response,
          Problem.badParameter(
              "query string",
              "The query string has a broken percent-escape: '%' must be followed by two hex"
                  + " digits."));
    } else {
      chain.doFilter(request, response);
    }
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getServletPath();
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** True when every '%' in {@code query} starts a two-hex-digit escape (or there is no query). */
  static boolean wellEscaped(String query) {
    if (query == null) return true;
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length()) return false;
      if (Character.digit(query.charAt(i + 1), 16) < 0
          || Character.digit(query.charAt(i + 2), 16) < 0) return false;
    }
    return true;
  }

  private static void send(HttpServletResponse response, Problem problem) throws IOException {
    byte[] body = RecordJson.write(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatus(problem.status());
    response.setHeader("Cache-Control", "no-store");
    // Answered before (or without) the filter that sets these on every other response.
    WebSafetyFilter.setSafetyHeaders(response);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
