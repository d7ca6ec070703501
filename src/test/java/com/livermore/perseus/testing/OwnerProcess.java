package com.livermore.perseus.testing;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.store.RedisClientProducer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * An owner in a JVM of its own: one instance of an exchange (simulated connector), heartbeating
 * until the process is killed. {@link #kill()} sends SIGKILL, so the lease is left to expire as it
 * is after a crash; {@link #close()} kills exactly the process this object started.
 */
public final class OwnerProcess implements AutoCloseable {
  private final Process process;
  private final String instanceId;

  private OwnerProcess(Process process, String instanceId) {
    this.process = process;
    this.instanceId = instanceId;
  }

  /**
   * Starts an owner of {@code exchange} on the Redis at {@code address}, and waits until it is
   * active (at most 60 s).
   */
  public static OwnerProcess start(String address, String exchange, String interval, String ttl)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    OwnerProcess.class.getName(),
                    address,
                    exchange,
                    interval,
                    ttl))
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> active = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  if (line.startsWith("ACTIVE ")) active.complete(line.substring(7).trim());
                }
              } catch (IOException e) {
                // the process is gone
              }
              active.completeExceptionally(new IllegalStateException("the owner process ended"));
            },
            "owner-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new OwnerProcess(process, active.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the owner of " + exchange + " did not become active", e);
    }
  }

  public String instanceId() {
    return instanceId;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no release, no last word; the lease expires on its own. */
  public void kill() {
    Signals.killAndWait(process);
  }

  @Override
  public void close() {
    if (process.isAlive()) kill();
  }

  /** The owner process: {@code <redis address> <exchange> <heartbeat interval> <lease ttl>}. */
  public static void main(String[] args) throws Exception {
    PerseusConfig config =
        TestConfig.exchange(args[1]).redis(args[0]).heartbeat(args[2], args[3]).warmup("0s").read();
    RedissonClient redisson = Redisson.create(RedisClientProducer.redissonConfig(config.redis()));
    TestInstances instances = new TestInstances(redisson, config.redis().keyPrefix());
    ExchangeInstance instance = instances.create(config);
    instances.startBeating(instance, config);
    long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
    while (instance.status().state() != ConnectionState.ACTIVE) {
      if (System.nanoTime() > deadline) System.exit(2);
      Thread.sleep(20);
    }
    System.out.println("ACTIVE " + instance.status().instanceId());
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
