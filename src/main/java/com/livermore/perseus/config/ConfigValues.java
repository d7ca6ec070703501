package com.livermore.perseus.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one reader of raw property values, shared by every settings section (instance, Redis, lease,
 * activity, public IP, connector, console, webhooks, users): values trimmed, blanks as absent, and
 * each typed read failing with one sentence that names the property and its rule. Pure: the
 * container passes MicroProfile Config, tests a map.
 */
public final class ConfigValues {
  private final Function<String, Optional<String>> source;

  public ConfigValues(Function<String, Optional<String>> source) {
    this.source = source;
  }

  public static ConfigValues of(Map<String, String> values) {
    return new ConfigValues(name -> Optional.ofNullable(values.get(name)));
  }

  /** The trimmed value; empty when absent or blank. */
  public Optional<String> text(String property) {
    return source.apply(property).map(String::trim).filter(s -> !s.isEmpty());
  }

  public String text(String property, String defaultValue) {
    return text(property).orElse(defaultValue);
  }

  /** A duration ({@code 200ms}, {@code 15s}, {@code PT15S}) that is not negative. */
  public Duration duration(String property, String defaultValue) {
    Duration d = Durations.parse(property, text(property).orElse(defaultValue));
    if (d.isNegative()) {
      throw new InvalidConfigurationException(property + " must not be negative.");
    }
    return d;
  }

  /** A duration from {@code min} to {@code max}. */
  public Duration duration(String property, Duration defaultValue, Duration min, Duration max) {
    Optional<String> text = text(property);
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

  /** A whole number ({@code _} allowed as a separator). */
  public long number(String property, long defaultValue) {
    Optional<String> text = text(property);
    if (text.isEmpty()) return defaultValue;
    try {
      return Long.parseLong(text.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          property + " must be a whole number, but was '" + text.get() + "'.");
    }
  }

  /** A whole number from {@code min} to {@code max}. */
  public long number(String property, long defaultValue, long min, long max) {
    long n = number(property, defaultValue);
    if (n < min || n > max) {
      throw new InvalidConfigurationException(
          property + " must be between " + min + " and " + max + ", but was " + n + ".");
    }
    return n;
  }

  /** {@code true} or {@code false}, in any case. */
  public boolean flag(String property, boolean defaultValue) {
    String text = text(property).orElse(Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new InvalidConfigurationException(
          property + " must be true or false, but was '" + text + "'.");
    }
    return Boolean.parseBoolean(text);
  }
}
