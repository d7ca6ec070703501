package com.livermore.perseus.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where Redis is. The password is kept out of {@link #toString()} so that no log line can carry it
 * by accident.
 */
public record RedisSettings(
    List<URI> addresses, RedisMode mode, Optional<String> password, String keyPrefix) {

  @Override
  public String toString() {
    return "RedisSettings[addresses="
        + addresses
        + ", mode="
        + mode.name().toLowerCase(java.util.Locale.ROOT)
        + ", password="
        + (password.isPresent() ? "(set)" : "(none)")
        + ", keyPrefix="
        + keyPrefix
        + "]";
  }
}
