package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.config.InvalidConfigurationException;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.config.RedisTls;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestCertificates;
import com.livermore.perseus.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@code rediss://} with the production client configuration against a real {@code redis-server}
 * TLS port that requires a client certificate, with a CA the test generated: the CA as a PEM file
 * or a PKCS12 store, the client certificate from a PKCS12 store, and hostname verification on.
 */
class RedisTlsIT {
  static TestCertificates certificates;
  static int tlsPort;
  static RedisServer redis;

  @BeforeAll
  static void startTlsRedis() {
    certificates = TestCertificates.create();
    tlsPort = RedisServer.freeLoopbackPort();
    redis = RedisServer.startWithTls(tlsPort, certificates.redisArgs());
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  TestConfig tls(String host) {
    return TestConfig.exchange("kraken")
        .redis("rediss://" + host + ":" + tlsPort)
        .set(RedisTls.KEYSTORE, certificates.clientPkcs12().toString())
        .set(RedisTls.KEYSTORE_PASSWORD, TestCertificates.STORE_PASSWORD);
  }

  static String roundTrip(RedisSettings settings) {
    RedissonClient client = Redisson.create(RedisClientProducer.redissonConfig(settings));
    try {
      client.getBucket("tls:probe", StringCodec.INSTANCE).set("over tls");
      return client.<String>getBucket("tls:probe", StringCodec.INSTANCE).get();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aPemCaAndAPkcs12ClientCertificateConnect() {
    RedisSettings settings =
        tls("127.0.0.1").set(RedisTls.TRUSTSTORE, certificates.caPem().toString()).read().redis();
    assertThat(roundTrip(settings)).isEqualTo("over tls");
  }

  @Test
  void aPkcs12TruststoreWithItsPasswordConnects() {
    RedisSettings settings =
        tls("127.0.0.1")
            .set(RedisTls.TRUSTSTORE, certificates.caPkcs12().toString())
            .set(RedisTls.TRUSTSTORE_PASSWORD, TestCertificates.STORE_PASSWORD)
            .read()
            .redis();
    assertThat(roundTrip(settings)).isEqualTo("over tls");
  }

  @Test
  void aHostNameTheCertificateDoesNotNameIsRefused() {
    // The server certificate names 127.0.0.1 only: localhost must fail hostname verification.
    RedisSettings settings =
        tls("localhost").set(RedisTls.TRUSTSTORE, certificates.caPem().toString()).read().redis();
    assertThatThrownBy(() -> roundTrip(settings)).satisfies(RedisTlsIT::failedInTheHandshake);
  }

  @Test
  void withoutTheCaTheServerIsNotTrusted() {
    RedisSettings settings = tls("127.0.0.1").read().redis(); // the JVM's default CAs only
    assertThatThrownBy(() -> roundTrip(settings)).satisfies(RedisTlsIT::failedInTheHandshake);
  }

  /** The failure is the TLS handshake's, not a refused connection. */
  static void failedInTheHandshake(Throwable e) {
    StringBuilder chain = new StringBuilder();
    boolean tls = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t).append(" <- ");
      tls |= t instanceof javax.net.ssl.SSLException;
    }
    assertThat(tls).as("an SSLException in %s", chain).isTrue();
  }

  @Test
  void aStoreThatCannotBeReadFailsWithOneSentenceNamingTheProperty() throws Exception {
    Path garbage = Files.createTempFile("not-a-store", ".p12");
    Files.writeString(garbage, "not a keystore");
    RedisSettings settings =
        tls("127.0.0.1").set(RedisTls.TRUSTSTORE, garbage.toString()).read().redis();
    assertThatThrownBy(() -> RedisClientProducer.redissonConfig(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(RedisTls.TRUSTSTORE + " must be a PEM file")
        .hasMessageNotContaining(TestCertificates.STORE_PASSWORD);
    Files.delete(garbage);
  }
}
