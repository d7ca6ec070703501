package com.livermore.perseus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Redis is and how to reach it: the addresses (one node, cluster nodes, or sentinels), the
 * ACL user and password, TLS, and how many replicas must acknowledge a lease. The username and
 * password are kept out of {@link #toString()} so that no log line can carry them by accident.
 */
public record RedisSettings(
    List<URI> addresses,
    RedisMode mode,
    Optional<String> password,
    String keyPrefix,
    Optional<String> username,
    Optional<String> sentinelMaster,
    RedisTls tls,
    ReplicaAckSettings replicaAcks) {
  public static final String REDIS_ADDRESS = "perseus.redis.address";
  public static final String REDIS_MODE = "perseus.redis.mode";
  public static final String REDIS_PASSWORD = "perseus.redis.password";
  public static final String REDIS_USERNAME = "perseus.redis.username";
  public static final String SENTINEL_MASTER = "perseus.redis.sentinel.master";
  public static final String KEY_PREFIX = "perseus.key-prefix";

  private static final Pattern KEY_PREFIX_RULE = Pattern.compile("[A-Za-z0-9:._-]{0,64}");

  /** One node or a cluster, without a user, TLS stores or a fixed replica count. */
  public RedisSettings(
      List<URI> addresses, RedisMode mode, Optional<String> password, String keyPrefix) {
    this(
        addresses,
        mode,
        password,
        keyPrefix,
        Optional.empty(),
        Optional.empty(),
        RedisTls.DEFAULT,
        ReplicaAckSettings.AUTO);
  }

  /** Everything but the replica acknowledgement, which needs the heartbeat interval. */
  public static RedisSettings read(ConfigValues values) {
    String modeText = values.text(REDIS_MODE, "single").toLowerCase(Locale.ROOT);
    RedisMode mode =
        switch (modeText) {
          case "single" -> RedisMode.SINGLE;
          case "cluster" -> RedisMode.CLUSTER;
          case "sentinel" -> RedisMode.SENTINEL;
          default ->
              throw new InvalidConfigurationException(
                  REDIS_MODE
                      + " must be 'single', 'cluster' or 'sentinel', but was '"
                      + modeText
                      + "'.");
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
              + "=cluster for a list of cluster nodes, or sentinel for a list of sentinels.");
    }
    Optional<String> master = values.text(SENTINEL_MASTER);
    if (mode == RedisMode.SENTINEL && master.isEmpty()) {
      throw new InvalidConfigurationException(
          SENTINEL_MASTER
              + " is required when "
              + REDIS_MODE
              + " is 'sentinel': the name the sentinels monitor the master by (e.g. mymaster).");
    }
    if (mode != RedisMode.SENTINEL && master.isPresent()) {
      throw new InvalidConfigurationException(
          SENTINEL_MASTER + " is set, but " + REDIS_MODE + " is not 'sentinel'.");
    }
    String prefix = values.text(KEY_PREFIX, "");
    if (!KEY_PREFIX_RULE.matcher(prefix).matches()) {
      throw new InvalidConfigurationException(
          KEY_PREFIX
              + " must be at most 64 characters of letters, digits, ':', '.', '-' or '_' (no braces, which would break the hash tags), but was '"
              + prefix
              + "'.");
    }
    Optional<String> username = values.text(REDIS_USERNAME);
    Optional<String> password = values.text(REDIS_PASSWORD);
    if (username.isPresent() && password.isEmpty()) {
      throw new InvalidConfigurationException(
          REDIS_PASSWORD + " is required with " + REDIS_USERNAME + " (the ACL user's password).");
    }
    RedisTls tls = RedisTls.read(values);
    if (tls.configured() && addresses.stream().noneMatch(a -> "rediss".equals(a.getScheme()))) {
      throw new InvalidConfigurationException(
          RedisTls.TRUSTSTORE
              + " and "
              + RedisTls.KEYSTORE
              + " need rediss:// addresses in "
              + REDIS_ADDRESS
              + ", which has none.");
    }
    return new RedisSettings(
        List.copyOf(addresses),
        mode,
        password,
        prefix,
        username,
        master,
        tls,
        ReplicaAckSettings.AUTO);
  }

  /** These settings with {@code acks}, read once the heartbeat interval is known. */
  public RedisSettings withReplicaAcks(ReplicaAckSettings acks) {
    return new RedisSettings(
        addresses, mode, password, keyPrefix, username, sentinelMaster, tls, acks);
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
            + " entries must look like redis://host:port or rediss://host:port (user and password in "
            + REDIS_USERNAME
            + " and "
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
        + sentinelMaster.map(m -> ", master=" + m).orElse("")
        + ", username="
        + (username.isPresent() ? "(set)" : "(none)")
        + ", password="
        + (password.isPresent() ? "(set)" : "(none)")
        + ", tls="
        + tls
        + ", replicaAcks="
        + replicaAcks
        + ", keyPrefix="
        + keyPrefix
        + "]";
  }
}
