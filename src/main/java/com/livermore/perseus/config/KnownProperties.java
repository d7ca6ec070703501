package com.livermore.perseus.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code perseus.*} property this version reads, and the check that names an unknown one (a
 * typo such as {@code PERSEUS_REDIS_USERNMAE}, or a property of a newer version) at start-up
 * together with the closest known property, instead of ignoring it silently. Pure.
 */
public final class KnownProperties {
  /** The README's configuration table lists exactly these. */
  public static final Set<String> NAMES =
      Set.of(
          ConfigurationReader.EXCHANGE,
          ConfigurationReader.ADMIN,
          ConfigurationReader.NODE_NAME,
          RedisSettings.REDIS_ADDRESS,
          RedisSettings.REDIS_MODE,
          RedisSettings.REDIS_USERNAME,
          RedisSettings.REDIS_PASSWORD,
          RedisSettings.SENTINEL_MASTER,
          RedisSettings.KEY_PREFIX,
          RedisTls.TRUSTSTORE,
          RedisTls.TRUSTSTORE_PASSWORD,
          RedisTls.KEYSTORE,
          RedisTls.KEYSTORE_PASSWORD,
          ReplicaAckSettings.REPLICA_ACKS,
          ReplicaAckSettings.REPLICA_ACK_TIMEOUT,
          LeaseSettings.HEARTBEAT_INTERVAL,
          LeaseSettings.LEASE_TTL,
          LeaseSettings.LEASE_LOCK_DELAY,
          PublicIpSettings.PUBLIC_IP_ENABLED,
          PublicIpSettings.PUBLIC_IP_ENDPOINTS,
          PublicIpSettings.PUBLIC_IP_TIMEOUT,
          ActivitySettings.ACTIVITY_RETENTION,
          ActivitySettings.ACTIVITY_MAX_LENGTH,
          ActivitySettings.ACTIVITY_ERROR_WINDOW,
          ConnectorSettings.CONNECTOR,
          ConnectorSettings.SIMULATOR_WARMUP,
          ConnectorSettings.SIMULATOR_SYMBOLS,
          ConnectorSettings.SIMULATOR_FAILURE,
          ConnectorSettings.STANDBY_WARM,
          ConsoleSettings.CONSOLE_CARDS_POLL,
          ConsoleSettings.CONSOLE_ACTIVITY_POLL,
          ConsoleSettings.CONSOLE_LATENCY_WARN,
          ConsoleSettings.CONSOLE_LATENCY_CRITICAL,
          ConsoleSettings.CONSOLE_STUCK_AFTER,
          "perseus.security.users",
          "perseus.security.login-cache",
          "perseus.security.login-throttle.failures",
          "perseus.security.login-throttle.window",
          "perseus.security.allowed-origins",
          "perseus.notify.webhooks",
          "perseus.notify.events",
          "perseus.notify.queue-capacity",
          "perseus.notify.max-attempts",
          "perseus.notify.initial-backoff",
          "perseus.notify.timeout");

  private static final String PROPERTY_PREFIX = "perseus.";
  private static final String VARIABLE_PREFIX = "PERSEUS_";

  private KnownProperties() {}

  /**
   * The environment variable MicroProfile Config maps to {@code property}: {@code
   * perseus.redis.replica-acks} is {@code PERSEUS_REDIS_REPLICA_ACKS}.
   */
  public static String variable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /**
   * One warning naming every {@code perseus.*} property and {@code PERSEUS_*} variable among {@code
   * names} that this version does not read, each with the closest known one; empty when all are
   * known.
   */
  public static Optional<String> unknown(Iterable<String> names) {
    Set<String> variables = new TreeSet<>();
    NAMES.forEach(n -> variables.add(variable(n)));
    List<String> found = new ArrayList<>();
    for (String name : new TreeSet<>(toList(names))) {
      if (name.startsWith(PROPERTY_PREFIX) && !NAMES.contains(name)) {
        found.add(name + " (did you mean " + closest(name, NAMES) + "?)");
      } else if (name.startsWith(VARIABLE_PREFIX) && !variables.contains(name)) {
        found.add(name + " (did you mean " + closest(name, variables) + "?)");
      }
    }
    if (found.isEmpty()) return Optional.empty();
    return Optional.of(
        "Ignoring configuration this version of Perseus does not know: "
            + String.join(", ", found)
            + ". The README's configuration table lists every property.");
  }

  private static List<String> toList(Iterable<String> names) {
    List<String> list = new ArrayList<>();
    names.forEach(list::add);
    return list;
  }

  private static String closest(String name, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(known)) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
