package com.livermore.perseus.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser infrastructure itself, without the WAR: a page served by the JDK's HTTP server,
 * clicked, awaited and screenshotted in Chromium; and the extension's failure screenshot and
 * skip-when-missing behaviour, shown by running the example classes below through a JUnit launcher.
 */
@ExtendWith(BrowserTestExtension.class)
class BrowserSmokeIT {
  static final String PAYLOAD = "<img src=x onerror=\"document.title='pwned'\">";
  static final String EXAMPLES = "perseus.browser.examples";
  static HttpServer server;
  static String base;

  Browser browser;

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", BrowserSmokeIT::page);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServing() {
    if (server != null) server.stop(0);
  }

  static void page(HttpExchange exchange) throws IOException {
    String hostname =
        switch (exchange.getRequestURI().getPath()) {
          case "/" ->
              PAYLOAD
                  .replace("&", "&amp;")
                  .replace("<", "&lt;")
                  .replace(">", "&gt;")
                  .replace("\"", "&quot;");
          case "/unescaped" -> PAYLOAD;
          default -> null;
        };
    byte[] body =
        (hostname == null
                ? "not found"
                : """
        <!doctype html><html><head><meta charset="utf-8"><title>Perseus browser smoke</title></head>
        <body style="font-family: sans-serif">
          <h1>Browser smoke</h1>
          <p>Hostname: <span id="hostname">%s</span></p>
          <button id="go" onclick="setTimeout(() => document.getElementById('status').textContent = 'clicked', 300)">Go</button>
          <p id="status">waiting</p>
        </body></html>
        """
                    .formatted(hostname))
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(hostname == null ? 404 : 200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void escapedMarkupStaysTextWhileScriptsRunAndScreenshotsCoverDesktopAndPhone()
      throws IOException {
    browser.driver().get(base + "/");
    assertThat(viewport()).containsExactly(Browser.DEFAULT_WIDTH, Browser.DEFAULT_HEIGHT);
    assertThat(browser.driver().findElement(By.id("hostname")).getText()).isEqualTo(PAYLOAD);
    assertThat(browser.driver().findElements(By.cssSelector("#hostname img"))).isEmpty();

    browser.await(By.id("go"), Duration.ofSeconds(5)).click();
    browser.awaitText(By.id("status"), "clicked", Duration.ofSeconds(5));
    assertThat(browser.driver().getTitle()).isEqualTo("Perseus browser smoke");

    Path desktop = browser.screenshot("BrowserSmokeIT-desktop");
    browser.resize(390, 844);
    assertThat(viewport()).containsExactly(390, 844);
    Path phone = browser.screenshot("BrowserSmokeIT-phone");
    assertThat(desktop).isEqualTo(Path.of("target/screenshots/BrowserSmokeIT-desktop.png"));
    assertThat(pngSize(desktop)).containsExactly(1280, 800);
    assertThat(pngSize(phone)).containsExactly(390, 844);
  }

  @Test
  void anUnescapedPayloadWouldChangeTheTitleSoTheCheckAboveMeansSomething() {
    browser.driver().get(base + "/unescaped");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(ExpectedConditions.titleIs("pwned"));
  }

  @Test
  void aFailingTestLeavesAScreenshotNamedAfterClassAndMethod() throws IOException {
    Path png = Path.of("target/screenshots/FailureScreenshotExample-failsWithAPageOpen-FAILED.png");
    Files.deleteIfExists(png);

    Launch launch = launch(FailureScreenshotExample.class);

    assertThat(launch.failures()).hasSize(1);
    Throwable failure = launch.failures().get(0);
    assertThat(failure).hasMessage("deliberately");
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(pngSize(png)).containsExactly(1280, 800);
  }

  @Test
  void withoutChromiumTheClassIsSkippedWithTheReasonAndListed(@TempDir Path dir)
      throws IOException {
    Path list = dir.resolve("browser-skipped.txt");
    Launch launch;
    System.setProperty("perseus.chromium", "/nonexistent/chromium");
    System.setProperty("perseus.browser.skipped-file", list.toString());
    try {
      launch = launch(SkippedExample.class);
    } finally {
      System.clearProperty("perseus.chromium");
      System.clearProperty("perseus.browser.skipped-file");
    }

    assertThat(launch.failures()).isEmpty();
    assertThat(launch.skipped())
        .containsExactly(
            "Browser test skipped: /nonexistent/chromium not found; "
                + "apt-get install chromium chromium-driver (or point -Dperseus.chromium / -Dperseus.chromedriver at other binaries)");
    assertThat(Files.readAllLines(list))
        .containsExactly(
            SkippedExample.class.getName()
                + ": /nonexistent/chromium not found; apt-get install chromium chromium-driver"
                + " (or point -Dperseus.chromium / -Dperseus.chromedriver at other binaries)");
  }

  List<Integer> viewport() {
    List<?> size =
        (List<?>)
            ((JavascriptExecutor) browser.driver())
                .executeScript("return [window.innerWidth, window.innerHeight]");
    return size.stream().map(n -> ((Number) n).intValue()).toList();
  }

  /** Width and height from the PNG header, after checking the signature. */
  static List<Integer> pngSize(Path png) throws IOException {
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 0, 24);
    assertThat(header.getLong(0)).as(png + " is a PNG").isEqualTo(0x89504E470D0A1A0AL);
    return List.of(header.getInt(16), header.getInt(20));
  }

  record Launch(List<Throwable> failures, List<String> skipped) {}

  /** Runs an example class in a nested JUnit launcher, which only then enables it. */
  static Launch launch(Class<?> example) {
    Launch launch = new Launch(new ArrayList<>(), new ArrayList<>());
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionSkipped(TestIdentifier id, String reason) {
            launch.skipped().add(reason);
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            result.getThrowable().ifPresent(launch.failures()::add);
          }
        };
    System.setProperty(EXAMPLES, "run");
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectClass(example)).build(),
              listener);
    } finally {
      System.clearProperty(EXAMPLES);
    }
    return launch;
  }

  @EnabledIfSystemProperty(
      named = EXAMPLES,
      matches = "run",
      disabledReason = "run only by BrowserSmokeIT")
  @ExtendWith(BrowserTestExtension.class)
  static class FailureScreenshotExample {
    Browser browser;

    @Test
    void failsWithAPageOpen() {
      browser.driver().get(base + "/");
      fail("deliberately");
    }
  }

  @EnabledIfSystemProperty(
      named = EXAMPLES,
      matches = "run",
      disabledReason = "run only by BrowserSmokeIT")
  @ExtendWith(BrowserTestExtension.class)
  static class SkippedExample {
    @Test
    void mustNotRun() {
      fail("ran although Chromium is missing");
    }
  }
}
