package com.livermore.perseus.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * The body a webhook receiver expects; written lowercase in configuration ({@code
 * discord=https://…}).
 */
public enum WebhookFormat {
  DISCORD,
  SLACK,
  JSON;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookFormat> fromWire(String value) {
    for (WebhookFormat f : values()) {
      if (f.wireName().equalsIgnoreCase(value)) return Optional.of(f);
    }
    return Optional.empty();
  }
}
