package com.livermore.perseus.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.browser.Axe;
import com.livermore.perseus.browser.Browser;
import com.livermore.perseus.browser.BrowserTestExtension;
import com.livermore.perseus.config.RedisMode;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.deployment.BuiltWar;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.ExchangeDirectory;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.LeaseStore;
import com.livermore.perseus.store.RedisClientProducer;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * The console in real headless Chromium against the WAR on Payara Micro: its own instance
 * (coinbase), instances simulated through the lease store (kraken heartbeating, gemini with hostile
 * text), and a dead exchange with a long activity stream (okx). A test that changes the network
 * does it to an exchange of its own, so no test depends on another or on their order.
 */
@ExtendWith({BrowserTestExtension.class, ArquillianExtension.class})
@RunAsClient
class ConsoleIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String XSS_HOST = "<img src=x onerror=\"window.__xss=1\">";
  static final String XSS_ADMIN = "<script>window.__xss=2</script>";

  /** A host name with a right-to-left override: shown as "invoice\u202Egnp.exe", not reversed. */
  static final String BIDI_HOST = "invoice\u202Egnp.exe";

  static RedisServer redis;
  static RedissonClient client;
  static LeaseStore store;
  static ScheduledExecutorService heartbeats;

  @ArquillianResource URL base;
  Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    client =
        Redisson.create(
            RedisClientProducer.redissonConfig(
                new RedisSettings(
                    List.of(URI.create(redis.address())), RedisMode.SINGLE, Optional.empty(), "")));
    store = new LeaseStore(client, new Keys(""));
    heartbeats = Executors.newSingleThreadScheduledExecutor();
    simulateKraken();
    simulateGemini();
    claim("bitget", "bitget-sim", BIDI_HOST, "ops\u0007bell", Duration.ofMinutes(10), null);
    seedOkx();
    return BuiltWar.configured(
        "console",
        TestConfig.exchange("coinbase")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .symbols(25)
            .admin("desk-7@example.com")
            .consolePolls("1s", "2s")
            .users(
                "viewer:network-viewer:plain:viewer-secret,admin:network-admin:plain:admin-secret")
            .properties());
  }

  static OwnerRecord record(
      String exchange,
      String id,
      String host,
      String admin,
      long epoch,
      Instant now,
      ErrorInfo error) {
    return new OwnerRecord(
        id,
        exchange,
        epoch,
        host,
        "203.0.113.9",
        "10.9.9.9",
        admin,
        ConnectionState.ACTIVE,
        now.minusSeconds(90),
        33,
        null,
        now.minusSeconds(3600),
        now,
        3L,
        error,
        "test");
  }

  static Lease claim(
      String exchange, String id, String host, String admin, Duration ttl, ErrorInfo error) {
    Instant now = Instant.now();
    new ExchangeDirectory(client, new Keys("")).registerExchange(exchange, now);
    ClaimOutcome outcome =
        store.claim(
            record(exchange, id, host, admin, 0, now, error),
            ttl,
            new StreamRetention(1000, "0-0"),
            ActivityEntry.of(EventType.REGISTERED, exchange, id, 0, host, now));
    return ((ClaimOutcome.Claimed) outcome).lease();
  }

  static void simulateKraken() {
    simulate("kraken", "kraken-sim", "kraken-host", "kraken-ops");
  }

  /** An instance of {@code exchange} heartbeating every 300 ms with a 3 s lease until cancelled. */
  static ScheduledFuture<?> simulate(String exchange, String id, String host, String admin) {
    Lease lease = claim(exchange, id, host, admin, Duration.ofSeconds(3), null);
    return heartbeats.scheduleAtFixedRate(
        () ->
            store.write(
                lease,
                record(exchange, id, host, admin, lease.epoch(), Instant.now(), null),
                Duration.ofSeconds(3),
                new StreamRetention(1000, "0-0"),
                null),
        300,
        300,
        TimeUnit.MILLISECONDS);
  }

  static void simulateGemini() {
    claim(
        "gemini",
        "gemini-sim",
        XSS_HOST,
        XSS_ADMIN,
        Duration.ofMinutes(10),
        new ErrorInfo("<b>bold</b> failure", Instant.now()));
  }

  static void seedOkx() {
    Instant start = Instant.now().minusSeconds(3600);
    try (Resp r = redis.connect()) {
      r.call("HSET", "network:exchanges", "okx", "{\"exchange\":\"okx\",\"displayName\":\"OKX\"}");
      r.call(
          "SET",
          "exchange:{okx}:last",
          RecordJson.write(record("okx", "okx-old", "okx-host", "", 4, start, null)));
      for (int i = 0; i < 45; i++) {
        String type = i % 3 == 0 ? "error" : "state_changed";
        r.call(
            "XADD",
            "logs:network:{okx}",
            (start.toEpochMilli() + i * 1000L) + "-0",
            "type",
            type,
            "exchange",
            "okx",
            "instanceId",
            "okx-old",
            "epoch",
            "4",
            "hostname",
            "okx-host",
            "message",
            "entry " + i,
            "at",
            start.plusSeconds(i).toString());
      }
    }
  }

  @AfterAll
  static void stopSimulations() {
    if (heartbeats != null) heartbeats.shutdownNow();
    if (client != null) client.shutdown();
    if (redis != null) redis.close();
  }

  static List<String> registered() {
    try (Resp r = redis.connect()) {
      @SuppressWarnings("unchecked")
      List<Object> ids = (List<Object>) r.call("HKEYS", "network:exchanges");
      return ids.stream().map(String::valueOf).toList();
    }
  }

  static boolean leased(String exchange) {
    try (Resp r = redis.connect()) {
      return (Long) r.call("EXISTS", "exchange:{" + exchange + "}:instance") == 1L;
    }
  }

  String url(String path) {
    return BuiltWar.loopback(base) + path;
  }

  void login(String user, String password) {
    ConsoleLogin.logIn(browser, url(""), user, password, WAIT);
  }

  /** A card attribute read in one script, so a poll re-rendering the cards cannot interleave. */
  String attr(String exchange, String attribute) {
    return (String)
        js(
            "var c = document.querySelector(\".perseus-card[data-exchange='"
                + exchange
                + "']\");"
                + " return c ? c.getAttribute('"
                + attribute
                + "') : null;");
  }

  /** A card's element text read in one script. */
  String cardText(String exchange, String cssClass) {
    return (String)
        js(
            "var e = document.querySelector(\".perseus-card[data-exchange='"
                + exchange
                + "'] ."
                + cssClass
                + "\");"
                + " return e ? e.innerText.trim() : null;");
  }

  /**
   * A card's attributes and the text of each of its {@code card-*} parts (and the latency dot's
   * classes), read in one script: a pushed refresh can replace the cards at any moment.
   */
  @SuppressWarnings("unchecked")
  Map<String, String> cardFields(String exchange) {
    return (Map<String, String>)
        js(
            "var c = document.querySelector(\".perseus-card[data-exchange='"
                + exchange
                + "']\"); if (!c) return null;"
                + " var out = {'data-liveness': c.getAttribute('data-liveness'),"
                + " 'class': c.getAttribute('class')};"
                + " c.querySelectorAll('[class*=\"card-\"]').forEach(function (e) {"
                + "  e.getAttribute('class').split(/\\s+/).forEach(function (k) {"
                + "   if (k.indexOf('card-') === 0 && !(k in out)) out[k] = (e.innerText || e.textContent || '').trim(); }); });"
                + " var dot = c.querySelector('.card-latency');"
                + " out['card-latency class'] = dot ? dot.getAttribute('class') : null;"
                + " return out;");
  }

  WebElement card(String exchange) {
    return browser.await(By.cssSelector(".perseus-card[data-exchange='" + exchange + "']"), WAIT);
  }

  String text(WebElement card, String cssClass) {
    return card.findElement(By.cssSelector("." + cssClass)).getText().trim();
  }

  Object js(String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }

  @Test
  void theConsoleAsksForALoginAndRefusesAWrongPassword() {
    browser.driver().manage().deleteAllCookies();
    browser.driver().get(url("console/network.xhtml"));
    browser.await(By.id("login:username"), WAIT);
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
    browser.driver().findElement(By.id("login:username")).sendKeys("viewer");
    browser.driver().findElement(By.id("login:password")).sendKeys("not-the-password");
    browser.driver().findElement(By.id("login:submit")).click();
    browser.awaitText(By.id("login:error"), "Wrong user name or password.", WAIT);
    assertThat(browser.driver().findElements(By.id("cards"))).isEmpty();
  }

  @Test
  void aViewerSeesEveryCardWithItsFieldsAndNoControls() {
    login("viewer", "viewer-secret");
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
    Map<String, String> coinbase = cardFields("coinbase");
    assertThat(coinbase.get("data-liveness")).isEqualTo("alive");
    assertThat(coinbase.get("card-exchange")).isEqualTo("Coinbase");
    assertThat(coinbase.get("card-state")).isEqualTo("active");
    assertThat(coinbase.get("card-admin")).isEqualTo("desk-7@example.com");
    assertThat(coinbase.get("card-symbols")).isEqualTo("25");
    // The lease's epoch: 1 on a fresh deployment, higher after another test's stop or handoff.
    try (Resp r = redis.connect()) {
      String lease = (String) r.call("GET", "exchange:{coinbase}:instance");
      assertThat(coinbase.get("card-epoch"))
          .isEqualTo(Long.toString(RecordJson.readOwner(lease).epoch()));
    }
    assertThat(coinbase.get("card-uptime")).startsWith("Running for ");
    assertThat(coinbase.get("card-local-ip")).isNotBlank();
    assertThat(coinbase.get("card-heartbeat")).contains("ago").contains("ms");
    assertThat(coinbase.get("card-latency class")).containsPattern("latency-(green|yellow|red)");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ((Number)
                            js(
                                "var p = document.querySelector(\".perseus-card[data-exchange='coinbase']"
                                    + " .card-sparkline polyline\");"
                                    + " return p ? p.getAttribute('points').split(' ').length : 0;"))
                        .intValue()
                    >= 2);

    Map<String, String> kraken = cardFields("kraken");
    assertThat(kraken.get("card-host")).isEqualTo("kraken-host");
    assertThat(kraken.get("card-ip")).isEqualTo("203.0.113.9");
    assertThat(kraken.get("data-liveness")).isEqualTo("alive");

    Map<String, String> okx = cardFields("okx");
    assertThat(okx.get("data-liveness")).isEqualTo("dead");
    assertThat(okx.get("class")).contains("liveness-dead");
    assertThat(okx.get("card-last-seen")).startsWith("Last seen ").endsWith(" ago");
    assertThat(okx.get("card-host")).isEqualTo("okx-host");

    // Told by Redis, independently of the console: every registered exchange, and those without a
    // lease (okx, and any a test let die).
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(browser.driver().findElement(By.id("summary-total")).getText())
                  .isEqualTo(Integer.toString(registered().size()));
              assertThat(browser.driver().findElement(By.id("summary-dead")).getText())
                  .isEqualTo(Long.toString(registered().stream().filter(x -> !leased(x)).count()));
            });
    assertThat(registered()).contains("coinbase", "kraken", "gemini", "okx");
    assertThat(browser.driver().findElement(By.id("current-user")).getText()).contains("viewer");
    assertThat(browser.driver().findElements(By.cssSelector(".control-button"))).isEmpty();
    browser.screenshot("ConsoleIT-network");
  }

  @Test
  void textFromInstancesIsRenderedAsTextNeverAsHtml() {
    login("viewer", "viewer-secret");
    WebElement gemini = card("gemini");
    assertThat(text(gemini, "card-host")).isEqualTo(XSS_HOST);
    assertThat(text(gemini, "card-admin")).isEqualTo(XSS_ADMIN);
    assertThat(text(gemini, "card-error-message")).isEqualTo("<b>bold</b> failure");
    assertThat(gemini.findElements(By.tagName("img"))).isEmpty();
    assertThat(gemini.findElements(By.tagName("b"))).isEmpty();
    assertThat(js("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void controlAndBidiCharactersFromRecordsAreShownEscaped() {
    login("viewer", "viewer-secret");
    WebElement bitget = card("bitget");
    assertThat(text(bitget, "card-host")).isEqualTo("invoice\\u202Egnp.exe");
    assertThat(text(bitget, "card-admin")).isEqualTo("ops\\u0007bell");
    assertThat(text(bitget, "card-host")).doesNotContain("\u202E");
  }

  @Test
  void everyConsolePageRunsUnderAStrictContentSecurityPolicyWithoutAViolation() {
    browser.consoleLog(); // what earlier tests left
    browser.driver().manage().deleteAllCookies();
    browser.driver().get(url("login.xhtml"));
    browser.await(By.id("login:username"), WAIT);
    login("admin", "admin-secret");
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
    // A poll, an AJAX filter and a page change: each runs scripts PrimeFaces sent with the nonce.
    new Select(browser.driver().findElement(By.id("activityForm:exchangeFilter")))
        .selectByValue("okx");
    await()
        .atMost(WAIT)
        .until(
            () ->
                browser
                    .driver()
                    .findElements(By.cssSelector("#activityForm\\:activity .col-exchange"))
                    .stream()
                    .skip(1)
                    .allMatch(c -> c.getText().equals("okx")));
    browser
        .driver()
        .findElement(By.cssSelector("#activityForm\\:activity .ui-paginator-next"))
        .click();
    await().atMost(WAIT).until(() -> browser.driver().findElements(By.id("cards")).size() == 1);
    // The policy is enforced: a script added by hand (as an injection would be) does not run.
    js(
        "var s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
            + " document.body.appendChild(s);");
    assertThat(js("return window.__inline === undefined")).isEqualTo(true);
    List<String> log = browser.consoleLog();
    assertThat(log.stream().filter(m -> m.contains("Content Security Policy")))
        .as("CSP violations other than the injected script")
        .allMatch(m -> m.contains("inline script"))
        .hasSize(1);
    assertThat(log)
        .noneMatch(m -> m.startsWith("SEVERE") && !m.contains("Content Security Policy"));
  }

  @Test
  void aPageOfAnotherOriginCannotCommandWithTheConsoleSession() throws Exception {
    String exchange = "bitfinex";
    try (Resp r = redis.connect()) {
      r.call("HSET", "network:exchanges", exchange, "{\"exchange\":\"bitfinex\"}");
    }
    login("admin", "admin-secret");
    String commands = url("api/network/exchanges/" + exchange + "/commands");
    // The attacker's page: the same host, another port (so the same site: SameSite cookies go).
    com.sun.net.httpserver.HttpServer attacker =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // The classic forgery: a form that posts itself to the API, its body shaped as JSON
    // (text/plain is what a page elsewhere may send without asking).
    String page =
        "<!DOCTYPE html><html><head><title>attacker</title></head><body>"
            + "<form id='api' method='POST' enctype='text/plain' action='"
            + commands
            + "'><input name='{\"command\":\"start\",\"x\":\"' value='\"}'></form>"
            + "<script>document.getElementById('api').submit();</script></body></html>";
    attacker.createContext(
        "/",
        x -> {
          byte[] body = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    attacker.start();
    try {
      browser.driver().get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/attack.html");
      await().atMost(WAIT).until(() -> browser.driver().getCurrentUrl().endsWith("/commands"));
      // Refused for its origin, before the session is even looked at.
      assertThat(browser.driver().getPageSource()).contains("another origin");
      browser.consoleLog(); // the 403 of the forged request is logged as an error: expected
      Thread.sleep(1000);
      assertThat(commandEntries(exchange)).as("commands recorded for the attacker's page").isZero();
      // The console itself is still logged in and its own pages still work.
      browser.driver().get(url("console/network.xhtml"));
      browser.await(By.id("cards"), WAIT);
    } finally {
      attacker.stop(0);
    }
    // Control: the same command with the admin's own credentials is recorded, so a zero above
    // means refused, not unrecorded.
    var answer =
        com.livermore.perseus.testing.ApiClient.at(url(""))
            .post(
                "api/network/exchanges/" + exchange + "/commands",
                "admin:admin-secret",
                "{\"command\":\"start\"}");
    assertThat(answer.statusCode()).isLessThan(500);
    await().atMost(WAIT).until(() -> commandEntries(exchange) == 1);
  }

  static long commandEntries(String exchange) {
    try (Resp r = redis.connect()) {
      Object entries = r.call("XRANGE", "logs:network:{" + exchange + "}", "-", "+");
      return ((List<?>) entries)
          .stream().filter(e -> String.valueOf(((List<?>) e).get(1)).contains("command")).count();
    }
  }

  @Test
  void aStoppedHeartbeatTurnsTheCardLateThenDeadWithoutAReload() {
    ScheduledFuture<?> beat = simulate("bybit", "bybit-sim", "bybit-host", "bybit-ops");
    login("viewer", "viewer-secret");
    await().atMost(WAIT).until(() -> "alive".equals(attr("bybit", "data-liveness")));
    js("window.__sameDocument = 'yes'");

    beat.cancel(false);

    await().atMost(WAIT).until(() -> "late".equals(attr("bybit", "data-liveness")));
    await()
        .atMost(WAIT)
        .until(() -> String.valueOf(cardText("bybit", "card-warning")).startsWith("Possibly dead"));
    await().atMost(WAIT).until(() -> "dead".equals(attr("bybit", "data-liveness")));
    assertThat(cardText("bybit", "card-last-seen")).startsWith("Last seen ");
    assertThat(cardText("bybit", "card-host"))
        .as("the last known identity stays")
        .isEqualTo("bybit-host");
    assertThat(js("return window.__sameDocument")).as("no page reload happened").isEqualTo("yes");
  }

  @Test
  void theActivityTablePagesAndFiltersByExchangeAndType() {
    login("viewer", "viewer-secret");
    new Select(browser.driver().findElement(By.id("activityForm:exchangeFilter")))
        .selectByValue("okx");
    await()
        .atMost(WAIT)
        .until(() -> rows().size() == 20 && rows().stream().allMatch(r -> r.contains("okx")));
    String firstRow = rows().get(0);
    assertThat(firstRow).contains("entry 44");

    browser
        .driver()
        .findElement(By.cssSelector("#activityForm\\:activity .ui-paginator-next"))
        .click();
    await().atMost(WAIT).until(() -> !rows().isEmpty() && rows().get(0).contains("entry 24"));

    new Select(browser.driver().findElement(By.id("activityForm:typeFilter")))
        .selectByValue("error");
    await().atMost(WAIT).until(() -> !rows().isEmpty() && rows().get(0).contains("entry 42"));
    @SuppressWarnings("unchecked")
    List<String> tags =
        (List<String>)
            js(
                "return Array.from(document.querySelectorAll('[id=\"activityForm:activity\"] .event-tag'))"
                    + ".map(function (t) { return t.innerText.trim(); });");
    assertThat(tags).isNotEmpty().allMatch("error"::equals);
  }

  /**
   * The table's rows as text, read in one script so a poll re-rendering the table cannot
   * interleave.
   */
  @SuppressWarnings("unchecked")
  List<String> rows() {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll('[id=\"activityForm:activity\"] tbody tr.activity-row'))"
                + ".map(function (r) { return r.innerText; });");
  }

  @Test
  void atPhoneWidthCardsStackInOneColumnWithoutSidewaysScrolling() {
    login("viewer", "viewer-secret");
    browser.resize(390, 844);
    try {
      List<WebElement> cards = browser.driver().findElements(By.cssSelector(".perseus-card"));
      assertThat(cards).hasSizeGreaterThan(1);
      assertThat(cards.stream().map(c -> c.getLocation().getX()).distinct()).hasSize(1);
      assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(390);
      browser.screenshot("ConsoleIT-phone");
    } finally {
      browser.resize(Browser.DEFAULT_WIDTH, Browser.DEFAULT_HEIGHT);
    }
  }

  @Test
  void pollingPausesWhileTheTabIsHiddenAndResumesWhenShown() {
    login("viewer", "viewer-secret");
    browser.await(By.id("cards"), WAIT);
    assertThat(js("return PF('cardsPoll').isActive() && PF('activityPoll').isActive()"))
        .isEqualTo(true);
    js(
        "Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return true; }});"
            + "document.dispatchEvent(new Event('visibilitychange'));");
    assertThat(js("return PF('cardsPoll').isActive() || PF('activityPoll').isActive()"))
        .isEqualTo(false);
    js(
        "Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return false; }});"
            + "document.dispatchEvent(new Event('visibilitychange'));");
    assertThat(js("return PF('cardsPoll').isActive() && PF('activityPoll').isActive()"))
        .isEqualTo(true);
  }

  @Test
  void aPollAfterTheSessionExpiredLeadsBackToTheLoginPage() {
    login("viewer", "viewer-secret");
    browser
        .driver()
        .manage()
        .deleteAllCookies(); // the server no longer knows this browser: as after a timeout
    await().atMost(WAIT).until(() -> browser.driver().getCurrentUrl().contains("login.xhtml"));
    assertThat(browser.driver().findElement(By.id("login:username")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .doesNotContain("Exception")
        .doesNotContain("at com.");
  }

  @Test
  void anAdminStopsAnExchangeAfterConfirmingAndStartsItAgain() {
    login("admin", "admin-secret");
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
    assertThat(browser.driver().findElements(By.cssSelector(".control-button"))).isNotEmpty();
    js("document.querySelector(\".perseus-card[data-exchange='coinbase'] .control-stop\").click()");
    browser.await(By.cssSelector(".ui-confirmdialog-yes"), WAIT).click();
    browser.awaitText(By.cssSelector(".ui-growl"), "stop coinbase: done", WAIT);
    await().atMost(WAIT).until(() -> "stopped".equals(attr("coinbase", "data-state")));
    await().atMost(WAIT).until(() -> cardText("coinbase", "card-stopped-by") != null);
    assertThat(cardText("coinbase", "card-stopped-by")).startsWith("Stopped by admin at ");
    browser.screenshot("ConsoleIT-stopped");

    js(
        "document.querySelector(\".perseus-card[data-exchange='coinbase'] .control-start\").click()");
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
    await().atMost(WAIT).until(() -> cardText("coinbase", "card-stopped-by") == null);
  }

  static String coinbaseOwner() {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", "exchange:{coinbase}:instance");
      return json == null ? null : RecordJson.readOwner(json).instanceId();
    }
  }

  static boolean listedAsStandby(String instanceId) {
    try (Resp r = redis.connect()) {
      @SuppressWarnings("unchecked")
      List<Object> members =
          (List<Object>) r.call("ZRANGE", "exchange:{coinbase}:standbys", "0", "-1");
      return members.stream().anyMatch(m -> String.valueOf(m).startsWith(instanceId + "|"));
    }
  }

  @Test
  void anAdminHandsAnExchangeToItsStandbyAfterConfirmingAndTheCardFollows() {
    var config =
        TestConfig.exchange("coinbase")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .read();
    String deployed = coinbaseOwner();
    try (TestInstances standbys = new TestInstances(client, "")) {
      var standby =
          standbys.create(config, new SimulatedConnector(config), a -> a.acceptingCommands());
      standbys.startBeating(standby, config);
      login("admin", "admin-secret");
      await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
      await()
          .atMost(WAIT)
          .until(() -> String.valueOf(cardText("coinbase", "card-standbys")).contains("(cold)"));
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector(".perseus-card[data-exchange='kraken'] .control-handoff")))
          .as("no button without a standby")
          .isEmpty();

      js(
          "document.querySelector(\".perseus-card[data-exchange='coinbase'] .control-handoff\").click()");
      browser.await(By.cssSelector(".ui-confirmdialog-yes"), WAIT).click();

      browser.awaitText(By.cssSelector(".ui-growl"), "handoff coinbase: done", WAIT);
      assertThat(coinbaseOwner()).isEqualTo(standby.identity().instanceId());
      await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
      browser.screenshot("ConsoleIT-handed-over");
      // Hand it back: the deployed instance waits as a standby, and this one's shutdown tells it.
      await().atMost(WAIT).until(() -> listedAsStandby(deployed));
    }
    await().atMost(WAIT).until(() -> deployed.equals(coinbaseOwner()));
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
  }

  @Test
  void anAdminLogsInAndOutAndTheConsoleIsClosedAfterwards() {
    login("admin", "admin-secret");
    assertThat(browser.driver().findElement(By.id("current-user")).getText()).contains("admin");
    browser.driver().findElement(By.id("header:logout")).click();
    browser.await(By.id("login:username"), WAIT);
    browser.driver().get(url("console/network.xhtml"));
    browser.await(By.id("login:username"), WAIT);
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
  }

  /**
   * An admin reaches a card's command with the keyboard alone: Tab brings the focus to coinbase's
   * Stop button, with a visible ring; the focus stays on that button while the cards are refreshed
   * under it, even when a new exchange above it moves the card down; Enter asks for confirmation
   * (for coinbase), and No leaves the exchange running.
   */
  @Test
  void anAdminReachesACardsCommandWithTheKeyboardAndKeepsTheFocusAcrossRefreshes() {
    login("admin", "admin-secret");
    await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
    String onStop =
        "var a = document.activeElement;"
            + " return !!a && a.matches(\".perseus-card[data-exchange='coinbase'] .control-stop\")";
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    org.openqa.selenium.interactions.Actions keys =
        new org.openqa.selenium.interactions.Actions(browser.driver());
    for (int i = 0; i < 200 && !Boolean.TRUE.equals(js(onStop)); i++) {
      keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
    }
    assertThat(js(onStop)).as("coinbase's Stop reached with Tab").isEqualTo(true);
    assertThat(js("return getComputedStyle(document.activeElement).outlineStyle"))
        .as("a visible focus ring")
        .isEqualTo("solid");

    // A new exchange joins above it: the refreshed cards move down one place, and the focus must
    // stay with coinbase's button, not go to whichever card now has its place.
    js("document.activeElement.__beforeRefresh = true;");
    try (Resp r = redis.connect()) {
      r.call("HSET", "network:exchanges", "aave", "{\"exchange\":\"aave\"}");
    }
    try {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  Boolean.TRUE.equals(
                      js(
                          onStop
                              + " && !a.__beforeRefresh"
                              + " && !!document.querySelector(\".perseus-card[data-exchange='aave']\")")));
    } finally {
      try (Resp r = redis.connect()) {
        r.call("HDEL", "network:exchanges", "aave");
      }
    }

    keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    By dialog = By.cssSelector(".ui-confirm-dialog");
    await().atMost(WAIT).until(() -> browser.driver().findElement(dialog).isDisplayed());
    assertThat(browser.driver().findElement(dialog).getText()).contains("Stop Coinbase?");
    for (int i = 0;
        i < 5
            && !Boolean.TRUE.equals(
                js("return document.activeElement.matches('.ui-confirmdialog-no')"));
        i++) {
      keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
    }
    assertThat(js("return document.activeElement.matches('.ui-confirmdialog-no')"))
        .as("No reached with Tab inside the dialog")
        .isEqualTo(true);
    keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    await().atMost(WAIT).until(() -> !browser.driver().findElement(dialog).isDisplayed());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> "active".equals(attr("coinbase", "data-state")));
  }

  /**
   * axe-core finds no serious or critical violation on the login page and the Network page (an
   * admin's, with its controls), in the light theme and in the dark one; screenshots of each.
   */
  @Test
  void axeFindsNoSeriousViolationOnTheLoginAndNetworkPagesInLightAndDark() {
    Axe.assumeAvailable(ConsoleIT.class);
    Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    try {
      for (String theme : List.of("light", "dark")) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(url("login.xhtml"));
        js("localStorage.setItem('perseus-theme', '" + theme + "')");
        browser.driver().navigate().refresh();
        browser.await(By.id("login:username"), WAIT);
        assertThat(js("return document.documentElement.getAttribute('data-theme')"))
            .isEqualTo(theme);
        violations.put("login page, " + theme, Axe.seriousViolations(browser.driver()));
        browser.screenshot("login-" + theme);

        login("admin", "admin-secret");
        await().atMost(WAIT).until(() -> "active".equals(attr("coinbase", "data-state")));
        browser.await(By.cssSelector("#activityForm\\:activity tbody tr.activity-row"), WAIT);
        assertThat(js("return document.documentElement.getAttribute('lang')")).isEqualTo("en");
        assertThat(js("return document.querySelectorAll('h1').length")).isEqualTo(1L);
        violations.put("Network page, " + theme, Axe.seriousViolations(browser.driver()));
        browser.screenshot("network-" + theme);
      }
      assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    } finally {
      js("localStorage.removeItem('perseus-theme')");
    }
  }

  /**
   * The theme follows the browser's preference until the header's toggle chooses one, which this
   * browser remembers across pages and logins.
   */
  @Test
  void theThemeFollowsTheBrowserUntilTheToggleChoosesOneAndIsRemembered() {
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    try {
      login("viewer", "viewer-secret");
      js("localStorage.removeItem('perseus-theme')");
      chrome.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      browser.driver().navigate().refresh();
      browser.await(By.id("cards"), WAIT);
      assertThat(js("return document.documentElement.getAttribute('data-theme')"))
          .isEqualTo("dark");
      assertThat(js("return getComputedStyle(document.body).backgroundColor"))
          .as("a dark page")
          .isEqualTo("rgb(17, 22, 28)");

      // Reached with the keyboard, it shows where the focus is.
      js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
      org.openqa.selenium.interactions.Actions keys =
          new org.openqa.selenium.interactions.Actions(browser.driver());
      for (int i = 0;
          i < 5 && !"theme-toggle".equals(js("return document.activeElement.id"));
          i++) {
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
      }
      assertThat(js("return document.activeElement.id")).isEqualTo("theme-toggle");
      assertThat(js("return getComputedStyle(document.activeElement).outlineStyle"))
          .as("a visible focus ring")
          .isEqualTo("solid");
      keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
      assertThat(js("return document.documentElement.getAttribute('data-theme')"))
          .isEqualTo("light");
      assertThat(browser.driver().findElement(By.id("theme-toggle")).getAttribute("aria-pressed"))
          .isEqualTo("false");
      login("viewer", "viewer-secret");
      assertThat(js("return document.documentElement.getAttribute('data-theme')"))
          .as("the choice outlives the preference and the session")
          .isEqualTo("light");
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
      js("localStorage.removeItem('perseus-theme')");
    }
  }

  /**
   * At 390 px the activity table is a stacked list: nothing wider than the screen and no word
   * broken across lines.
   */
  @Test
  void atPhoneWidthTheActivityTableIsAStackedListWithNoWordBroken() {
    login("viewer", "viewer-secret");
    new Select(browser.driver().findElement(By.id("activityForm:exchangeFilter")))
        .selectByValue("okx");
    await().atMost(WAIT).until(() -> rows().size() == 20);
    browser.resize(390, 844);
    try {
      assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(390);
      assertThat(
              js(
                  "var t = document.getElementById('activityForm:activity');"
                      + " return t.scrollWidth <= t.clientWidth;"))
          .as("the table itself does not scroll sideways")
          .isEqualTo(true);
      assertThat(
              js(
                  "return getComputedStyle(document.querySelector("
                      + "'[id=\"activityForm:activity\"] .ui-column-title')).display"))
          .as("each field carries its column's title")
          .isNotEqualTo("none");
      @SuppressWarnings("unchecked")
      List<String> broken =
          (List<String>)
              js(
                  "var out = [];"
                      + " document.querySelectorAll('[id=\"activityForm:activity\"] tbody td')"
                      + ".forEach(function (td) {"
                      + "  var w = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), n;"
                      + "  while ((n = w.nextNode())) {"
                      + "   var re = /\\S+/g, m;"
                      + "   while ((m = re.exec(n.data))) {"
                      + "    var r = document.createRange();"
                      + "    r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
                      + "    var tops = {};"
                      + "    Array.from(r.getClientRects()).forEach(function (x) {"
                      + "     if (x.width > 0) tops[Math.round(x.top)] = 1; });"
                      + "    if (Object.keys(tops).length > 1) out.push(m[0]);"
                      + "   }"
                      + "  }"
                      + " });"
                      + " return out;");
      assertThat(broken).as("words broken across lines").isEmpty();
      js("document.getElementById('activityForm:activity').scrollIntoView()");
      browser.screenshot("network-phone-activity");
    } finally {
      browser.resize(Browser.DEFAULT_WIDTH, Browser.DEFAULT_HEIGHT);
    }
  }

  /**
   * An exchange with a known day: no owner 4 h, warming 1 h, active 9 h, dead 1 h, warming 1 h,
   * active 8 h.
   */
  static String seedHistory() {
    String x = "hist-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    Instant now = Instant.now();
    try (Resp r = redis.connect()) {
      r.call(
          "HSET",
          "network:exchanges",
          x,
          "{\"exchange\":\"" + x + "\",\"displayName\":\"History\"}");
      Object[][] entries = {
        {30.0, "deregistered", "hist-0", null, null}, // a clean stop the day before
        {20.0, "registered", "hist-a", null, null},
        {19.0, "state_changed", "hist-a", "warming", "active"},
        {10.0, "lease_expired", "hist-a", "active", null},
        {9.0, "registered", "hist-b", null, null},
        {8.0, "state_changed", "hist-b", "warming", "active"}
      };
      for (Object[] e : entries) {
        Instant at = now.minusMillis((long) ((double) e[0] * 3_600_000));
        List<String> fields =
            new java.util.ArrayList<>(
                List.of(
                    "XADD",
                    "logs:network:{" + x + "}",
                    at.toEpochMilli() + "-0",
                    "type",
                    (String) e[1],
                    "exchange",
                    x,
                    "instanceId",
                    (String) e[2],
                    "epoch",
                    "1",
                    "hostname",
                    "hist-host"));
        if (e[3] != null) fields.addAll(List.of("from", (String) e[3]));
        if (e[4] != null) fields.addAll(List.of("to", (String) e[4]));
        fields.addAll(List.of("at", at.toString()));
        r.call(fields.toArray(String[]::new));
      }
      OwnerRecord owner = record(x, "hist-b", "hist-host", "hist-ops", 2, now, null);
      r.call("SET", "exchange:{" + x + "}:instance", RecordJson.write(owner), "PX", "600000");
      r.call(
          "ZADD",
          "exchange:{" + x + "}:standbys",
          Long.toString(now.toEpochMilli() + 600_000),
          "hist-standby|standby-host");
    }
    return x;
  }

  /**
   * The exchange page, reached from a bookmark before login: the card, the standby and its host,
   * the day's uptime as the seeded stream gives it, deaths, takeovers and the longest outage, the
   * bar in order, and the activity of that exchange only; axe finds nothing serious, in light and
   * dark.
   */
  @Test
  void aBookmarkedExchangePageShowsItsCardStandbysHistoryAndOwnActivityAfterLogin() {
    Axe.assumeAvailable(ConsoleIT.class);
    String x = seedHistory();
    browser.driver().manage().deleteAllCookies();
    browser.driver().get(url("console/exchange.xhtml?x=" + x));
    browser.await(By.id("login:username"), WAIT).sendKeys("admin");
    browser.driver().findElement(By.id("login:password")).sendKeys("admin-secret");
    browser.driver().findElement(By.id("login:submit")).click();
    browser.await(By.cssSelector(".history[data-window='Last 24 hours']"), WAIT);
    assertThat(browser.driver().getCurrentUrl()).contains("exchange.xhtml?x=" + x);
    assertThat(js("return document.querySelector('h1').innerText")).asString().contains("History");
    assertThat(cardFields(x).get("card-host")).isEqualTo("hist-host");
    assertThat(js("return document.querySelector('.standby-host').innerText"))
        .isEqualTo("standby-host");

    String day = ".history[data-window='Last 24 hours'] ";
    double uptime =
        Double.parseDouble(
            ((String) js("return document.querySelector(\"" + day + ".history-uptime\").innerText"))
                .replace("%", "")
                .trim());
    assertThat(uptime).as("17 h active of 24").isCloseTo(100.0 * 17 / 24, within(0.05));
    assertThat(js("return document.querySelector(\"" + day + ".history-deaths\").innerText"))
        .isEqualTo("1");
    assertThat(js("return document.querySelector(\"" + day + ".history-takeovers\").innerText"))
        .isEqualTo("1");
    assertThat(js("return document.querySelector(\"" + day + ".history-outage\").innerText"))
        .asString()
        .matches("4h 59m|5h 0m");
    assertThat(
            js(
                "return Array.from(document.querySelectorAll(\""
                    + day
                    + ".history-part\")).map(function (p) { return p.className.replace('history-part ', ''); });"))
        .asList()
        .containsExactly(
            "history-no-owner",
            "history-warming",
            "history-active",
            "history-no-owner",
            "history-warming",
            "history-active");
    assertThat(js("return document.getElementById('activityForm:exchangeFilter')")).isNull();
    await()
        .atMost(WAIT)
        .until(() -> rows().size() == 6 && rows().stream().allMatch(r -> r.contains(x)));

    Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    try {
      for (String theme : List.of("light", "dark")) {
        js("localStorage.setItem('perseus-theme', '" + theme + "')");
        browser.driver().navigate().refresh();
        browser.await(By.cssSelector(".history[data-window='Last 7 days']"), WAIT);
        violations.put("exchange page, " + theme, Axe.seriousViolations(browser.driver()));
        browser.screenshot("exchange-" + theme);
      }
    } finally {
      js("localStorage.removeItem('perseus-theme')");
    }
    assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());

    browser.driver().findElement(By.linkText("Network")).click();
    browser.await(By.id("cards"), WAIT);
    // The strips are read in the background: a new exchange's appears at a refresh soon after.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(cardFields(x).get("card-strip-uptime"))
                    .as("the card's strip of the same day")
                    .matches("24 h: 70\\.8[0-9] % up, 1 death"));
  }

  @Test
  void anUnknownExchangeHasAPageThatSaysSo() {
    login("viewer", "viewer-secret");
    browser.driver().get(url("console/exchange.xhtml?x=no-such-exchange"));
    browser.await(By.id("unknown-exchange"), WAIT);
    assertThat(js("return document.querySelector('h1').innerText"))
        .asString()
        .contains("no-such-exchange");
  }

  @Test
  void aCardLinksToItsExchangePage() {
    login("viewer", "viewer-secret");
    browser
        .await(By.cssSelector(".perseus-card[data-exchange='kraken'] .card-exchange a"), WAIT)
        .click();
    browser.await(By.cssSelector(".history"), WAIT);
    assertThat(browser.driver().getCurrentUrl()).endsWith("exchange.xhtml?x=kraken");
  }
}
