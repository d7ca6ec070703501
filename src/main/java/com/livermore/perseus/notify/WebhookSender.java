package com.livermore.perseus.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Makes one POST to one target and says what came of it; never throws except on interrupt. */
final class WebhookSender {
  /**
   * A receiver's Retry-After is honoured up to this, so one bad header cannot park a delivery for
   * days.
   */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private final HttpClient client;
  private final Duration timeout;

  WebhookSender(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * The outcome of one attempt. {@code failure} describes it without the URL: "HTTP 500",
   * "timeout", "ConnectException".
   */
  record Outcome(
      boolean delivered, boolean retryable, String failure, Optional<Duration> retryAfter) {
    static final Outcome OK = new Outcome(true, false, null, Optional.empty());
  }

  Outcome post(WebhookTarget target, byte[] body) throws InterruptedException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(target.url())
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "PerseusNetwork-Webhook/1")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
    } catch (IllegalArgumentException e) {
      return new Outcome(false, false, "request refused by the HTTP client", Optional.empty());
    }
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return classify(response.statusCode(), response.headers().firstValue("Retry-After"));
    } catch (HttpTimeoutException e) {
      return new Outcome(
          false, true, "timeout after " + timeout.toMillis() + " ms", Optional.empty());
    } catch (IOException e) {
      // Only the exception's class: some messages quote the request URI, which holds the token.
      return new Outcome(false, true, e.getClass().getSimpleName(), Optional.empty());
    } catch (RuntimeException e) {
      return new Outcome(false, false, e.getClass().getSimpleName(), Optional.empty());
    }
  }

  /**
   * 2xx delivers; 408, 425, 429 and 5xx are worth another try; anything else (404: webhook deleted)
   * will not change.
   */
  static Outcome classify(int status, Optional<String> retryAfterHeader) {
    if (status >= 200 && status < 300) return Outcome.OK;
    boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
    return new Outcome(
        false, retryable, "HTTP " + status, retryAfterHeader.flatMap(WebhookSender::seconds));
  }

  /**
   * Retry-After in seconds (Discord sends fractions); the HTTP-date form falls back to the backoff.
   */
  static Optional<Duration> seconds(String header) {
    try {
      double s = Double.parseDouble(header.trim());
      if (s < 0 || Double.isNaN(s)) return Optional.empty();
      Duration d =
          Duration.ofMillis((long) Math.ceil(Math.min(s, MAX_RETRY_AFTER.toSeconds()) * 1000));
      return Optional.of(d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
