package com.livermore.perseus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process running the WAR on a free port ({@code --nocluster}, its own root and
 * temp directories), configured through system properties. Stops exactly the process it started:
 * SIGTERM (the instance releases its lease) or SIGKILL (it dies as in a crash).
 */
public final class PayaraProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private PayaraProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static PayaraProcess start(
      Path war, Path microJar, Path dir, Map<String, String> properties) {
    return start(war, microJar, dir, properties, Map.of());
  }

  /**
   * As {@link #start(Path, Path, Path, Map)}, with {@code environment} added to the process's
   * environment (secrets go there, out of the command line that {@code ps} shows).
   */
  public static PayaraProcess start(
      Path war,
      Path microJar,
      Path dir,
      Map<String, String> properties,
      Map<String, String> environment) {
    try {
      int port = freePort();
      Files.createDirectories(dir.resolve("tmp"));
      Path log = dir.resolve("server.log");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx384m",
                  "-Djava.io.tmpdir=" + dir.resolve("tmp")));
      // For profiling a run, e.g. -Dperseus.test.payara-jvm-options=-XX:StartFlightRecording=...
      String extra = System.getProperty("perseus.test.payara-jvm-options", "").trim();
      if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
      new TreeMap<>(properties).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
      cmd.addAll(
          List.of(
              "-jar",
              microJar.toString(),
              "--nocluster",
              "--port",
              Integer.toString(port),
              "--contextroot",
              "/",
              "--rootdir",
              dir.resolve("payara").toString(),
              "--deploy",
              war.toString()));
      cmd.addAll(serverConfigOptions());
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      String password = System.getenv("PERSEUS_REDIS_PASSWORD");
      if (password != null) pb.environment().put("PERSEUS_REDIS_PASSWORD", password);
      pb.environment().putAll(environment);
      return new PayaraProcess(pb.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the WAR the build produced ({@code perseus.war}) on the Payara Micro jar the build
   * fetched ({@code payara.microJar}), in a new directory under the temporary directory.
   */
  public static PayaraProcess startBuiltWar(String name, Map<String, String> properties) {
    return startBuiltWar(name, properties, Map.of());
  }

  /** As {@link #startBuiltWar(String, Map)}, with {@code environment} for the process. */
  public static PayaraProcess startBuiltWar(
      String name, Map<String, String> properties, Map<String, String> environment) {
    try {
      Path war = Path.of(System.getProperty("perseus.war", "target/perseus.war"));
      Path micro =
          Path.of(System.getProperty("payara.microJar", "target/payara-micro/payara-micro.jar"));
      return start(
          war, micro, Files.createTempDirectory("payara-" + name), properties, environment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /**
   * Waits until the web application answers (its login page), which is later than the instance
   * claiming its lease: the EJB start-up runs before the web module has finished loading.
   */
  public boolean awaitWeb(java.time.Duration timeout) {
    ApiClient web = ApiClient.at(url());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (web.get("login.xhtml", null, java.time.Duration.ofSeconds(5)).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int exitValue() {
    return process.exitValue();
  }

  /**
   * SIGTERM and wait (the instance walks to stopped and releases its lease); SIGKILL after 30 s.
   */
  public boolean stop() {
    process.destroy();
    try {
      if (process.waitFor(30, TimeUnit.SECONDS)) return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    return false;
  }

  /** SIGKILL: the JVM dies as in a crash, leaving its lease to expire. */
  public void kill() {
    Signals.killAndWait(process);
  }

  /**
   * SIGSTOP: the JVM freezes (every thread, timers included), like a long GC pause or a frozen VM.
   */
  public void pause() {
    Signals.send(process.pid(), "STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
    Signals.send(process.pid(), "CONT");
  }

  @Override
  public void close() {
    if (process.isAlive()) stop();
  }

  /**
   * The command files of {@code server-config/payara} that every Perseus deployment on Payara Micro
   * should use (read timeout, Payara's own metrics off), as the README says.
   */
  public static List<String> serverConfigOptions() {
    Path dir = Path.of(System.getProperty("perseus.payara.server-config", "server-config/payara"));
    Path pre = dir.resolve("pre-boot-commands.asadmin");
    Path post = dir.resolve("post-boot-commands.asadmin");
    if (!Files.isRegularFile(pre) || !Files.isRegularFile(post)) {
      throw new IllegalStateException(
          "Payara's command files are missing from "
              + dir.toAbsolutePath()
              + " (set perseus.payara.server-config to the project's server-config/payara).");
    }
    return List.of(
        "--prebootcommandfile",
        pre.toAbsolutePath().toString(),
        "--postbootcommandfile",
        post.toAbsolutePath().toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
