package com.livermore.perseus.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, the accessibility engine behind Lighthouse and the axe browser extension, run
 * inside the page under test. The npm package {@code axe-core} (pinned here) is installed under
 * {@code target/axe} on first use with the machine's npm; where npm is missing or the registry
 * cannot be reached, {@link #unavailableReason()} says so and the tests skip with that reason.
 */
public final class Axe {
  static final String VERSION = "4.14.1";
  static final Path HOME = Browser.TARGET.resolve("axe");
  static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
  private static String source;
  private static String unavailable;

  private Axe() {}

  /** Why axe cannot run here, or empty once {@code axe.min.js} is installed. */
  public static synchronized Optional<String> unavailableReason() {
    if (source != null) return Optional.empty();
    if (unavailable != null) return Optional.of(unavailable);
    try {
      if (!Files.exists(SCRIPT)) install();
      source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      unavailable = "axe-core " + VERSION + " could not be installed with npm: " + e.getMessage();
      return Optional.of(unavailable);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted while installing axe-core";
      return Optional.of(unavailable);
    }
  }

  /**
   * Skips the calling test, with the reason, when axe cannot run; the skip is also listed in {@code
   * target/browser-skipped.txt}, which CI treats as a failure (it installs npm).
   */
  public static void assumeAvailable(Class<?> testClass) {
    Optional<String> reason = unavailableReason();
    reason.ifPresent(r -> SkippedBrowserTests.record(testClass, r));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        reason.isEmpty(), () -> "axe skipped: " + reason.orElse(""));
  }

  private static void install() throws IOException, InterruptedException {
    Files.createDirectories(HOME);
    Process npm =
        new ProcessBuilder(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                HOME.toAbsolutePath().toString(),
                "axe-core@" + VERSION)
            .redirectErrorStream(true)
            .redirectOutput(HOME.resolve("npm.log").toFile())
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new IOException(
          "npm install took over 5 minutes (see " + HOME.resolve("npm.log") + ")");
    }
    if (npm.exitValue() != 0 || !Files.exists(SCRIPT)) {
      throw new IOException(
          "npm install exited with " + npm.exitValue() + " (see " + HOME.resolve("npm.log") + ")");
    }
  }

  /**
   * Runs every axe rule on the page the driver shows and returns the serious and critical
   * violations, each as "rule (impact): help: the elements' selectors".
   */
  public static List<String> seriousViolations(WebDriver driver) {
    unavailableReason()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(source);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
    String json = String.valueOf(result);
    if (json.startsWith("ERROR ")) throw new IllegalStateException("axe failed: " + json);
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode v : new ObjectMapper().readTree(json)) {
        String impact = v.path("impact").asText();
        if (!impact.equals("serious") && !impact.equals("critical")) continue;
        List<String> targets = new ArrayList<>();
        for (JsonNode node : v.path("nodes")) targets.add(node.path("target").toString());
        out.add(
            v.path("id").asText()
                + " ("
                + impact
                + "): "
                + v.path("help").asText()
                + ": "
                + targets);
      }
    } catch (IOException e) {
      throw new IllegalStateException("axe answered what is not JSON: " + json, e);
    }
    return out;
  }
}
