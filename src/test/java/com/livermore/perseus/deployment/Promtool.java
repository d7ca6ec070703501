package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own checker ({@code promtool}, Debian package {@code prometheus}) on what the server
 * exposes: a check written by the people who define the format. Without it the check is skipped,
 * saying so; {@code .ci/run} installs it, so CI always runs it.
 */
final class Promtool {
  private Promtool() {}

  static String path() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "promtool");
      if (f.canExecute()) return f.getPath();
    }
    return null;
  }

  /** {@code promtool check metrics} of {@code exposition}: no error, no lint problem. */
  static void checkMetrics(String exposition) throws Exception {
    String promtool = path();
    Assumptions.assumeTrue(
        promtool != null, "promtool is not installed (apt-get install prometheus): not checked");
    Process p = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("promtool check metrics").isBlank();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
