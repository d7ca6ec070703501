package com.livermore.perseus.notify;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.Durations;
import com.livermore.perseus.config.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the {@code perseus.notify.*} properties into {@link WebhookSettings}, in the style of the
 * configuration reader. Messages name a broken webhook by its position ("entry 2"), never by its
 * text, because the text is a secret URL.
 */
final class WebhookSettingsReader {
  static final String WEBHOOKS = "perseus.notify.webhooks";
  static final String EVENTS = "perseus.notify.events";
  static final String QUEUE_CAPACITY = "perseus.notify.queue-capacity";
  static final String MAX_ATTEMPTS = "perseus.notify.max-attempts";
  static final String INITIAL_BACKOFF = "perseus.notify.initial-backoff";
  static final String TIMEOUT = "perseus.notify.timeout";

  private final Function<String, Optional<String>> source;

  private WebhookSettingsReader(Function<String, Optional<String>> source) {
    this.source = source;
  }

  static WebhookSettings read(Function<String, Optional<String>> source) {
    return new WebhookSettingsReader(source).read();
  }

  private WebhookSettings read() {
    List<WebhookTarget> targets = targets();
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    boolean dead = true;
    Optional<String> eventsText = value(EVENTS);
    if (eventsText.isPresent()) {
      dead = false;
      for (String part : eventsText.get().split(",")) {
        String name = part.trim();
        if (name.isEmpty()) continue;
        if (WebhookSettings.DEAD.equals(name)) {
          dead = true;
        } else {
          events.add(
              EventType.fromWire(name)
                  .orElseThrow(
                      () ->
                          new InvalidConfigurationException(
                              EVENTS
                                  + " must be a comma list of "
                                  + allowedEvents()
                                  + ", but contained '"
                                  + name
                                  + "'.")));
        }
      }
    } else {
      events.addAll(WebhookSettings.DEFAULT_EVENTS);
    }
    int capacity =
        (int) number(QUEUE_CAPACITY, WebhookSettings.DEFAULT_QUEUE_CAPACITY, 1, 1_000_000);
    int attempts = (int) number(MAX_ATTEMPTS, WebhookSettings.DEFAULT_MAX_ATTEMPTS, 1, 20);
    Duration backoff =
        duration(
            INITIAL_BACKOFF,
            WebhookSettings.DEFAULT_INITIAL_BACKOFF,
            Duration.ZERO,
            WebhookSettings.MAX_BACKOFF);
    Duration timeout =
        duration(
            TIMEOUT,
            WebhookSettings.DEFAULT_TIMEOUT,
            Duration.ofMillis(100),
            Duration.ofMinutes(1));
    return new WebhookSettings(targets, events, dead, capacity, attempts, backoff, timeout);
  }

  private List<WebhookTarget> targets() {
    List<WebhookTarget> targets = new ArrayList<>();
    String[] parts = value(WEBHOOKS).orElse("").split(",");
    for (int i = 0; i < parts.length; i++) {
      String entry = parts[i].trim();
      if (!entry.isEmpty()) targets.add(target(entry, i + 1));
    }
    return targets;
  }

  /**
   * {@code format=url}, or a bare URL for generic JSON; an '=' after "://" belongs to the URL's
   * query.
   */
  private static WebhookTarget target(String entry, int position) {
    int eq = entry.indexOf('=');
    int scheme = entry.indexOf("://");
    WebhookFormat format = WebhookFormat.JSON;
    String url = entry;
    if (eq >= 0 && (scheme < 0 || eq < scheme)) {
      format =
          WebhookFormat.fromWire(entry.substring(0, eq).trim())
              .orElseThrow(
                  () ->
                      new InvalidConfigurationException(
                          WEBHOOKS
                              + " entry "
                              + position
                              + " names an unknown format: write discord=<url>, slack=<url>, json=<url> or a bare URL for json."));
      url = entry.substring(eq + 1).trim();
    }
    try {
      return new WebhookTarget(new URI(url), format);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          WEBHOOKS
              + " entry "
              + position
              + " must be an absolute http:// or https:// URL with a host (not shown here, as it is a secret).");
    }
  }

  private static String allowedEvents() {
    return Stream.concat(
            Stream.of(EventType.values()).map(EventType::wireName), Stream.of(WebhookSettings.DEAD))
        .collect(Collectors.joining(", "));
  }

  private long number(String property, long defaultValue, long min, long max) {
    Optional<String> text = value(property);
    if (text.isEmpty()) return defaultValue;
    long n;
    try {
      n = Long.parseLong(text.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          property + " must be a whole number, but was '" + text.get() + "'.");
    }
    if (n < min || n > max) {
      throw new InvalidConfigurationException(
          property + " must be between " + min + " and " + max + ", but was " + n + ".");
    }
    return n;
  }

  private Duration duration(String property, Duration defaultValue, Duration min, Duration max) {
    Optional<String> text = value(property);
    if (text.isEmpty()) return defaultValue;
    Duration d = Durations.parse(property, text.get());
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          property
              + " must be between "
              + Durations.format(min)
              + " and "
              + Durations.format(max)
              + ", but was "
              + Durations.format(d)
              + ".");
    }
    return d;
  }

  private Optional<String> value(String property) {
    return source.apply(property).map(String::trim).filter(s -> !s.isEmpty());
  }
}
