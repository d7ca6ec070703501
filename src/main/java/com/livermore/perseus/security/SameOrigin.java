package com.livermore.perseus.security;

import com.livermore.perseus.config.InvalidConfigurationException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a state-changing request comes from this server's own pages. Browsers send {@code Origin}
 * with every POST, PUT, PATCH and DELETE (and {@code Sec-Fetch-Site}); a page elsewhere, another
 * port of the same host or a sibling subdomain included, cannot forge either. The server's own
 * origin is the authority of the request's {@code Host} header, compared without the scheme (a
 * TLS-terminating proxy forwards {@code https} pages over {@code http}) and without a default port.
 * Clients that are not browsers (curl, scripts) send neither header and are not affected.
 */
final class SameOrigin {
  static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private SameOrigin() {}

  /** {@link #refusal(String, String, String, String, LoginSettings)} for a servlet request. */
  static Optional<String> refusal(
      jakarta.servlet.http.HttpServletRequest request, LoginSettings settings) {
    return refusal(
        request.getMethod(),
        request.getHeader("Origin"),
        request.getHeader("Sec-Fetch-Site"),
        request.getHeader("Host"),
        settings);
  }

  /**
   * Why the request must be refused, or empty when it may go on: a safe method, no browser headers,
   * or an {@code Origin} that is the server's own or one of {@code settings}' allowed origins.
   */
  static Optional<String> refusal(
      String method, String origin, String fetchSite, String host, LoginSettings settings) {
    if (!STATE_CHANGING.contains(method)) return Optional.empty();
    if (origin != null) {
      if (settings.allows(origin.trim())) return Optional.empty();
      String authority = authorityOf(origin.trim());
      if (authority != null && authority.equals(normalizedHost(host))) return Optional.empty();
      return Optional.of(
          "This request comes from a page of another origin; commands are accepted only from the"
              + " console's own pages (or from clients that send no Origin header).");
    }
    if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
      return Optional.of(
          "This request comes from a page of another site; commands are accepted only from the"
              + " console's own pages.");
    }
    return Optional.empty();
  }

  /** host[:port] of an origin, lower case, the scheme's default port dropped; null if malformed. */
  static String authorityOf(String origin) {
    if (origin.equals("null")) return null;
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || scheme == null
          || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) return null;
      int port = uri.getPort();
      boolean defaultPort =
          port < 0
              || (port == 80 && scheme.equalsIgnoreCase("http"))
              || (port == 443 && scheme.equalsIgnoreCase("https"));
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return defaultPort ? host : host + ":" + port;
    } catch (Exception e) {
      return null;
    }
  }

  /** The Host header, lower case, without :80 or :443. */
  static String normalizedHost(String host) {
    if (host == null) return "";
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.endsWith(":80")) return h.substring(0, h.length() - 3);
    if (h.endsWith(":443")) return h.substring(0, h.length() - 4);
    return h;
  }

  /** Reads one configured origin; the deployment fails naming the property if it is not one. */
  static String parseOrigin(String property, String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (o.endsWith("/")) o = o.substring(0, o.length() - 1);
    if (o.startsWith("https://") && o.endsWith(":443")) o = o.substring(0, o.length() - 4);
    if (o.startsWith("http://") && o.endsWith(":80")) o = o.substring(0, o.length() - 3);
    if (authorityOf(o) == null || !(o.startsWith("http://") || o.startsWith("https://"))) {
      throw new InvalidConfigurationException(
          property
              + " must be a comma list of origins such as https://perseus.example.com (scheme, host"
              + " and optional port, no path), but contained '"
              + origin
              + "'.");
    }
    return o;
  }
}
