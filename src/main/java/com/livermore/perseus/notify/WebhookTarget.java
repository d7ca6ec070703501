package com.livermore.perseus.notify;

import java.net.URI;
import java.util.Objects;

/**
 * One webhook to post to. The URL is a secret (Discord and Slack embed the token in its path), so
 * {@link #toString()} shows only the format and host; log the target, never {@link #url()}.
 */
public record WebhookTarget(URI url, WebhookFormat format) {

  public WebhookTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getHost() == null) {
      // Deliberately without the URL: it may carry a token.
      throw new IllegalArgumentException(
          "A webhook URL must be an absolute http:// or https:// URL with a host.");
    }
  }

  /**
   * E.g. {@code discord webhook at discord.com}: format, host and any explicit port, nothing else.
   */
  @Override
  public String toString() {
    return format.wireName()
        + " webhook at "
        + url.getHost()
        + (url.getPort() > 0 ? ":" + url.getPort() : "");
  }
}
