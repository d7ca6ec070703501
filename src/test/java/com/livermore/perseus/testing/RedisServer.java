package com.livermore.perseus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real {@code redis-server} process on a free loopback port, without persistence, with its own
 * temp directory holding its log (stdout and stderr) and, in cluster mode, its {@code nodes.conf}.
 * Only the process this object started is ever signalled.
 */
public final class RedisServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 5;
  private static final Set<RedisServer> LIVE = ConcurrentHashMap.newKeySet();

  static {
    // A safety net for a test that forgets close(): no redis-server outlives the JVM.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(s -> s.process.destroyForcibly())));
  }

  private final int port;
  private final Path dir;
  private final List<String> command;
  private volatile Process process;
  private volatile boolean paused;

  private RedisServer(int port, Path dir, List<String> extraArgs) {
    this(port, dir, List.of(), extraArgs);
  }

  /** {@code leading}: arguments right after the binary (a sentinel's config file and mode). */
  private RedisServer(int port, Path dir, List<String> leading, List<String> extraArgs) {
    this.port = port;
    this.dir = dir;
    this.command = new ArrayList<>();
    command.add(RedisBinary.path().toString());
    command.addAll(leading);
    command.addAll(List.of("--port", Integer.toString(port), "--bind", HOST));
    command.addAll(List.of("--save", "", "--appendonly", "no", "--daemonize", "no"));
    command.addAll(List.of("--dir", dir.toString()));
    // Redis 7 syncs replicas diskless after a 5 s grace delay; tests should not wait for it.
    command.addAll(List.of("--repl-diskless-sync-delay", "0"));
    if (RedisBinary.majorVersion() >= 7) {
      // Redis 7 refuses DEBUG (SLEEP, ...) unless enabled; 6.2 rejects the unknown option.
      command.addAll(List.of("--enable-debug-command", "yes"));
    }
    command.addAll(extraArgs);
  }

  /** Starts a server and returns once it answers PING; {@code extraArgs} are appended verbatim. */
  public static RedisServer start(String... extraArgs) {
    for (int attempt = 1; ; attempt++) {
      RedisServer server = new RedisServer(freePort(), tempDir(), List.of(extraArgs));
      try {
        server.launch();
        return server;
      } catch (PortTakenException e) {
        // Another process bound the port between our probe and redis-server's bind.
        server.close();
        if (attempt == START_ATTEMPTS) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
  }

  /**
   * A Redis Sentinel on a free port monitoring {@code master} as {@code masterName}, with {@code
   * quorum}, judging the master down after {@code downAfter} of silence. Its config file (which a
   * sentinel rewrites) lives in its own temp directory.
   */
  public static RedisServer startSentinel(
      String masterName, RedisServer master, int quorum, Duration downAfter) {
    for (int attempt = 1; ; attempt++) {
      Path dir = tempDir();
      Path conf = dir.resolve("sentinel.conf");
      try {
        Files.writeString(
            conf,
            String.join(
                "\n",
                "sentinel monitor " + masterName + " " + HOST + " " + master.port() + " " + quorum,
                "sentinel down-after-milliseconds " + masterName + " " + downAfter.toMillis(),
                "sentinel failover-timeout " + masterName + " 3000",
                "sentinel parallel-syncs " + masterName + " 1",
                ""));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + conf, e);
      }
      RedisServer sentinel =
          new RedisServer(freePort(), dir, List.of(conf.toString(), "--sentinel"), List.of());
      try {
        sentinel.launch();
        return sentinel;
      } catch (PortTakenException e) {
        sentinel.close();
        if (attempt == START_ATTEMPTS) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      } catch (RuntimeException e) {
        sentinel.close();
        throw e;
      }
    }
  }

  /**
   * A server whose plain port (for the harness) comes with a TLS port: {@code tlsArgs} name its
   * certificate files; the TLS port is free too.
   */
  public static RedisServer startWithTls(int tlsPort, String... tlsArgs) {
    List<String> args = new ArrayList<>(List.of("--tls-port", Integer.toString(tlsPort)));
    args.addAll(List.of(tlsArgs));
    return start(args.toArray(String[]::new));
  }

  /** A free loopback port, for a second listener such as a TLS port. */
  public static int freeLoopbackPort() {
    return freePort();
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:port}, the form Redisson's configuration takes. */
  public String address() {
    return "redis://" + HOST + ":" + port;
  }

  public Resp connect() {
    return new Resp(HOST, port);
  }

  public Resp connect(Duration timeout) {
    return new Resp(HOST, port, timeout);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Running and not stopped by {@link #pause()}: able to answer. */
  public boolean isServing() {
    return isRunning() && !paused;
  }

  public Path dir() {
    return dir;
  }

  public Path logFile() {
    return dir.resolve("redis.log");
  }

  /** SIGTERM and wait for the exit; a paused server is continued so it can act on the signal. */
  public void stop() {
    if (!isRunning()) {
      return;
    }
    process.destroy();
    if (paused) {
      signal("CONT");
      paused = false;
    }
    awaitExit();
  }

  /** SIGKILL: the server dies without any shutdown work, like a crashed host. */
  public void kill() {
    if (!isRunning()) {
      return;
    }
    process.destroyForcibly();
    paused = false;
    awaitExit();
  }

  /**
   * Starts the server again on the same port with the same arguments. Data is gone (no
   * persistence); a cluster node keeps its identity because {@code nodes.conf} stays in {@link
   * #dir()}.
   */
  public void restart() {
    restartAfter(Duration.ZERO);
  }

  /**
   * Stops the server (SIGTERM: with {@code --appendonly yes} it keeps its data), leaves it down for
   * {@code downtime}, and starts it again on the same port.
   */
  public void restartAfter(Duration downtime) {
    stop();
    sleep(downtime.toMillis());
    try {
      launch();
    } catch (PortTakenException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * SIGKILL, then a start on the same port with every data file (RDB, AOF) deleted: the node comes
   * back empty, as a host that lost its disk would.
   */
  public void restartWithoutData() {
    kill();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(
              p ->
                  !p.equals(dir)
                      && !p.equals(logFile())
                      && !p.getFileName().toString().endsWith(".conf"))
          .forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the data of " + this, e);
    }
    try {
      launch();
    } catch (PortTakenException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** SIGSTOP: the process stays alive but answers nothing, like a long GC pause or a frozen VM. */
  public void pause() {
    requireRunning("pause");
    signal("STOP");
    paused = true;
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
    requireRunning("resume");
    signal("CONT");
    paused = false;
  }

  /** The server's own output, for failure messages. */
  public String log() {
    try {
      return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + logFile() + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      kill();
      deleteDir();
    }
  }

  @Override
  public String toString() {
    return "redis-server " + HOST + ":" + port + (isRunning() ? " pid " + pid() : " (stopped)");
  }

  private void launch() {
    try {
      process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
    paused = false;
    LIVE.add(this);
    awaitAnswering();
  }

  private void awaitAnswering() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        LIVE.remove(this);
        String log = log();
        String message =
            "redis-server on port "
                + port
                + " exited with "
                + process.exitValue()
                + " during start-up. Command: "
                + command
                + "\nOutput:\n"
                + tail(log);
        throw log.contains("Address already in use")
            ? new PortTakenException(message)
            : new IllegalStateException(message);
      }
      if (answersAsOurProcess()) {
        return;
      }
      sleep(5);
    }
    kill();
    throw new IllegalStateException(
        "redis-server on port "
            + port
            + " did not answer PING within "
            + START_TIMEOUT.toSeconds()
            + " s. Command: "
            + command
            + "\nOutput:\n"
            + tail(log()));
  }

  /** PING alone could be answered by some other server that took the port; the pid cannot. */
  private boolean answersAsOurProcess() {
    try (Resp r = new Resp(HOST, port, Duration.ofMillis(500))) {
      return "PONG".equals(r.call("PING"))
          && Long.toString(process.pid()).equals(Resp.info(r, "server").get("process_id"));
    } catch (UncheckedIOException | RespException e) {
      return false;
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + this + " to exit", e);
    } finally {
      if (!process.isAlive()) {
        LIVE.remove(this);
      }
    }
  }

  private void signal(String signal) {
    Signals.send(process.pid(), signal);
  }

  private void requireRunning(String action) {
    if (!isRunning()) {
      throw new IllegalStateException("cannot " + action + " " + this + ": it is not running");
    }
  }

  /** A port whose cluster bus port (port + 10000) is free too, so cluster nodes can use it. */
  private static int freePort() {
    for (int i = 0; i < 100; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port + 10000 <= 65535) {
          try {
            new ServerSocket(port + 10000).close();
            return port;
          } catch (IOException busTaken) {
            // Try another port.
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot probe for a free port", e);
      }
    }
    throw new IllegalStateException("no free port p with p + 10000 also free after 100 tries");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("perseus-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for redis-server", e);
    }
  }

  private void deleteDir() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : "..." + log.substring(log.length() - 4000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }

  private static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
