package com.livermore.perseus.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the instance's configuration: who it is ({@code perseus.exchange}, {@code perseus.admin},
 * {@code perseus.node-name}, read here) and each settings section, which reads and validates its
 * own properties. The webhooks ({@code WebhookSettings}) and users ({@code UserDirectory}) are
 * sections of the same {@link ConfigValues}, read by their own packages. The first broken rule
 * throws {@link InvalidConfigurationException}, which fails the deployment.
 */
public final class ConfigurationReader {
  public static final String EXCHANGE = "perseus.exchange";
  public static final String ADMIN = "perseus.admin";
  public static final String NODE_NAME = "perseus.node-name";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern NODE_NAME_RULE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private ConfigurationReader() {}

  public static PerseusConfig read(ConfigValues values) {
    String exchange =
        values
            .text(EXCHANGE)
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
    LeaseSettings lease = LeaseSettings.read(values);
    RedisSettings redis =
        RedisSettings.read(values)
            .withReplicaAcks(ReplicaAckSettings.read(values, lease.heartbeatInterval()));
    return new PerseusConfig(
        exchange,
        values.text(ADMIN, ""),
        nodeName(values),
        redis,
        lease,
        ActivitySettings.read(values),
        PublicIpSettings.read(values),
        ConnectorSettings.read(values),
        ConsoleSettings.read(values));
  }

  public static PerseusConfig read(Function<String, Optional<String>> source) {
    return read(new ConfigValues(source));
  }

  /** A slug as docs/DESIGN.md defines it for exchange ids: {@code [a-z0-9][a-z0-9_-]{0,63}}. */
  public static boolean isSlug(String value) {
    return value != null && SLUG.matcher(value).matches();
  }

  private static String nodeName(ConfigValues values) {
    Optional<String> name = values.text(NODE_NAME);
    if (name.isPresent() && !NODE_NAME_RULE.matcher(name.get()).matches()) {
      throw new InvalidConfigurationException(
          NODE_NAME
              + " must be 1-128 characters of letters, digits, '.', '-' or '_', but was '"
              + name.get()
              + "'.");
    }
    return name.orElse("");
  }
}
