package com.livermore.perseus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns raw property values into a {@link PerseusConfig}, applying every rule once. Pure: the
 * source is a function, so tests need no container and the CDI producer passes MicroProfile Config.
 */
public final class ConfigurationReader {
  public static final String EXCHANGE = "perseus.exchange";
  public static final String REDIS_ADDRESS = "perseus.redis.address";
  public static final String REDIS_MODE = "perseus.redis.mode";
  public static final String REDIS_PASSWORD = "perseus.redis.password";
  public static final String KEY_PREFIX = "perseus.key-prefix";
  public static final String HEARTBEAT_INTERVAL = "perseus.heartbeat.interval";
  public static final String LEASE_TTL = "perseus.lease.ttl";
  public static final String LEASE_LOCK_DELAY = "perseus.lease.lock-delay";
  public static final String ADMIN = "perseus.admin";
  public static final String NODE_NAME = "perseus.node-name";
  public static final String PUBLIC_IP_ENABLED = "perseus.public-ip.enabled";
  public static final String PUBLIC_IP_ENDPOINTS = "perseus.public-ip.endpoints";
  public static final String PUBLIC_IP_TIMEOUT = "perseus.public-ip.timeout";
  public static final String ACTIVITY_RETENTION = "perseus.activity.retention";
  public static final String ACTIVITY_MAX_LENGTH = "perseus.activity.max-length";
  public static final String ACTIVITY_ERROR_WINDOW = "perseus.activity.error-window";
  public static final String CONNECTOR = "perseus.connector";
  public static final String SIMULATOR_WARMUP = "perseus.simulator.warmup";
  public static final String SIMULATOR_SYMBOLS = "perseus.simulator.symbols";
  public static final String SIMULATOR_FAILURE = "perseus.simulator.failure";
  public static final String CONSOLE_CARDS_POLL = "perseus.console.cards-poll";
  public static final String CONSOLE_ACTIVITY_POLL = "perseus.console.activity-poll";
  public static final String CONSOLE_LATENCY_WARN = "perseus.console.latency-warn";
  public static final String CONSOLE_LATENCY_CRITICAL = "perseus.console.latency-critical";
  public static final String CONSOLE_STUCK_AFTER = "perseus.console.stuck-after";

  public static final String DEFAULT_PUBLIC_IP_ENDPOINTS =
      "https://checkip.amazonaws.com,https://api.ipify.org,https://icanhazip.com";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern KEY_PREFIX_RULE = Pattern.compile("[A-Za-z0-9:._-]{0,64}");
  private static final Pattern NODE_NAME_RULE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Set<String> FAILURES = Set.of("none", "start", "warmup", "periodic");
  private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  private static final Duration MAX_PUBLIC_IP_TIMEOUT = Duration.ofSeconds(3);

  private final Function<String, Optional<String>> source;

