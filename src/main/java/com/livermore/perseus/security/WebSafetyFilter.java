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
import java.util.Optional;

/**
 * What every response carries and every state-changing request must show. Refuses a POST, PUT,
 * PATCH or DELETE from a page of another origin ({@link SameOrigin}) with a 403 problem, and a
 * state-changing API request that is not JSON in UTF-8 ({@link JsonContentType}) with a 415, before
 * anything reads its body. Sets {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code
 * X-Frame-Options}, {@code Cache-Control: no-store} on everything but static resources, and a
 * {@code Content-Security-Policy} on everything that is not a Faces page (PrimeFaces writes the
 * pages' own policy, with a nonce per response). Redirects keep the relative location the
 * application gave, instead of the container's absolute one built from the {@code Host} header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSafetyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** For responses that are not Faces pages: JSON, problems, the error page. */
  public static final String OTHER_CSP =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors"
          + " 'none'; base-uri 'none'; form-action 'self'";

  @Inject LoginGuard guard;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = LoginChallenge.pathWithinApplication(request);
    setHeaders(response, path);
    Optional<String> refused = SameOrigin.refusal(request, guard.settings());
    if (refused.isPresent()) {
      sendForbidden(response, refused.get());
      return;
    }
    if (LoginChallenge.isApiPath(path) && SameOrigin.STATE_CHANGING.contains(request.getMethod())) {
      Optional<String> notJson = JsonContentType.refusal(request.getHeader("Content-Type"));
      if (notJson.isPresent()) {
        sendProblem(
            response,
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            415,
            "Unsupported media type",
            notJson.get());
        return;
      }
    }
    // Console forms are read as UTF-8, as the API reads its bodies and Basic credentials (the login
    // view is stateless, so Faces has no session to carry a charset in). Not set for the API: the
    // container would rewrite the request's Content-Type, which the check above must see as sent.
    if (!LoginChallenge.isApiPath(path) && request.getCharacterEncoding() == null) {
      request.setCharacterEncoding("UTF-8");
    }
    try {
      if (isFacesPostWithoutNonce(request, path)) {
        sendProblem(
            response, ProblemType.BAD_REQUEST, 400, "Form token missing", FORM_TOKEN_MISSING);
        return;
      }
      chain.doFilter(request, new RelativeRedirects(response));
    } catch (ServletException | RuntimeException e) {
      // A Faces form posted without the page's CSP nonce (or with another page's): the client's
      // fault, answered 400 rather than with the error page's 500.
      if (!isCspRefusal(e) || response.isCommitted()) throw e;
      response.reset();
      setHeaders(response, path);
      sendProblem(response, ProblemType.BAD_REQUEST, 400, "Form token missing", FORM_TOKEN_MISSING);
    }
  }

  private static final String FORM_TOKEN_MISSING =
      "The form was sent without this page's security token; reload the page and try again.";

  /**
   * A Faces postback or AJAX request must carry the nonce PrimeFaces gave its page (its script adds
   * it to every form and request); without it PrimeFaces fails the request, and for AJAX that
   * becomes a 500 before this filter could turn it into a 400.
   */
  static boolean isFacesPostWithoutNonce(HttpServletRequest request, String path) {
    if (!"POST".equals(request.getMethod()) || !path.endsWith(".xhtml") || isStaticResource(path))
      return false;
    boolean faces =
        "partial/ajax".equals(request.getHeader("Faces-Request"))
            || request.getParameter("jakarta.faces.ViewState") != null;
    if (!faces) return false;
    String nonce = request.getParameter("primefaces.nonce");
    return nonce == null || nonce.isBlank();
  }

  private static void setHeaders(HttpServletResponse response, String path) {
    setCommonHeaders(response);
    if (!isStaticResource(path)) response.setHeader("Cache-Control", "no-store");
    if (!path.endsWith(".xhtml") || isStaticResource(path))
      response.setHeader("Content-Security-Policy", OTHER_CSP);
  }

  private static void setCommonHeaders(HttpServletResponse response) {
    // Grizzly sends no Date; caches and clients judging freshness (RFC 9110 §6.6.1) need one.
    response.setDateHeader("Date", System.currentTimeMillis());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
  }

  /**
   * The headers of a response that is not a Faces page, for answers written before (or instead of)
   * this filter: the mechanism's challenges and redirects, {@code MethodFilter}'s refusals.
   */
  public static void setSafetyHeaders(HttpServletResponse response) {
    setCommonHeaders(response);
    response.setHeader("Content-Security-Policy", OTHER_CSP);
  }

  static boolean isCspRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().equals("org.primefaces.csp.CspException")) return true;
    }
    return false;
  }

  static boolean isStaticResource(String path) {
    return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
  }

  private static void sendForbidden(HttpServletResponse response, String detail)
      throws IOException {
    sendProblem(
        response,
        ProblemType.CROSS_ORIGIN,
        HttpServletResponse.SC_FORBIDDEN,
        "Cross-origin request refused",
        detail);
  }

  private static void sendProblem(
      HttpServletResponse response, ProblemType type, int status, String title, String detail)
      throws IOException {
    LoginChallenge.sendProblem(response, type, status, title, detail);
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
