package com.livermore.perseus.registry;

import java.time.Instant;
import java.util.Locale;

/**
 * A value of the {@code network:exchanges} registry: {@code {exchange, displayName, firstSeen}}.
 */
public record ExchangeEntry(String exchange, String displayName, Instant firstSeen) {

  public static ExchangeEntry firstSeenNow(String exchange, Instant now) {
    String display =
        exchange.isEmpty()
            ? exchange
            : exchange.substring(0, 1).toUpperCase(Locale.ROOT) + exchange.substring(1);
    return new ExchangeEntry(exchange, display, now);
  }
}
