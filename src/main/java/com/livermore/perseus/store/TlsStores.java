package com.livermore.perseus.store;

import com.livermore.perseus.config.InvalidConfigurationException;
import com.livermore.perseus.config.RedisTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust and key managers for {@code rediss://}, built from {@link RedisTls}: a PEM file of CA
 * certificates, or a PKCS12 or JKS store (the type is detected from the file). A file that cannot
 * be read fails the deployment with one sentence naming the property; a password never appears in
 * it.
 */
final class TlsStores {
  private TlsStores() {}

  /** The CAs to trust; empty to trust the JVM's defaults. */
  static Optional<TrustManagerFactory> trust(RedisTls tls) {
    if (tls.truststore().isEmpty()) return Optional.empty();
    Path path = tls.truststore().get();
    try {
      KeyStore store =
          isPem(path)
              ? pemCertificates(path)
              : KeyStore.getInstance(path.toFile(), password(tls.truststorePassword()));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return Optional.of(factory);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigurationException(
          RedisTls.TRUSTSTORE
              + " must be a PEM file of CA certificates or a PKCS12/JKS store readable with "
              + RedisTls.TRUSTSTORE_PASSWORD
              + ", but "
              + path
              + " could not be read ("
              + e.getClass().getSimpleName()
              + ").");
    }
  }

  /** The client certificate and key; empty when none is configured. */
  static Optional<KeyManagerFactory> keys(RedisTls tls) {
    if (tls.keystore().isEmpty()) return Optional.empty();
    Path path = tls.keystore().get();
    char[] password = password(tls.keystorePassword());
    try {
      KeyStore store = KeyStore.getInstance(path.toFile(), password);
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return Optional.of(factory);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigurationException(
          RedisTls.KEYSTORE
              + " must be a PKCS12/JKS store with the client certificate and key, readable with "
              + RedisTls.KEYSTORE_PASSWORD
              + ", but "
              + path
              + " could not be read ("
              + e.getClass().getSimpleName()
              + ").");
    }
  }

  private static boolean isPem(Path path) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(path)) {
      start = in.readNBytes(64);
    }
    return new String(start, java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN");
  }

  private static KeyStore pemCertificates(Path path) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(path)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate in the file");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  private static char[] password(Optional<String> password) {
    return password.map(String::toCharArray).orElse(new char[0]);
  }
}
