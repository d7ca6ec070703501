package com.livermore.perseus.notify;

import com.livermore.perseus.activity.ActivityEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened, independent of any webhook format. {@code kind} is an event type's wire name or
 * {@code dead}; {@code title} is a short headline ("kraken: active → stopping") and {@code text}
 * one or two sentences. The entry's own message (free text) is carried inside {@code text}, which
 * the payload builders escape and neutralise.
 */
public record Notification(
    String exchange,
    String kind,
    String title,
    String text,
    String instanceId,
    String hostname,
    long epoch,
    Instant at) {

  public Notification {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }

  public static Notification fromEntry(ActivityEntry e) {
    String x = e.exchange();
    String who =
        "Instance "
            + or(e.instanceId(), "(unknown)")
            + " on "
            + or(e.hostname(), "an unknown host");
    String detail = e.message() == null || e.message().isBlank() ? "" : " " + sentence(e.message());
    String title;
    String text;
    switch (e.type()) {
      case STATE_CHANGED -> {
        title = x + ": " + or(e.from(), "?") + " → " + or(e.to(), "?");
        text =
            who
                + " moved "
                + x
                + " from "
                + or(e.from(), "?")
                + " to "
                + or(e.to(), "?")
                + "."
                + detail;
      }
      case LEASE_LOST -> {
        title = x + ": lease lost";
        text =
            who
                + " lost the lease for "
                + x
                + " (epoch "
                + e.epoch()
                + ") and stopped its exchange work."
                + detail;
      }
      case TAKEOVER -> {
        title = x + ": taken over";
        text = who + " took over " + x + " with epoch " + e.epoch() + "." + detail;
      }
      case CLAIM_CONFLICT -> {
        title = x + ": claim conflict";
        text = who + " could not claim " + x + " because another live instance holds it." + detail;
      }
      case DEREGISTERED -> {
        title = x + ": deregistered";
        text = who + " released " + x + " and shut down." + detail;
      }
      case ERRORS_SUPPRESSED -> {
        title =
            x + ": " + (e.count() == null ? "repeated" : e.count()) + " repeated errors suppressed";
        text = who + " suppressed repeated errors for " + x + "." + detail;
      }
      default -> {
        title = x + ": " + e.type().wireName().replace('_', ' ');
        text =
            who + " reported " + e.type().wireName().replace('_', ' ') + " for " + x + "." + detail;
      }
    }
    return new Notification(
        x, e.type().wireName(), title, text, e.instanceId(), e.hostname(), e.epoch(), e.at());
  }

  /** An owner whose lease expired without deregistering, noticed at {@code lastSeen}'s expiry. */
  public static Notification dead(
      String exchange, String instanceId, String hostname, long epoch, Instant lastSeen) {
    String text =
        "Instance "
            + or(instanceId, "(unknown)")
            + " on "
            + or(hostname, "an unknown host")
            + " stopped heartbeating and its lease for "
            + exchange
            + " (epoch "
            + epoch
            + ") expired; last seen "
            + lastSeen
            + ".";
    return new Notification(
        exchange,
        WebhookSettings.DEAD,
        exchange + ": dead",
        text,
        instanceId,
        hostname,
        epoch,
        lastSeen);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String sentence(String message) {
    String m = message.strip();
    return m.endsWith(".") || m.endsWith("!") || m.endsWith("?") ? m : m + ".";
  }
}
