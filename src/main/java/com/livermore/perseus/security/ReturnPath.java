package com.livermore.perseus.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the login sends a person back to: the console page they asked for before logging in (a
 * bookmark of an exchange page, say). Only a console page, with at most an exchange id, is taken:
 * never another site, never a path with anything else in it.
 */
public final class ReturnPath {
  private static final Pattern CONSOLE_PAGE =
      Pattern.compile("/console/[a-z]{1,32}\\.xhtml(\\?x=[a-z0-9][a-z0-9_-]{0,63})?");

  private ReturnPath() {}

  /** {@code path} when it is a console page to return to. */
  public static Optional<String> safe(String path) {
    return path != null && CONSOLE_PAGE.matcher(path).matches()
        ? Optional.of(path)
        : Optional.empty();
  }

  /** The login page's query for returning to {@code path} (with {@code query}), or "". */
  static String loginQuery(String path, String query) {
    String target = query == null ? path : path + "?" + query;
    return safe(target)
        .map(t -> "?next=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
        .orElse("");
  }
}
