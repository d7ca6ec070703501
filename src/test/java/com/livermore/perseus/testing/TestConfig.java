package com.livermore.perseus.testing;

import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.config.ConfigValues;
import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.config.ConsoleSettings;
import com.livermore.perseus.config.LeaseSettings;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.config.PublicIpSettings;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.security.UserDirectory;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way tests and benchmarks configure Perseus: the same property names an operator sets,
 * read by the production readers, whether the configuration goes to an instance in the test JVM
 * ({@link #read()}), a deployed WAR ({@link #properties()}) or a Payara Micro process ({@code -D}).
 * Public-IP lookups are off unless a test turns them on: tests do not reach the internet.
 */
public final class TestConfig {
  private final Map<String, String> values = new TreeMap<>();

  private TestConfig(String exchange) {
    values.put(ConfigurationReader.EXCHANGE, exchange);
    values.put(PublicIpSettings.PUBLIC_IP_ENABLED, "false");
  }

  public static TestConfig exchange(String exchange) {
    return new TestConfig(exchange);
  }

  /** A copy, for another instance of the same network. */
  public TestConfig copy() {
    TestConfig c = new TestConfig(values.get(ConfigurationReader.EXCHANGE));
    c.values.putAll(values);
    return c;
  }

  public TestConfig exchangeId(String exchange) {
    return set(ConfigurationReader.EXCHANGE, exchange);
  }

  /** The harness Redis: its address, and cluster mode for a cluster. */
  public TestConfig redis(RedisBackend backend) {
    return redis(backend.address()).set(RedisSettings.REDIS_MODE, backend.mode());
  }

  public TestConfig redis(String address) {
    return set(RedisSettings.REDIS_ADDRESS, address);
  }

  public TestConfig keyPrefix(String prefix) {
    return set(RedisSettings.KEY_PREFIX, prefix);
  }

  /** Heartbeat interval and lease TTL, e.g. {@code ("200ms", "600ms")}. */
  public TestConfig heartbeat(String interval, String ttl) {
    return set(LeaseSettings.HEARTBEAT_INTERVAL, interval).set(LeaseSettings.LEASE_TTL, ttl);
  }

  public TestConfig lockDelay(String delay) {
    return set(LeaseSettings.LEASE_LOCK_DELAY, delay);
  }

  /** The simulated connector's warm-up time. */
  public TestConfig warmup(String warmup) {
    return set(ConnectorSettings.SIMULATOR_WARMUP, warmup);
  }

  public TestConfig symbols(int symbols) {
    return set(ConnectorSettings.SIMULATOR_SYMBOLS, Integer.toString(symbols));
  }

  /** The simulated connector's injected failure: none, start, warmup or periodic. */
  public TestConfig failure(String failure) {
    return set(ConnectorSettings.SIMULATOR_FAILURE, failure);
  }

  public TestConfig admin(String admin) {
    return set(ConfigurationReader.ADMIN, admin);
  }

  public TestConfig nodeName(String node) {
    return set(ConfigurationReader.NODE_NAME, node);
  }

  public TestConfig errorWindow(String window) {
    return set(ActivitySettings.ACTIVITY_ERROR_WINDOW, window);
  }

  /** Card and activity poll intervals of the console. */
  public TestConfig consolePolls(String cards, String activity) {
    return set(ConsoleSettings.CONSOLE_CARDS_POLL, cards)
        .set(ConsoleSettings.CONSOLE_ACTIVITY_POLL, activity);
  }

  /** {@code perseus.security.users}, a comma list of {@code user:role:secret}. */
  public TestConfig users(String users) {
    return set(UserDirectory.PROPERTY, users);
  }

  /** {@code perseus.notify.webhooks}. */
  public TestConfig webhooks(String webhooks) {
    return set("perseus.notify.webhooks", webhooks);
  }

  /** Any other property, by its documented name. */
  /** Sets {@code property}; null leaves it unset (absent, as if never given). */
  public TestConfig set(String property, String value) {
    if (value == null) values.remove(property);
    else values.put(property, value);
    return this;
  }

  /** The instance configuration, read and validated as a deployment reads it. */
  public PerseusConfig read() {
    return ConfigurationReader.read(values());
  }

  public ConfigValues values() {
    return ConfigValues.of(Map.copyOf(values));
  }

  /** The properties, for a WAR's microprofile-config.properties or -D options. */
  public Map<String, String> properties() {
    return new TreeMap<>(values);
  }
}
