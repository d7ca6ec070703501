package com.livermore.perseus.bench;

import com.livermore.perseus.deployment.BuiltWar;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.TestConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * One Payara Micro process running the built WAR plus {@link PingResource}, configured as an
 * operator would (its own exchange, a key prefix, one viewer). Stops exactly the process it
 * started.
 */
final class BenchServer implements AutoCloseable {
  static final String EXCHANGE = "bench";
  static final String KEY_PREFIX = "http:";
  static final String USER = "viewer";
  static final String PASSWORD = "viewer-secret";
  static final Duration INTERVAL = Duration.ofMillis(333);
  static final Duration TTL = Duration.ofSeconds(1);

  private final PayaraProcess process;

  private BenchServer(PayaraProcess process) {
    this.process = process;
  }

  /**
   * Builds {@code bench/perseus-bench.war} under {@code target} and starts it; returns once its web
   * application answers. The 1 s lease TTL also sets how quickly its network watcher notices a
   * death (see {@link Failover}).
   */
  static BenchServer start(Path target, String redisAddress) {
    Path war = target.resolve("bench/perseus-bench.war");
    BuiltWar.configured("perseus-bench", Map.of())
        .addClass(PingResource.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    Path microJar =
        Path.of(System.getProperty("payara.microJar", "target/payara-micro/payara-micro.jar"));
    PayaraProcess process =
        PayaraProcess.start(
            war,
            microJar,
            target.resolve("bench/payara"),
            TestConfig.exchange(EXCHANGE)
                .keyPrefix(KEY_PREFIX)
                .redis(redisAddress)
                .heartbeat(INTERVAL.toMillis() + "ms", TTL.toMillis() + "ms")
                .warmup("1s")
                .users(USER + ":network-viewer:plain:" + PASSWORD)
                .properties());
    BenchServer server = new BenchServer(process);
    if (!process.awaitWeb(Duration.ofMinutes(3))) {
      server.close();
      throw new IllegalStateException(
          "Payara Micro did not answer in 3 minutes; see " + process.log());
    }
    return server;
  }

  URI uri(String path) {
    return URI.create(process.url() + path);
  }

  /** A GET of {@code path} with the viewer's HTTP Basic credentials. */
  HttpRequest get(String path) {
    String credentials = USER + ":" + PASSWORD;
    return HttpRequest.newBuilder(uri(path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  @Override
  public void close() {
    process.close();
  }
}