  private ConfigurationReader(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** Reads and validates; throws {@link InvalidConfigurationException} on the first broken rule. */
  public static PerseusConfig read(Function<String, Optional<String>> source) {
    return new ConfigurationReader(source).read();
  }

  /** A slug as DESIGN.md defines it for exchange ids: {@code [a-z0-9][a-z0-9_-]{0,63}}. */
  public static boolean isSlug(String value) {
    return value != null && SLUG.matcher(value).matches();
  }

  private PerseusConfig read() {
    String exchange =
        value(EXCHANGE)
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        EXCHANGE
                            + " is required: set it (or the environment variable PERSEUS_EXCHANGE) to the exchange this instance owns, e.g. coinbase."));
    if (!isSlug(exchange)) {
      throw new InvalidConfigurationException(
          EXCHANGE
              + " must match [a-z0-9][a-z0-9_-]{0,63} (lowercase letters, digits, '-' and '_'), but was '"
              + exchange
              + "'.");
    }
    return new PerseusConfig(
        exchange,
        value(ADMIN).orElse(""),
        nodeName(),
        redis(),
        lease(),
        activity(),
        publicIp(),
        connector(),
        console());
  }

  private String nodeName() {
    Optional<String> name = value(NODE_NAME);
    if (name.isPresent() && !NODE_NAME_RULE.matcher(name.get()).matches()) {
      throw new InvalidConfigurationException(
          NODE_NAME
              + " must be 1-128 characters of letters, digits, '.', '-' or '_', but was '"
              + name.get()
              + "'.");
    }
    return name.orElse("");
  }

  private RedisSettings redis() {
    String modeText = value(REDIS_MODE).orElse("single").toLowerCase(Locale.ROOT);
    RedisMode mode =
        switch (modeText) {
          case "single" -> RedisMode.SINGLE;
          case "cluster" -> RedisMode.CLUSTER;
          default ->
              throw new InvalidConfigurationException(
                  REDIS_MODE + " must be 'single' or 'cluster', but was '" + modeText + "'.");
        };
    String addressText = value(REDIS_ADDRESS).orElse("redis://127.0.0.1:6379");
    List<URI> addresses = new ArrayList<>();
    for (String part : addressText.split(",")) {
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
    String prefix = value(KEY_PREFIX).orElse("");
    if (!KEY_PREFIX_RULE.matcher(prefix).matches()) {
      throw new InvalidConfigurationException(
          KEY_PREFIX
              + " must be at most 64 characters of letters, digits, ':', '.', '-' or '_' (no braces, which would break the hash tags), but was '"
              + prefix
              + "'.");
    }
    return new RedisSettings(List.copyOf(addresses), mode, value(REDIS_PASSWORD), prefix);
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

  private LeaseSettings lease() {
    Duration interval = duration(HEARTBEAT_INTERVAL, "15s");
    Duration ttl = duration(LEASE_TTL, "45s");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidConfigurationException(
          HEARTBEAT_INTERVAL
              + " must be at least 100ms, but was "
              + Durations.format(interval)
              + ".");
    }
    if (ttl.compareTo(interval.multipliedBy(3)) < 0) {
      throw new InvalidConfigurationException(
          LEASE_TTL
              + " must be at least 3 x "
              + HEARTBEAT_INTERVAL
              + " ("
              + Durations.format(interval.multipliedBy(3))
              + "), but was "
              + Durations.format(ttl)
              + ".");
    }
    Duration lockDelay = duration(LEASE_LOCK_DELAY, "15s");
    if (lockDelay.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidConfigurationException(
          LEASE_LOCK_DELAY + " must be at most 1h, but was " + Durations.format(lockDelay) + ".");
    }
    return new LeaseSettings(interval, ttl, lockDelay);
  }

  private ActivitySettings activity() {
    Duration retention = duration(ACTIVITY_RETENTION, "90d");
    if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidConfigurationException(
          ACTIVITY_RETENTION
              + " must be at least 1m, but was "
              + Durations.format(retention)
              + ".");
    }
    long maxLength = longValue(ACTIVITY_MAX_LENGTH, 50_000);
    if (maxLength < 100 || maxLength > 100_000_000) {
      throw new InvalidConfigurationException(
          ACTIVITY_MAX_LENGTH
              + " must be between 100 and 100000000 entries, but was "
              + maxLength
              + ".");
    }
    Duration window = duration(ACTIVITY_ERROR_WINDOW, "60s");
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationException(
          ACTIVITY_ERROR_WINDOW
              + " must be at least 1s, but was "
              + Durations.format(window)
              + ".");
    }
    return new ActivitySettings(retention, maxLength, window);
  }

  private PublicIpSettings publicIp() {
    String enabledText = value(PUBLIC_IP_ENABLED).orElse("true").toLowerCase(Locale.ROOT);
    if (!enabledText.equals("true") && !enabledText.equals("false")) {
      throw new InvalidConfigurationException(
          PUBLIC_IP_ENABLED + " must be true or false, but was '" + enabledText + "'.");
    }
    List<URI> endpoints = new ArrayList<>();
    for (String part : value(PUBLIC_IP_ENDPOINTS).orElse(DEFAULT_PUBLIC_IP_ENDPOINTS).split(",")) {
      if (part.isBlank()) continue;
      try {
        URI uri = new URI(part.trim());
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          endpoints.add(uri);
          continue;
        }
      } catch (URISyntaxException e) {
        // reported below with the rule
      }
      throw new InvalidConfigurationException(
          PUBLIC_IP_ENDPOINTS
              + " must be a comma list of http:// or https:// URLs, but one was '"
              + part.trim()
              + "'.");
    }
    Duration timeout = duration(PUBLIC_IP_TIMEOUT, "3s");
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_PUBLIC_IP_TIMEOUT) > 0) {
      throw new InvalidConfigurationException(
          PUBLIC_IP_TIMEOUT
              + " must be more than 0 and at most 3s, but was "
              + Durations.format(timeout)
              + ".");
    }
    return new PublicIpSettings(Boolean.parseBoolean(enabledText), List.copyOf(endpoints), timeout);
  }

  private ConnectorSettings connector() {
    String name = value(CONNECTOR).orElse("simulated");
    Duration warmup = duration(SIMULATOR_WARMUP, "5s");
    long symbols = longValue(SIMULATOR_SYMBOLS, 120);
    if (symbols < 0 || symbols > 1_000_000) {
      throw new InvalidConfigurationException(
          SIMULATOR_SYMBOLS + " must be between 0 and 1000000, but was " + symbols + ".");
    }
    String failure = value(SIMULATOR_FAILURE).orElse("none").toLowerCase(Locale.ROOT);
    if (!FAILURES.contains(failure)) {
      throw new InvalidConfigurationException(
          SIMULATOR_FAILURE
              + " must be one of none, start, warmup, periodic, but was '"
              + failure
              + "'.");
    }
    return new ConnectorSettings(name, warmup, (int) symbols, failure);
  }

  private ConsoleSettings console() {
    Duration cards = duration(CONSOLE_CARDS_POLL, "5s");
    Duration activity = duration(CONSOLE_ACTIVITY_POLL, "10s");
    for (var e :
        java.util.Map.of(CONSOLE_CARDS_POLL, cards, CONSOLE_ACTIVITY_POLL, activity).entrySet()) {
      if (e.getValue().compareTo(Duration.ofSeconds(1)) < 0
          || e.getValue().compareTo(Duration.ofMinutes(10)) > 0) {
        throw new InvalidConfigurationException(
            e.getKey()
                + " must be between 1s and 10m, but was "
                + Durations.format(e.getValue())
                + ".");
      }
      if (e.getValue().toMillis() % 1000 != 0) {
        throw new InvalidConfigurationException(
            e.getKey() + " must be whole seconds, but was " + Durations.format(e.getValue()) + ".");
      }
    }
    Duration warn = duration(CONSOLE_LATENCY_WARN, "50ms");
    Duration critical = duration(CONSOLE_LATENCY_CRITICAL, "250ms");
    if (critical.compareTo(warn) <= 0) {
      throw new InvalidConfigurationException(
          CONSOLE_LATENCY_CRITICAL
              + " must be more than "
              + CONSOLE_LATENCY_WARN
              + " ("
              + Durations.format(warn)
              + "), but was "
              + Durations.format(critical)
              + ".");
    }
    Duration stuck = duration(CONSOLE_STUCK_AFTER, "2m");
    if (stuck.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationException(
          CONSOLE_STUCK_AFTER + " must be at least 1s, but was " + Durations.format(stuck) + ".");
    }
    return new ConsoleSettings(cards, activity, warn, critical, stuck);
  }

  private Duration duration(String property, String defaultValue) {
    Duration d = Durations.parse(property, value(property).orElse(defaultValue));
    if (d.isNegative()) {
      throw new InvalidConfigurationException(property + " must not be negative.");
    }
    return d;
  }

  private long longValue(String property, long defaultValue) {
    Optional<String> text = value(property);
    if (text.isEmpty()) return defaultValue;
    try {
      return Long.parseLong(text.get().trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          property + " must be a whole number, but was '" + text.get() + "'.");
    }
  }

  private Optional<String> value(String property) {
    return source.apply(property).map(String::trim).filter(s -> !s.isEmpty());
  }
}
