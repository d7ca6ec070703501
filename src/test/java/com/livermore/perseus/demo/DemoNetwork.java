package com.livermore.perseus.demo;

import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.config.PublicIpSettings;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.UnreadableRecordException;
import com.livermore.perseus.security.UserDirectory;
import com.livermore.perseus.testing.PayaraProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's first command: a small Perseus network on this machine. Starts a Redis (the embedded
 * binary unless PERSEUS_REDIS_ADDRESS names one) and one Payara Micro instance per exchange, each
 * on a free port, prints where everything is, and on Ctrl-C stops exactly the processes it started,
 * letting each instance release its lease first.
 */
public final class DemoNetwork {
  private static final List<String> EXCHANGES = List.of("coinbase", "kraken", "bitstamp");

  private final List<Instance> instances = new ArrayList<>();
  private RedisServer redis;
  private volatile boolean stopping;
  private String redisAddress;
  private final String adminPassword = password();
  private final String viewerPassword = password();

  record Instance(String name, String exchange, int port, PayaraProcess process, Path log) {}

  public static void main(String[] args) throws Exception {
    new DemoNetwork().run(Path.of(args.length > 0 ? args[0] : "target"));
  }

  private void run(Path target) throws Exception {
    Path war = target.resolve("perseus.war");
    Path micro = target.resolve("payara-micro/payara-micro.jar");
    require(war, "the WAR");
    require(micro, "the Payara Micro jar");
    Path runDir =
        target
            .resolve("demo")
            .resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now()));
    Files.createDirectories(runDir);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "perseus-demo-stop"));

    String external = System.getenv("PERSEUS_REDIS_ADDRESS");
    if (external != null && !external.isBlank()) {
      redisAddress = external.trim();
      say("Using Redis at " + redisAddress + " (PERSEUS_REDIS_ADDRESS).");
    } else {
      redis = RedisServer.start();
      redisAddress = redis.address();
      say("Started Redis at " + redisAddress + " (pid " + redis.pid() + ").");
    }

    for (String exchange : EXCHANGES) {
      instances.add(launch(exchange, exchange, war, micro, runDir));
    }
    // A second coinbase instance: whichever claims second waits as its warm standby.
    instances.add(launch("coinbase", "coinbase-2", war, micro, runDir));
    say(
        "Starting "
            + instances.size()
            + " Payara Micro instances (about 20-40 s on a small machine); logs under "
            + runDir
            + " ...");
    awaitActive(Duration.ofMinutes(4));
    for (Instance i : instances) {
      if (!i.process().awaitWeb(Duration.ofMinutes(2)))
        say("  " + i.name() + "'s web console does not answer yet; see " + i.log());
    }

    say("");
    say("Perseus demo network is up:");
    for (Instance i : instances) {
      say(
          String.format(
              "  %-10s http://127.0.0.1:%d/   (pid %d, log %s)",
              i.name(), i.port(), i.process().pid(), i.log()));
    }
    say("");
    int api = instances.get(0).port();
    say("Console:  http://127.0.0.1:" + api + "/  (any instance serves the whole network)");
    say("Logins generated for this run (any instance accepts them):");
    say("  admin  / " + adminPassword + "   (network-admin)");
    say("  viewer / " + viewerPassword + "   (network-viewer)");
    say("");
    say(
        "The network as JSON:  curl -u viewer:"
            + viewerPassword
            + " http://127.0.0.1:"
            + api
            + "/api/network/instances");
    say(
        "Activity:             curl -u viewer:"
            + viewerPassword
            + " 'http://127.0.0.1:"
            + api
            + "/api/network/activity?limit=20'");
    say(
        "Health and OpenAPI:   http://127.0.0.1:"
            + api
            + "/health   http://127.0.0.1:"
            + api
            + "/openapi");
    say("");
    if (redis != null) {
      say("Inspect the registry with redis-cli, e.g.:");
      say("  redis-cli -p " + redis.port() + " GET 'exchange:{coinbase}:instance'");
      say("  redis-cli -p " + redis.port() + " XRANGE 'logs:network:{coinbase}' - +");
      say("");
    }
    say(
        "coinbase runs on two instances: one owns it, the other waits as a warm standby. Press"
            + " 'Hand over' on the coinbase card (as admin) and watch the exchange move; stop one"
            + " with Ctrl-C and the other takes over at once.");
    say("");
    say("Press Ctrl-C to stop the network (leases are released and 'deregistered' is recorded).");
    while (true) {
      for (Instance i : instances) {
        if (!stopping && !i.process().isAlive()) {
          say(i.name() + " instance exited (code " + i.process().exitValue() + "); see " + i.log());
          instances.remove(i);
          break;
        }
      }
      Thread.sleep(2000);
    }
  }

  private Instance launch(String exchange, String name, Path war, Path micro, Path runDir) {
    Map<String, String> props =
        TestConfig.exchange(exchange)
            .redis(redisAddress)
            .set(
                RedisSettings.REDIS_MODE,
                // PERSEUS_REDIS_MODE (sentinel, cluster) and every other PERSEUS_REDIS_* variable
                // reach the instances through their environment; a system property would win.
                System.getenv("PERSEUS_REDIS_MODE") != null
                    ? null
                    : redisAddress.contains(",") ? "cluster" : "single")
            .heartbeat("5s", "15s")
            .admin("demo-ops@" + exchange + ".example")
            .warmup("8s")
            .set(ConnectorSettings.STANDBY_WARM, "true") // the standby prepares while it waits
            .set(PublicIpSettings.PUBLIC_IP_ENABLED, "true") // a demo shows the public IP
            .properties();
    // The users (with their hashes) go through the environment, never the command line `ps` shows.
    Map<String, String> env =
        Map.of(
            "PERSEUS_SECURITY_USERS",
            "admin:network-admin:"
                + UserDirectory.hash(adminPassword.toCharArray())
                + ",viewer:network-viewer:"
                + UserDirectory.hash(viewerPassword.toCharArray()));
    PayaraProcess p = PayaraProcess.start(war, micro, runDir.resolve(name), props, env);
    return new Instance(name, exchange, p.port(), p, p.log());
  }

  private void awaitActive(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    List<String> pending = new ArrayList<>(EXCHANGES);
    while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
      for (String exchange : List.copyOf(pending)) {
        OwnerRecord r = owner(exchange);
        if (r != null && r.state().wireName().equals("active")) {
          say(
              "  "
                  + exchange
                  + " is active (instance "
                  + r.instanceId()
                  + ", epoch "
                  + r.epoch()
                  + ", "
                  + r.symbolCount()
                  + " symbols)");
          pending.remove(exchange);
        }
      }
      Thread.sleep(1000);
    }
    if (!pending.isEmpty()) {
      say(
          "Still not active after "
              + timeout.toSeconds()
              + " s: "
              + pending
              + " - see the logs above.");
    }
  }

  /**
   * The exchange's owner as the network's own API reports it (so the check works on every Redis the
   * instances can use: TLS, ACL users, Sentinel, Cluster), or null while there is none.
   */
  private OwnerRecord owner(String exchange) {
    for (Instance i : instances) {
      try {
        var api = com.livermore.perseus.testing.ApiClient.at("http://127.0.0.1:" + i.port() + "/");
        var response = api.get("api/network/exchanges/" + exchange, "admin:" + adminPassword);
        if (response.statusCode() != 200) continue;
        var owner = com.livermore.perseus.testing.ApiClient.json(response).path("owner");
        return owner.isMissingNode() || owner.isNull()
            ? null
            : RecordJson.readOwner(owner.toString());
      } catch (java.io.IOException | UnreadableRecordException e) {
        // not up yet: ask the next instance
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /**
   * True when the demo's own Redis holds no lease for {@code exchange} (never for another Redis).
   */
  private boolean released(String exchange) {
    if (redis == null) return false;
    try (Resp r = redis.connect()) {
      return r.call("GET", "exchange:{" + exchange + "}:instance") == null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Stops exactly what this demo started: SIGTERM to each instance (it releases its lease), then
   * Redis.
   */
  private void stop() {
    stopping = true;
    say("Stopping the demo network ...");
    instances.parallelStream()
        .forEach(
            i -> {
              if (i.process().stop()) {
                say(
                    "  "
                        + i.name()
                        + " stopped"
                        + (released(i.exchange()) ? "; lease released" : ""));
              } else {
                say("  " + i.name() + " did not stop within 30 s; killed pid " + i.process().pid());
              }
            });
    if (redis != null) {
      redis.close();
      say("  Redis stopped.");
    }
  }

  /** 16 random characters from an alphabet without look-alikes. */
  private static String password() {
    String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    java.security.SecureRandom random = new java.security.SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return out.toString();
  }

  private static void require(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file + " (" + what + ") is missing: start the demo with ./mvnw -Pdemo package");
    }
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
