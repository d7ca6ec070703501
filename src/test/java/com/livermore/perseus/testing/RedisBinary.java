package com.livermore.perseus.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates the {@code redis-server} executable the harness starts.
 *
 * <p>Order: the system property {@value #PROPERTY} (a path, or {@code embedded} to force the
 * bundled binary), then {@code redis-server} on the PATH if it is at least 6.2, then the Linux
 * binary shipped inside {@code com.github.codemonstur:embedded-redis}, so a CI machine without
 * Redis still runs the suite.
 */
public final class RedisBinary {

  public static final String PROPERTY = "perseus.test.redis-server";
  static final String EMBEDDED_RESOURCE = "redis-server-6.2.6-v5-linux-amd64";
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

  private static Path path;
  private static String version;
  private static Path embedded;

  private RedisBinary() {}

  /** The binary every {@link RedisServer} of this JVM runs; resolved once. */
  public static synchronized Path path() {
    if (path == null) {
      path = resolve();
    }
    return path;
  }

  /** Version of {@link #path()}, for example {@code 7.0.15}. */
  public static synchronized String version() {
    if (version == null) {
      version = versionOf(path());
    }
    return version;
  }

  /** Major version of {@link #path()}; some options ({@code enable-debug-command}) depend on it. */
  public static int majorVersion() {
    return Integer.parseInt(version().split("\\.")[0]);
  }

  /** The bundled 6.2 binary, extracted to a temp file on first use and reused within the JVM. */
  public static synchronized Path embedded() {
    if (embedded == null) {
      embedded = extract();
    }
    return embedded;
  }

  private static Path resolve() {
    String forced = System.getProperty(PROPERTY, "").trim();
    if (forced.equals("embedded")) {
      return embedded();
    }
    if (!forced.isEmpty()) {
      Path p = Path.of(forced);
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            "-D" + PROPERTY + "=" + forced + " is not an executable file");
      }
      return p;
    }
    return onPath().filter(RedisBinary::atLeast62).orElseGet(RedisBinary::embedded);
  }

  private static Optional<Path> onPath() {
    String pathEnv = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathEnv.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "redis-server");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean atLeast62(Path binary) {
    try {
      String[] parts = versionOf(binary).split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      return major > 6 || (major == 6 && minor >= 2);
    } catch (RuntimeException e) {
      // An unusable system binary is not fatal: the embedded one is the fallback.
      return false;
    }
  }

  /** Runs {@code binary --version} and returns the version, for example {@code 6.2.11}. */
  public static String versionOf(Path binary) {
    try {
      Process p =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(binary + " --version did not finish within 10 s");
      }
      Matcher m = VERSION.matcher(out);
      if (!m.find()) {
        throw new IllegalStateException(binary + " --version printed no version: " + out.trim());
      }
      return m.group(1) + "." + m.group(2) + "." + m.group(3);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary + " --version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + binary + " --version", e);
    }
  }

  private static Path extract() {
    ClassLoader loader = RedisBinary.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(EMBEDDED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no redis-server >= 6.2 on PATH and resource "
                + EMBEDDED_RESOURCE
                + " not on the test classpath (com.github.codemonstur:embedded-redis missing?)");
      }
      Path target = Files.createTempFile("perseus-redis-server-", "");
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      if (!target.toFile().setExecutable(true, true)) {
        throw new IllegalStateException("cannot make " + target + " executable");
      }
      target.toFile().deleteOnExit();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + EMBEDDED_RESOURCE, e);
    }
  }
}
