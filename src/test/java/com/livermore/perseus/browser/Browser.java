package com.livermore.perseus.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through the Debian chromedriver, with a fresh profile under
 * {@code target/browser/}. Both binaries are given to Selenium explicitly, so Selenium Manager
 * never runs and nothing is downloaded. {@link #close()} quits the browser and stops exactly the
 * chromedriver process this object started.
 */
public final class Browser implements AutoCloseable {
  public static final int DEFAULT_WIDTH = 1280;
  public static final int DEFAULT_HEIGHT = 800;
  static final Path TARGET = Path.of("target");
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Set<Browser> LIVE = ConcurrentHashMap.newKeySet();

  static {
    // A safety net for a test that forgets close(): no chromedriver outlives the JVM.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Browser::close)));
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path session;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path session) {
    this.service = service;
    this.driver = driver;
    this.session = session;
  }

  /** Why browser tests cannot run here, or empty when Chromium and chromedriver are installed. */
  public static Optional<String> unavailableReason() {
    for (Path binary : new Path[] {chromium(), chromedriver()}) {
      if (!Files.isExecutable(binary)) {
        return Optional.of(
            binary
                + " not found; apt-get install chromium chromium-driver"
                + " (or point -Dperseus.chromium / -Dperseus.chromedriver at other binaries)");
      }
    }
    return Optional.empty();
  }

  public static Browser start() {
    return start(DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  public static Browser start(int width, int height) {
    unavailableReason()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
    Path session = createSessionDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    // The page's console messages (Content-Security-Policy violations among them) for consoleLog().
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--lang=en-US",
        // Even with the flags above Chromium looks these up at start (sign-in, updates, the default
        // search engine); they resolve to nothing here. A blanket MAP * would also catch IP
        // literals
        // such as the Arquillian URL.
        "--host-resolver-rules=MAP *.google.com ~NOTFOUND, MAP *.googleapis.com ~NOTFOUND,"
            + " MAP *.gstatic.com ~NOTFOUND, MAP *.duckduckgo.com ~NOTFOUND",
        "--user-data-dir=" + session.resolve("profile").toAbsolutePath(),
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver().toFile())
            .usingAnyFreePort()
            .withLogFile(session.resolve("chromedriver.log").toFile())
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw new IllegalStateException(
          "Chromium did not start; see " + session.resolve("chromedriver.log"), e);
    }
    Browser browser = new Browser(service, driver, session);
    LIVE.add(browser);
    try {
      browser.resize(width, height);
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
    return browser;
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * The messages the pages wrote to the browser's console since the last call (Chromium reports
   * every Content-Security-Policy violation there).
   */
  public List<String> consoleLog() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .toList();
  }

  /**
   * Makes the viewport (what the page and a screenshot see) exactly {@code width x height}.
   * Headless Chromium draws no toolbar but still takes its height off the window, so the window is
   * grown by the difference measured.
   */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> viewport =
        (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    int dw = width - ((Number) viewport.get(0)).intValue();
    int dh = height - ((Number) viewport.get(1)).intValue();
    if (dw != 0 || dh != 0)
      driver.manage().window().setSize(new Dimension(width + dw, height + dh));
  }

  /** Saves the current viewport as {@code target/screenshots/<name>.png} and returns that path. */
  public Path screenshot(String name) {
    Path file =
        TARGET.resolve("screenshots").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save screenshot " + file, e);
    }
  }

  /**
   * Waits until an element matching {@code by} is displayed and returns it. Elements that a
   * PrimeFaces partial update replaces while we look are looked up again.
   */
  public WebElement await(By by, Duration timeout) {
    return waiting(timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element matching {@code by} shows a text containing {@code text}. */
  public void awaitText(By by, String text, Duration timeout) {
    AtomicReference<String> seen = new AtomicReference<>("(no element)");
    waiting(timeout)
        .withMessage(
            () -> by + " to show text containing '" + text + "', last seen '" + seen.get() + "'")
        .until(
            d -> {
              seen.set(d.findElement(by).getText());
              return seen.get().contains(text);
            });
  }

  private WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Override
  public void close() {
    if (!LIVE.remove(this)) return;
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  static Path chromium() {
    return Path.of(System.getProperty("perseus.chromium", "/usr/bin/chromium"));
  }

  static Path chromedriver() {
    return Path.of(System.getProperty("perseus.chromedriver", "/usr/bin/chromedriver"));
  }

  private static Path createSessionDirectory() {
    try {
      Path parent = Files.createDirectories(TARGET.resolve("browser"));
      return Files.createTempDirectory(parent, "session-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a Chromium profile under target/browser", e);
    }
  }

  /** The profile is tens of MB per session; the chromedriver log beside it is kept. */
  private void deleteProfile() {
    Path profile = session.resolve("profile");
    if (!Files.exists(profile)) return;
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the Chromium profile " + profile, e);
    }
  }
}
