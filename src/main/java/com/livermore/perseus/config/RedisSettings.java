package com.livermore.perseus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Redis is. The password is kept out of {@link #toString()} so that no log line can carry it
 * by accident.
 */
public record RedisSettings(
    List<URI> addresses, RedisMode mode, Optional<String> password, String keyPrefix) {
  public static final String REDIS_ADDRESS = "perseus.redis.address";
  public static final String REDIS_MODE = "perseus.redis.mode";
  public static final String REDIS_PASSWORD = "perseus.redis.password";
  public static final String KEY_PREFIX = "perseus.key-prefix";

  private static final Pattern KEY_PREFIX_RULE = Pattern.compile("[A-Za-z0-9:._-]{0,64}");

  public static RedisSettings read(ConfigValues values) {
    String modeText = values.text(REDIS_MODE, "single").toLowerCase(Locale.ROOT);
    RedisMode mode =
        switch (modeText) {
          case "single" -> RedisMode.SINGLE;
          case "cluster" -> RedisMode.CLUSTER;
          default ->
              throw new InvalidConfigurationException(
                  REDIS_MODE + " must be 'single' or 'cluster', but was '" + modeText + "'.");
        };
    List<URI> addresses = new ArrayList<>();
    for (String part : values.text(REDIS_ADDRESS, "redis://127.0.0.1:6379").split(",")) {
      if (!part.isBlank()) addresses.add(redisUri(part.trim()));
    }
    if (addresses.isEmpty()) {
      throw new InvalidConfigurationException(
          REDIS_ADDRESS + " must name at least one redis:// or rediss:// address.");
    }
    if (mode == RedisMode.SINGLE && addresses.size() > 1) {
      throw new InvalidConfigurationException(
          REDIS_ADDRESS
              + " lists "
              + addresses.size()
              + " nodes, but "
              + REDIS_MODE
              + " is 'single': set "
              + REDIS_MODE
              + "=cluster for a list of cluster nodes.");
    }
    String prefix = values.text(KEY_PREFIX, "");
    if (!KEY_PREFIX_RULE.matcher(prefix).matches()) {
      throw new InvalidConfigurationException(
          KEY_PREFIX
              + " must be at most 64 characters of letters, digits, ':', '.', '-' or '_' (no braces, which would break the hash tags), but was '"
              + prefix
              + "'.");
    }
    return new RedisSettings(List.copyOf(addresses), mode, values.text(REDIS_PASSWORD), prefix);
  }

  private static URI redisUri(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (("redis".equals(scheme) || "rediss".equals(scheme))
          && uri.getHost() != null
          && uri.getPort() > 0
          && (uri.getPath() == null || uri.getPath().isEmpty())
          && uri.getUserInfo() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the rule
    }
    throw new InvalidConfigurationException(
        REDIS_ADDRESS
            + " entries must look like redis://host:port or rediss://host:port (password in "
            + REDIS_PASSWORD
            + ", not in the address), but one was '"
            + text.replaceAll("//[^@/]*@", "//***@")
            + "'.");
  }

  @Override
  public String toString() {
    return "RedisSettings[addresses="
        + addresses
        + ", mode="
        + mode.name().toLowerCase(Locale.ROOT)
        + ", password="
        + (password.isPresent() ? "(set)" : "(none)")
        + ", keyPrefix="
        + keyPrefix
        + "]";
  }
}
