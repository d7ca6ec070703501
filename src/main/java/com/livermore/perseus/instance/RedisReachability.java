package com.livermore.perseus.instance;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether Redis answers this instance. However many calls fail during an outage, the outage is one
 * log line each way and, when Redis answers again, one {@code error} entry ("Redis did not answer
 * for 10.2 s (10 calls failed; first: …)"), so a Redis restart floods neither the log nor the
 * activity.
 */
final class RedisReachability {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final Clock clock;
  private volatile RedisOutage outage;

  RedisReachability(String exchange, Clock clock) {
    this.exchange = exchange;
    this.clock = clock;
  }

  /** True while an outage is open: the last call to Redis failed. */
  boolean silent() {
    return outage != null;
  }

  /** A call to Redis failed: opens an outage (logged once) or counts one more failure in it. */
  void failed(RuntimeException e) {
    RedisOutage current = outage;
    if (current != null) {
      current.failedAgain();
      return;
    }
    outage = new RedisOutage(clock.instant(), e);
    LOG.warning(
        () ->
            "Redis call failed for "
                + exchange
                + " ("
                + RedisOutage.summary(e)
                + "); retrying every heartbeat.");
  }

  /** Redis answered: the description of the outage that just ended, if one was open. */
  Optional<String> answered(Instant now) {
    RedisOutage ended = outage;
    if (ended == null) return Optional.empty();
    outage = null;
    String message = ended.describe(now);
    LOG.info(() -> message + "; " + exchange + " resumes its heartbeat.");
    return Optional.of(message);
  }
}
