package com.livermore.perseus.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS towards Redis ({@code rediss://} addresses): the CA to trust (a PEM file, or a PKCS12 or JKS
 * store with its password) and, optionally, a client certificate in a PKCS12 or JKS store.
 * Hostnames are always verified. Without a truststore the JVM's default CAs are trusted. The
 * passwords are kept out of {@link #toString()}.
 */
public record RedisTls(
    Optional<Path> truststore,
    Optional<String> truststorePassword,
    Optional<Path> keystore,
    Optional<String> keystorePassword) {
  public static final String TRUSTSTORE = "perseus.redis.tls.truststore";
  public static final String TRUSTSTORE_PASSWORD = "perseus.redis.tls.truststore-password";
  public static final String KEYSTORE = "perseus.redis.tls.keystore";
  public static final String KEYSTORE_PASSWORD = "perseus.redis.tls.keystore-password";

  public static final RedisTls DEFAULT =
      new RedisTls(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  static RedisTls read(ConfigValues values) {
    Optional<Path> truststore = values.text(TRUSTSTORE).map(p -> readable(TRUSTSTORE, p));
    Optional<Path> keystore = values.text(KEYSTORE).map(p -> readable(KEYSTORE, p));
    Optional<String> keystorePassword = values.text(KEYSTORE_PASSWORD);
    if (keystore.isPresent() && keystorePassword.isEmpty()) {
      throw new InvalidConfigurationException(
          KEYSTORE_PASSWORD + " is required with " + KEYSTORE + " (the client key's store).");
    }
    return new RedisTls(truststore, values.text(TRUSTSTORE_PASSWORD), keystore, keystorePassword);
  }

  /** True when a store was configured, which only a {@code rediss://} address can use. */
  boolean configured() {
    return truststore.isPresent() || keystore.isPresent();
  }

  private static Path readable(String property, String text) {
    Path path = Path.of(text);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new InvalidConfigurationException(
          property + " must name a readable file, but '" + text + "' is not one.");
    }
    return path;
  }

  @Override
  public String toString() {
    return "RedisTls[truststore="
        + truststore.map(Path::toString).orElse("(JVM default)")
        + ", keystore="
        + keystore.map(Path::toString).orElse("(none)")
        + "]";
  }
}
