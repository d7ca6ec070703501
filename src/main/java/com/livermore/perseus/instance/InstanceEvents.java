package com.livermore.perseus.instance;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.ErrorThrottle;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.store.ActivityLog;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's activity entries: built with its identity, appended to its exchange's stream
 * (repeated errors throttled), counted, and handed to the notifier once stored, whether appended
 * here or written by a lease script together with its step.
 */
final class InstanceEvents {
  private static final Logger LOG =
      Logger.getLogger(ExchangeInstance.class.getName()); // the instance logs as one

  private final String exchange;
  private final InstanceIdentity identity;
  private final ActivityLog log;
  private final ErrorThrottle throttle;
  private final RedisReachability redis;
  private final InstanceMetrics metrics;
  private final Consumer<ActivityEntry> notify;

  InstanceEvents(
      String exchange,
      InstanceIdentity identity,
      ActivityLog log,
      ErrorThrottle throttle,
      RedisReachability redis,
      InstanceMetrics metrics,
      Consumer<ActivityEntry> notify) {
    this.exchange = exchange;
    this.identity = identity;
    this.log = log;
    this.throttle = throttle;
    this.redis = redis;
    this.metrics = metrics;
    this.notify = notify;
  }

  ActivityEntry entry(EventType type, long epoch, Instant at) {
    return ActivityEntry.of(type, exchange, identity.instanceId(), epoch, identity.hostname(), at);
  }

  /** The trimming arguments for a script that appends an entry inside its step, made now. */
  StreamRetention retention() {
    return log.retention();
  }

  /** Appends each entry; a Redis failure counts against the outage and the rest are still tried. */
  void append(List<ActivityEntry> entries) {
    for (ActivityEntry e : entries) {
      try {
        appendOrThrow(e);
        if (e.type() == EventType.ERRORS_SUPPRESSED && e.count() != null) {
          metrics.suppressed(e.count());
        }
      } catch (RuntimeException ex) {
        redis.failed(ex);
      }
    }
  }

  void append(ActivityEntry entry) {
    append(List.of(entry));
  }

  /** Appends the entry, letting a Redis failure through to a caller that retries. */
  void appendOrThrow(ActivityEntry entry) {
    log.append(entry);
    written(entry);
  }

  /** An entry is stored (by an append, or by a script with its step): count it, notify it. */
  void written(ActivityEntry entry) {
    metrics.appended(1);
    try {
      notify.accept(entry);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Notification not queued", e);
    }
  }

  /** An error of the exchange work, throttled: the first of a kind now, its repeats counted. */
  void error(ActivityEntry error) {
    append(throttle.onError(error));
  }

  /** Writes the {@code errors_suppressed} entries of the throttle windows closed by now. */
  void closeThrottleWindows(Instant now) {
    append(throttle.closeExpired(now));
  }
}
