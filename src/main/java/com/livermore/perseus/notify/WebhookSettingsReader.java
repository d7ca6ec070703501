package com.livermore.perseus.notify;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ConfigValues;
import com.livermore.perseus.config.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code perseus.notify.*} section: its names, defaults and rules, read through the shared
 * {@link ConfigValues}. Messages name a broken webhook by its position ("entry 2"), never by its
 * text, because the text is a secret URL.
 */
final class WebhookSettingsReader {
  static final String WEBHOOKS = "perseus.notify.webhooks";
  static final String EVENTS = "perseus.notify.events";
  static final String QUEUE_CAPACITY = "perseus.notify.queue-capacity";
  static final String MAX_ATTEMPTS = "perseus.notify.max-attempts";
  static final String INITIAL_BACKOFF = "perseus.notify.initial-backoff";
  static final String TIMEOUT = "perseus.notify.timeout";

  private WebhookSettingsReader() {}

  static WebhookSettings read(ConfigValues values) {
    List<WebhookTarget> targets = targets(values);
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    boolean dead = true;
    Optional<String> eventsText = values.text(EVENTS);
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
                  .filter(WebhookSettingsReader::notifiable)
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
        (int) values.number(QUEUE_CAPACITY, WebhookSettings.DEFAULT_QUEUE_CAPACITY, 1, 1_000_000);
    int attempts = (int) values.number(MAX_ATTEMPTS, WebhookSettings.DEFAULT_MAX_ATTEMPTS, 1, 20);
    Duration backoff =
        values.duration(
            INITIAL_BACKOFF,
            WebhookSettings.DEFAULT_INITIAL_BACKOFF,
            Duration.ZERO,
            WebhookSettings.MAX_BACKOFF);
    Duration timeout =
        values.duration(
            TIMEOUT,
            WebhookSettings.DEFAULT_TIMEOUT,
            Duration.ofMillis(100),
            Duration.ofMinutes(1));
    return new WebhookSettings(targets, events, dead, capacity, attempts, backoff, timeout);
  }

  private static List<WebhookTarget> targets(ConfigValues values) {
    List<WebhookTarget> targets = new ArrayList<>();
    String[] parts = values.text(WEBHOOKS, "").split(",");
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

  /** Every entry type but {@code lease_expired}, whose webhook is {@code dead}. */
  private static boolean notifiable(EventType type) {
    return type != EventType.LEASE_EXPIRED;
  }

  private static String allowedEvents() {
    return Stream.concat(
            Stream.of(EventType.values())
                .filter(WebhookSettingsReader::notifiable)
                .map(EventType::wireName),
            Stream.of(WebhookSettings.DEAD))
        .collect(Collectors.joining(", "));
  }
}
