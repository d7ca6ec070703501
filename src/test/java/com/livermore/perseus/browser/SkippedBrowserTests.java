package com.livermore.perseus.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code target/browser-skipped.txt}: one line per browser test class skipped in this test run,
 * with the reason. {@code .ci/run} fails when it is not empty, since CI installs Chromium.
 */
final class SkippedBrowserTests {
  private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

  private SkippedBrowserTests() {}

  static Path file() {
    return Path.of(
        System.getProperty(
            "perseus.browser.skipped-file",
            Browser.TARGET.resolve("browser-skipped.txt").toString()));
  }

  /** Drops a list left by an earlier test run (older than this JVM), once per JVM. */
  static void forgetEarlierRuns() {
    Path file = file();
    if (!CHECKED.add(file.toAbsolutePath())) return;
    try {
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      if (Files.exists(file) && Files.getLastModifiedTime(file).toMillis() < jvmStart)
        Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not reset " + file, e);
    }
  }

  static synchronized void record(Class<?> testClass, String reason) {
    Path file = file();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          testClass.getName() + ": " + reason + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not record the skipped " + testClass.getName() + " in " + file, e);
    }
  }
}
