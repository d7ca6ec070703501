package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.LeaseSettings;
import com.livermore.perseus.config.PublicIpSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR on a real Payara Micro 6 against a harness Redis: the instance claims its exchange,
 * reaches {@code active} through the EJB heartbeat timer, keeps its lease alive, and releases it
 * when undeployed; a broken configuration fails the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InstanceOnPayaraIT {
  static RedisServer redis;

  @ArquillianResource Deployer deployer;

  static synchronized RedisServer redis() {
    if (redis == null) redis = RedisServer.start();
    return redis;
  }

  static Map<String, String> config(String exchange) {
    return settings(exchange).properties();
  }

  /** With the public-IP lookup on, against a port where nothing answers: start-up must not wait. */
  static TestConfig settings(String exchange) {
    return TestConfig.exchange(exchange)
        .redis(redis().address())
        .heartbeat("1s", "3s")
        .warmup("2s")
        .symbols(25)
        .admin("payara-it@example.com")
        .set(PublicIpSettings.PUBLIC_IP_ENABLED, "true")
        .set(PublicIpSettings.PUBLIC_IP_ENDPOINTS, "http://127.0.0.1:9/")
        .set(PublicIpSettings.PUBLIC_IP_TIMEOUT, "1s");
  }

  @Deployment(name = "kraken", managed = false, testable = false)
  static WebArchive kraken() {
    return BuiltWar.configured("kraken", config("kraken"));
  }

  @Deployment(name = "bad-ttl", managed = false, testable = false)
  static WebArchive badTtl() {
    return BuiltWar.configured(
        "bad-ttl", settings("bitstamp").set(LeaseSettings.LEASE_TTL, "2s").properties());
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) redis.close();
  }

  static String get(String key) {
    try (Resp r = redis().connect()) {
      return (String) r.call("GET", key);
    }
  }

  static OwnerRecord lease(String exchange) {
    String json = get("exchange:{" + exchange + "}:instance");
    return json == null ? null : RecordJson.readOwner(json);
  }

  @Test
  void deployedInstanceReachesActiveKeepsItsLeaseAndReleasesItOnUndeploy() {
    deployer.deploy("kraken");
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> lease("kraken") != null && lease("kraken").state() == ConnectionState.ACTIVE);
      OwnerRecord active = lease("kraken");
      assertThat(active.symbolCount()).isEqualTo(25);
      assertThat(active.admin()).isEqualTo("payara-it@example.com");
      assertThat(active.ipAddress()).as("no lookup service answers here").isNull();
      assertThat(active.version()).isEqualTo("0.1.0-SNAPSHOT");

      // The EJB timer keeps renewing: lastHeartbeat advances and the TTL never reaches zero.
      Instant first = active.lastHeartbeat();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> lease("kraken").lastHeartbeat().isAfter(first));
      for (int i = 0; i < 8; i++) {
        try (Resp r = redis().connect()) {
          assertThat((Long) r.call("PTTL", "exchange:{kraken}:instance")).isPositive();
        }
        sleep(500);
      }
      assertThat(lease("kraken").instanceId()).isEqualTo(active.instanceId());
    } finally {
      deployer.undeploy("kraken");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> lease("kraken") == null);
    OwnerRecord last = RecordJson.readOwner(get("exchange:{kraken}:last"));
    assertThat(last.state()).isEqualTo(ConnectionState.STOPPED);
    assertThat(lastEntryType("logs:network:{kraken}")).isEqualTo("deregistered");
  }

  @Test
  void aLeaseTtlBelowThreeHeartbeatsFailsTheDeploymentWithOneSentence() {
    PrintStream original = System.out;
    ByteArrayOutputStream server = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new TeeOutputStream(original, server), true));
    try {
      try {
        deployer.deploy("bad-ttl");
      } catch (RuntimeException e) {
        // some adapters report the failure, Payara Micro's only logs it; the log is what we check
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> server.toString().contains("Exception while loading the app"));
    } finally {
      System.setOut(original);
      try {
        deployer.undeploy("bad-ttl");
      } catch (RuntimeException e) {
        // nothing was deployed
      }
    }
    assertThat(server.toString())
        .contains(
            "perseus.lease.ttl must be at least 3 x perseus.heartbeat.interval (3s), but was 2s.");
    assertThat(lease("bitstamp")).as("nothing was claimed").isNull();
    assertThat(get("exchange:{bitstamp}:last")).isNull();
  }

  /**
   * Copies what Payara Micro prints (the adapter forwards it to System.out) into a buffer the test
   * can read.
   */
  static final class TeeOutputStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeOutputStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }

  @SuppressWarnings("unchecked")
  static String lastEntryType(String stream) {
    try (Resp r = redis().connect()) {
      List<Object> entries = (List<Object>) r.call("XREVRANGE", stream, "+", "-", "COUNT", "1");
      List<Object> kv = (List<Object>) ((List<Object>) entries.get(0)).get(1);
      return (String) kv.get(1);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
