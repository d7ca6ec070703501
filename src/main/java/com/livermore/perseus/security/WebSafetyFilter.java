package com.livermore.perseus.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every response carries and every state-changing request must show. Refuses a POST, PUT,
 * PATCH or DELETE from a page of another origin ({@link SameOrigin}) with a 403 problem before
 * anything reads it. Sets {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code
 * X-Frame-Options}, {@code Cache-Control: no-store} on everything but static resources, and a
 * {@code Content-Security-Policy} on everything that is not a Faces page (PrimeFaces writes the
 * pages' own policy, with a nonce per response). Redirects keep the relative location the
 * application gave, instead of the container's absolute one built from the {@code Host} header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSafetyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** For responses that are not Faces pages: JSON, problems, the error page. */
  static final String OTHER_CSP =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors"
          + " 'none'; base-uri 'none'; form-action 'self'";

  @Inject LoginGuard guard;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = pathWithinApplication(request);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    if (!isStaticResource(path)) response.setHeader("Cache-Control", "no-store");
    if (!path.endsWith(".xhtml") || isStaticResource(path))
      response.setHeader("Content-Security-Policy", OTHER_CSP);
    Optional<String> refused =
        SameOrigin.refusal(
            request.getMethod(),
            request.getHeader("Origin"),
            request.getHeader("Sec-Fetch-Site"),
            request.getHeader("Host"),
            guard.settings());
    if (refused.isPresent()) {
      sendForbidden(response, refused.get());
      return;
    }
    chain.doFilter(request, new RelativeRedirects(response));
  }

  static boolean isStaticResource(String path) {
    return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
  }

  private static void sendForbidden(HttpServletResponse response, String detail)
      throws IOException {
    byte[] body =
        ("{\"type\":\"about:blank\",\"title\":\"Cross-origin request refused\",\"status\":403,"
                + "\"detail\":\""
                + detail
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader("Connection", "close");
    response.setContentType(LoginChallenge.PROBLEM_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String pathWithinApplication(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** {@code sendRedirect} with the location as given when it is a path: no Host header in it. */
  static final class RelativeRedirects extends HttpServletResponseWrapper {
    RelativeRedirects(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (location == null || !location.startsWith("/") || location.startsWith("//")) {
        super.sendRedirect(location);
        return;
      }
      if (isCommitted()) throw new IllegalStateException("The response is already committed.");
      resetBuffer();
      setStatus(SC_FOUND);
      setHeader("Location", location);
      setContentLength(0);
      flushBuffer();
    }
  }
}
