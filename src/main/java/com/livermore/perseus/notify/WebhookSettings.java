package com.livermore.perseus.notify;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ConfigValues;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where to post and what about. {@code notifyDead} covers the one notification that is not an
 * activity entry: an owner whose lease expired without a {@code deregistered}. With no targets the
 * notifier is disabled.
 */
public record WebhookSettings(
    List<WebhookTarget> targets,
    Set<EventType> events,
    boolean notifyDead,
    int queueCapacity,
    int maxAttempts,
    Duration initialBackoff,
    Duration timeout) {

  public static final String DEAD = "dead";
  public static final Set<EventType> DEFAULT_EVENTS =
      Set.copyOf(
          EnumSet.of(
              EventType.STATE_CHANGED,
              EventType.LEASE_LOST,
              EventType.TAKEOVER,
              EventType.CLAIM_CONFLICT,
              EventType.DEREGISTERED,
              EventType.ERRORS_SUPPRESSED));
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Backoff doubles per attempt up to this; a receiver's Retry-After may ask for longer. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public WebhookSettings {
    targets = List.copyOf(targets);
    events = Set.copyOf(events);
    if (queueCapacity < 1
        || maxAttempts < 1
        || initialBackoff.isNegative()
        || timeout.isZero()
        || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "Webhook settings need a queue capacity and attempts of at least 1, a non-negative backoff and a positive timeout.");
    }
  }

  /** The defaults for the given targets. */
  public static WebhookSettings of(List<WebhookTarget> targets) {
    return new WebhookSettings(
        targets,
        DEFAULT_EVENTS,
        true,
        DEFAULT_QUEUE_CAPACITY,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_TIMEOUT);
  }

  /**
   * Reads the {@code perseus.notify.*} section; see {@link WebhookSettingsReader} for names and
   * rules.
   */
  public static WebhookSettings read(ConfigValues values) {
    return WebhookSettingsReader.read(values);
  }

  /** {@link #read} from raw values. */
  public static WebhookSettings parse(Function<String, Optional<String>> source) {
    return read(new ConfigValues(source));
  }

  public boolean enabled() {
    return !targets.isEmpty();
  }

  /** Whether notifications of this kind (an event type's wire name or {@code dead}) are wanted. */
  public boolean wants(String kind) {
    if (DEAD.equals(kind)) return notifyDead;
    return EventType.fromWire(kind).map(events::contains).orElse(false);
  }

  /**
   * The wait before retry number {@code retry} (1 = the first retry): initial backoff doubled each
   * time, capped.
   */
  public Duration backoff(int retry) {
    Duration d = initialBackoff;
    for (int i = 1; i < retry && d.compareTo(MAX_BACKOFF) < 0; i++) d = d.multipliedBy(2);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  public WebhookSettings withRetries(int maxAttempts, Duration initialBackoff) {
    return new WebhookSettings(
        targets, events, notifyDead, queueCapacity, maxAttempts, initialBackoff, timeout);
  }

  public WebhookSettings withQueueCapacity(int queueCapacity) {
    return new WebhookSettings(
        targets, events, notifyDead, queueCapacity, maxAttempts, initialBackoff, timeout);
  }

  public WebhookSettings withTimeout(Duration timeout) {
    return new WebhookSettings(
        targets, events, notifyDead, queueCapacity, maxAttempts, initialBackoff, timeout);
  }
}
