package com.livermore.perseus.deployment;

import static com.livermore.perseus.testing.ApiClient.assertProblem;
import static com.livermore.perseus.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.browser.Browser;
import com.livermore.perseus.browser.BrowserTestExtension;
import com.livermore.perseus.console.ConsoleLogin;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.security.UserDirectory;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.OwnerProcess;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What every server must do with the unchanged WAR, run by a subclass per server: the instance
 * claims its exchange and its EJB timer keeps the lease, the API answers with Jakarta Security in
 * front of it (Basic login, 401, 403), MicroProfile Health and OpenAPI are served, and the console
 * logs a person in, and its cards are pushed a death within the lease's TTL and a second.
 */
@ExtendWith({BrowserTestExtension.class, ArquillianExtension.class})
@RunAsClient
abstract class SmokeContract {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String VIEWER = "viewer:viewer-secret";
  static RedisServer redis;

  @ArquillianResource URL base;
  Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    String users =
        "viewer:network-viewer:plain:viewer-secret,admin:network-admin:"
            + UserDirectory.hash("admin-secret".toCharArray());
    return BuiltWar.configured(
        "smoke",
        TestConfig.exchange("coinbase")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .consolePolls("1s", "10s")
            .users(users)
            .properties());
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) redis.close();
  }

  /** Where this server serves MicroProfile Health ({@code …/health/}). */
  abstract URI healthRoot();

  ApiClient api() {
    return ApiClient.at(base);
  }

  /** The server's root on the deployment's HTTP port, where MicroProfile OpenAPI lives. */
  URI serverRoot() {
    return URI.create("http://127.0.0.1:" + base.getPort() + "/");
  }

  static OwnerRecord lease() {
    try (Resp r = redis.connect()) {
      String json = (String) r.call("GET", "exchange:{coinbase}:instance");
      return json == null ? null : RecordJson.readOwner(json);
    }
  }

  @BeforeEach
  void coinbaseIsActive() {
    await().atMost(WAIT).until(() -> lease() != null && lease().state() == ConnectionState.ACTIVE);
  }

  @Test
  void theInstanceClaimedItsExchangeAndItsTimerKeepsRenewingTheLease() {
    OwnerRecord active = lease();
    assertThat(active.epoch()).isEqualTo(1);
    assertThat(active.symbolCount()).isEqualTo(120);
    Instant first = active.lastHeartbeat();
    await().atMost(Duration.ofSeconds(5)).until(() -> lease().lastHeartbeat().isAfter(first));
    assertThat(lease().instanceId()).isEqualTo(active.instanceId());
  }

  @Test
  void aViewerReadsTheNetworkAsJson() throws Exception {
    HttpResponse<String> r = api().get("api/network/instances", VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode coinbase = null;
    for (JsonNode x : json(r).get("exchanges")) {
      if ("coinbase".equals(x.path("exchange").asText())) coinbase = x;
    }
    assertThat(coinbase).as("coinbase in the network").isNotNull();
    assertThat(coinbase.get("exchange").asText()).isEqualTo("coinbase");
    assertThat(coinbase.get("liveness").asText()).isEqualTo("alive");
    assertThat(coinbase.get("owner").get("state").asText()).isEqualTo("active");
  }

  @Test
  void withoutLoginTheApiAnswers401WithABasicChallenge() throws Exception {
    HttpResponse<String> r = api().get("api/network/instances", null);
    assertProblem(r, 401, null);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Basic realm=\"Perseus Network\"");
    assertProblem(
        api().post("api/network/exchanges/coinbase/commands", null, "{\"command\":\"stop\"}"),
        401,
        null);
  }

  @Test
  void theLoginPageSetsNoCookieAndCarriesTheSecurityHeadersAndANoncePolicy() throws Exception {
    HttpResponse<String> page = api().get("login.xhtml", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'")
        .containsPattern("script-src 'self' 'nonce-[^']+'")
        .doesNotContain("unsafe-inline'; script")
        .doesNotContain("'unsafe-eval'");
    HttpResponse<String> typeless =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            BuiltWar.loopback(base) + "api/network/exchanges/coinbase/commands"))
                    .header("Authorization", ApiClient.basic(ApiClient.ADMIN))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"command\":\"stop\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertProblem(typeless, 415, null);
    assertThat(lease().state()).isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void aViewerSendingACommandIs403AndNothingChanges() throws Exception {
    assertProblem(
        api().post("api/network/exchanges/coinbase/commands", VIEWER, "{\"command\":\"stop\"}"),
        403,
        null);
    assertThat(lease().state()).isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void healthSaysReadyAndAlive() throws Exception {
    HttpResponse<String> ready = api().get(healthRoot().resolve("ready"));
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body())
        .contains("perseus-lease")
        .contains("\"role\":\"owner\"")
        .contains("UP");
    HttpResponse<String> live = api().get(healthRoot().resolve("live"));
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body()).contains("perseus-instance");
  }

  @Test
  void theOpenApiDocumentListsEveryEndpoint() throws Exception {
    HttpResponse<String> doc = api().get(serverRoot().resolve("openapi"));
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
    assertThat(doc.body())
        .contains(
            "/api/network/instances",
            "/api/network/exchanges/{exchange}",
            "/api/network/activity",
            "/api/network/events",
            "Perseus Network API");
  }

  @Test
  void anAdminLogsIntoTheConsoleAndSeesTheExchangeCard() {
    ConsoleLogin.logIn(browser, BuiltWar.loopback(base), "admin", "admin-secret", WAIT);
    browser.await(
        By.cssSelector(".perseus-card[data-exchange='coinbase'][data-state='active']"), WAIT);
    assertThat(browser.driver().findElement(By.id("current-user")).getText()).contains("admin");
    org.openqa.selenium.Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertThat(session).as("the console's session cookie").isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
    assertThat(browser.driver().findElements(By.cssSelector(".control-button")))
        .as("the network-admin role reaches the page: its controls are shown")
        .isNotEmpty();
    browser.screenshot(getClass().getSimpleName() + "-network");
  }

  /**
   * The console's push: the page's event stream opens with the login session on this server, and
   * the exchange page renders its history.
   */
  @Test
  void theConsolesPushStreamOpensWithItsSessionAndTheExchangePageRenders() {
    ConsoleLogin.logIn(browser, BuiltWar.loopback(base), "admin", "admin-secret", WAIT);
    org.openqa.selenium.JavascriptExecutor js =
        (org.openqa.selenium.JavascriptExecutor) browser.driver();
    await()
        .atMost(WAIT)
        .until(
            () ->
                "live".equals(js.executeScript("return document.body.getAttribute('data-push')")));
    browser.driver().get(BuiltWar.loopback(base) + "console/exchange.xhtml?x=coinbase");
    browser.await(By.cssSelector(".history[data-window='Last 24 hours'] .history-uptime"), WAIT);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "live".equals(js.executeScript("return document.body.getAttribute('data-push')")));
    browser.screenshot(getClass().getSimpleName() + "-exchange");
  }

  /**
   * Push, on this server: an owner in a JVM of its own is killed with SIGKILL, and its card shows
   * it dead within its TTL and a second, with the page's poll stopped so that only the push can
   * tell the page.
   */
  @Test
  void anOwnerKilledWithSigkillShowsDeadWithinItsTtlAndASecondWithoutThePoll() throws Exception {
    Duration ttl = Duration.ofSeconds(3);
    try (OwnerProcess owner = OwnerProcess.start(redis.address(), "htx", "1s", "3s")) {
      ConsoleLogin.logIn(browser, BuiltWar.loopback(base), "viewer", "viewer-secret", WAIT);
      await().atMost(WAIT).until(() -> "alive".equals(card("htx", "data-liveness")));
      await()
          .atMost(WAIT)
          .until(() -> "live".equals(js("return document.body.getAttribute('data-push')")));
      js("PF('cardsPoll').stop(); window.__sameDocument = 'yes';");

      long killed = System.nanoTime();
      owner.kill();
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> "dead".equals(card("htx", "data-liveness")));
      Duration shown = Duration.ofNanos(System.nanoTime() - killed);
      com.livermore.perseus.reliability.ReliabilityReport.record(
          "console push on " + getClass().getSimpleName() + " (SIGKILL to a dead card, poll off)",
          java.util.Map.of("ttlMs", ttl.toMillis(), "shownAfterMs", shown.toMillis()));

      assertThat(shown).as("SIGKILL to a dead card").isLessThanOrEqualTo(ttl.plusSeconds(1));
      assertThat(js("return PF('cardsPoll').isActive()"))
          .as("the poll stayed stopped")
          .isEqualTo(false);
      assertThat(js("return window.__sameDocument")).isEqualTo("yes");
      assertThat(
              js(
                  "return document.querySelector(\".perseus-card[data-exchange='htx'] .card-host\")"
                      + ".innerText.trim()"))
          .asString()
          .isNotBlank();
    } finally {
      forget("htx");
    }
  }

  /** Removes an exchange this test added, so that the tests after it see the network as before. */
  static void forget(String exchange) {
    try (Resp r = redis.connect()) {
      r.call("HDEL", "network:exchanges", exchange);
      for (Object key : (java.util.List<?>) r.call("KEYS", "*{" + exchange + "}*")) {
        r.call("DEL", String.valueOf(key));
      }
    }
  }

  /** A card attribute, read in one script so that a refresh cannot interleave. */
  String card(String exchange, String attribute) {
    return (String)
        js(
            "var c = document.querySelector(\".perseus-card[data-exchange='"
                + exchange
                + "']\"); return c ? c.getAttribute('"
                + attribute
                + "') : null;");
  }

  Object js(String script) {
    return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(script);
  }
}
