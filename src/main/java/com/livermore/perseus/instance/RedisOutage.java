package com.livermore.perseus.instance;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One period in which Redis did not answer an instance: when it began, what failed first and how
 * many calls failed, so that the whole outage becomes a single activity entry when Redis answers
 * again.
 */
final class RedisOutage {
  private final Instant since;
  private final String firstFailure;
  private final AtomicLong failures = new AtomicLong(1);

  RedisOutage(Instant since, RuntimeException firstFailure) {
    this.since = since;
    this.firstFailure = summary(firstFailure);
  }

  void failedAgain() {
    failures.incrementAndGet();
  }

  /** For example "Redis did not answer for 10.2 s (9 calls failed; first: ...)". */
  String describe(Instant answeredAt) {
    long millis = Math.max(0, Duration.between(since, answeredAt).toMillis());
    long n = failures.get();
    return String.format(
        java.util.Locale.ROOT,
        "Redis did not answer for %.1f s (%d call%s failed; first: %s)",
        millis / 1000.0,
        n,
        n == 1 ? "" : "s",
        firstFailure);
  }

  /**
   * The exception's class and first message line, cut short; Redis client messages name the
   * address, never the password.
   */
  static String summary(RuntimeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    if (message.length() > 160) message = message.substring(0, 160) + "…";
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
