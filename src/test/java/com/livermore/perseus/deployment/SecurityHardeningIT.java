package com.livermore.perseus.deployment;

import static com.livermore.perseus.testing.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.security.LoginSettings;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security review's findings, each replayed against the deployed WAR on Payara Micro (started
 * with the project's {@code server-config/payara} command files) over real HTTP and raw sockets:
 * commands need proof of intent, failed logins are throttled, stalled bodies hold nothing,
 * anonymous requests create no session, every console page carries strict headers, redirects ignore
 * the Host header, and Payara's own metrics are not open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHardeningIT {
  static final String ADMIN = "admin:admin-secret";
  static final String VIEWER = "viewer:viewer-secret";
  static final int THROTTLE_AFTER = 4;
  static RedisServer redis;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    return BuiltWar.configured(
        "security",
        TestConfig.exchange("kraken")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .users(
                "viewer:network-viewer:plain:viewer-secret,admin:network-admin:plain:admin-secret,"
                    + "target:network-viewer:plain:target-secret,"
                    + "formtarget:network-viewer:plain:form-secret")
            .set(LoginSettings.THROTTLE_FAILURES, Integer.toString(THROTTLE_AFTER))
            .set(LoginSettings.THROTTLE_WINDOW, "2m")
            .properties());
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) redis.close();
  }

  String root() {
    return BuiltWar.loopback(base);
  }

  int port() {
    return base.getPort();
  }

  /** The deployment's context path, without the final slash ("" at the root). */
  String context() {
    String path = BuiltWar.contextPath(base);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  ApiClient api() {
    return ApiClient.at(base);
  }

  static final HttpClient NO_REDIRECTS =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return NO_REDIRECTS.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(root() + path));
  }

  static String basic(String credentials) {
    return ApiClient.basic(credentials);
  }

  /** A console login through the form, as a browser posts it; the session cookie it set. */
  String consoleSession(String user, String password) throws Exception {
    HttpResponse<String> r = postLoginForm(user, password, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  HttpResponse<String> postLoginForm(String user, String password, String origin) throws Exception {
    // As the page's script does: the form carries the nonce of the page it came from.
    HttpResponse<String> page = send(request("login.xhtml"));
    String nonce =
        directive(page.headers().firstValue("Content-Security-Policy").orElseThrow(), "script-src")
            .replaceAll(".*'nonce-([^']+)'.*", "$1");
    String form =
        "login=login&login%3Ausername="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&login%3Apassword="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&login%3Asubmit=&jakarta.faces.ViewState=stateless&primefaces.nonce="
            + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        request("login.xhtml")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) b.header("Origin", origin);
    return send(b);
  }

  long commandEntries(String exchange) {
    try (Resp r = redis.connect()) {
      List<?> entries = (List<?>) r.call("XRANGE", "logs:network:{" + exchange + "}", "-", "+");
      return entries.stream()
          .filter(e -> String.valueOf(((List<?>) e).get(1)).contains("command"))
          .count();
    }
  }

  void register(String exchange) {
    try (Resp r = redis.connect()) {
      r.call("HSET", "network:exchanges", exchange, "{\"exchange\":\"" + exchange + "\"}");
    }
  }

  HttpRequest.Builder command(String exchange, String body) {
    return request("api/network/exchanges/" + exchange + "/commands")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Nothing was recorded for {@code exchange}, then the proper command is: refused, not lost. */
  void assertRefusedAndThenRecordedWithProperCredentials(String exchange, String contentType)
      throws Exception {
    Thread.sleep(500);
    assertThat(commandEntries(exchange)).as("commands recorded for the refused requests").isZero();
    HttpResponse<String> ok =
        send(
            command(exchange, "{\"command\":\"start\"}")
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", contentType));
    assertThat(ok.statusCode()).as(ok.body()).isLessThan(500).isNotIn(401, 403, 415);
    await().atMost(Duration.ofSeconds(10)).until(() -> commandEntries(exchange) == 1);
  }

  // 1. Commands only with proof of intent.

  @Test
  void aCommandCarryingOnlyTheConsoleSessionIsRefusedAndNothingIsRecorded() throws Exception {
    register("csrf-cookie");
    String session = consoleSession("admin", "admin-secret");
    // The session does read the API (the console's own page may)…
    HttpResponse<String> read = send(request("api/network/instances").header("Cookie", session));
    assertThat(read.statusCode()).isEqualTo(200);
    // …but never commands it.
    HttpResponse<String> r =
        send(
            command("csrf-cookie", "{\"command\":\"start\"}")
                .header("Cookie", session)
                .header("Content-Type", "application/json"));
    assertProblem(r, 403, null);
    assertThat(r.body()).contains("Basic");
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertRefusedAndThenRecordedWithProperCredentials("csrf-cookie", "application/json");
  }

  @Test
  void aCommandFromAnotherOriginIsRefusedBeforeItIsReadAndNothingIsRecorded() throws Exception {
    register("csrf-origin");
    for (String origin :
        List.of(
            "http://127.0.0.1:" + (port() + 1),
            "http://evil.example",
            "http://127.0.0.1." + port() + ".evil.example",
            "null")) {
      HttpResponse<String> r =
          send(
              command("csrf-origin", "{\"command\":\"start\"}")
                  .header("Authorization", basic(ADMIN))
                  .header("Content-Type", "application/json")
                  .header("Origin", origin));
      assertProblem(r, 403, null);
      assertThat(r.body()).contains("origin");
      // Without credentials too: refused before any login, so no Basic challenge (a browser
      // would ask its user for a password on the other page's behalf).
      HttpResponse<String> anonymous =
          send(
              command("csrf-origin", "{\"command\":\"start\"}")
                  .header("Content-Type", "text/plain")
                  .header("Origin", origin));
      assertProblem(anonymous, 403, null);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
    HttpResponse<String> sibling =
        send(
            command("csrf-origin", "{\"command\":\"start\"}")
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "same-site"));
    assertProblem(sibling, 403, null);
    // The console form from another origin is refused too, and sets no session.
    HttpResponse<String> form = postLoginForm("admin", "admin-secret", "http://evil.example");
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
    Thread.sleep(500);
    assertThat(commandEntries("csrf-origin")).isZero();
    // The server's own origin is accepted (the console's pages send it).
    HttpResponse<String> own =
        send(
            command("csrf-origin", "{\"command\":\"start\"}")
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:" + port()));
    assertThat(own.statusCode()).as(own.body()).isLessThan(500).isNotIn(401, 403, 415);
    await().atMost(Duration.ofSeconds(10)).until(() -> commandEntries("csrf-origin") == 1);
  }

  @Test
  void aStateChangingRequestWithoutJsonInUtf8Is415EvenForAViewer() throws Exception {
    register("csrf-type");
    HttpResponse<String> none =
        send(command("csrf-type", "{\"command\":\"start\"}").header("Authorization", basic(ADMIN)));
    assertProblem(none, 415, null);
    for (String type :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=bogus",
            "application/json; charset=iso-8859-1")) {
      for (String who : List.of(ADMIN, VIEWER)) {
        HttpResponse<String> r =
            send(
                command("csrf-type", "{\"command\":\"start\"}")
                    .header("Authorization", basic(who))
                    .header("Content-Type", type));
        assertThat(r.statusCode()).as(type).isEqualTo(415);
        assertProblem(r, 415, null);
      }
    }
    // Nor is a Content-Type that is not a media type at all.
    HttpResponse<String> malformed =
        send(
            command("csrf-type", "{\"command\":\"start\"}")
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "not a media type"));
    assertThat(malformed.statusCode()).isEqualTo(415);
    assertThat(malformed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertRefusedAndThenRecordedWithProperCredentials(
        "csrf-type", "application/json; charset=UTF-8");
  }

  // 2. Throttled logins.

  @Test
  void failedBasicLoginsAreThrottledPerUserAndAddressWith429AndRetryAfter() throws Exception {
    for (int i = 0; i < THROTTLE_AFTER; i++) {
      assertThat(rawGet("127.0.0.1", "target:wrong-" + i).status()).isEqualTo(401);
    }
    Raw throttled = rawGet("127.0.0.1", "target:wrong-again");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("content-type")).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(throttled.header("retry-after"));
    assertThat(retryAfter).isBetween(1L, 120L);
    // Refused before any check: even the right password waits for the window.
    assertThat(rawGet("127.0.0.1", "target:target-secret").status()).isEqualTo(429);
    // Other users from the same address, and the same user from another address, are unaffected.
    assertThat(rawGet("127.0.0.1", VIEWER).status()).isEqualTo(200);
    assertThat(rawGet("127.0.0.2", "target:target-secret").status()).isEqualTo(200);
  }

  @Test
  void failedConsoleLoginsAreThrottledToo() throws Exception {
    for (int i = 0; i < THROTTLE_AFTER; i++) {
      HttpResponse<String> r = postLoginForm("formtarget", "wrong-" + i, null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("Wrong user name or password.");
    }
    HttpResponse<String> r = postLoginForm("formtarget", "form-secret", null);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(r.body()).contains("Too many failed logins");
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  // 3. No slow-request exhaustion.

  @Test
  void aStalledBodyIsAnsweredAtOnceWithoutALoginAndWith408ForAnAdmin() throws Exception {
    // Without a login: the 401 comes before the body, which is never read.
    // 2 s, well under the server's 5 s read timeout: an answer that waited for the body would miss.
    Raw anonymous = stalledCommand(null, Duration.ofSeconds(2));
    assertThat(anonymous.status()).isEqualTo(401);
    // A viewer: refused by role before the body.
    Raw viewer = stalledCommand(VIEWER, Duration.ofSeconds(2));
    assertThat(viewer.status()).isEqualTo(403);
    // An admin whose body stalls: the server's 5 s read timeout ends it with a 408, not a 503.
    Raw admin = stalledCommand(ADMIN, Duration.ofSeconds(20));
    assertThat(admin.status()).as(admin.body()).isEqualTo(408);
    assertThat(admin.body()).contains("did not arrive").doesNotContain("Redis");
    // Many stalled bodies hold no request thread: an ordinary request is served meanwhile.
    List<Socket> stalled = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 250; i++) stalled.add(openStalledCommand(null));
      assertThat(api().get("api/network/instances", VIEWER).statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : stalled) s.close();
    }
  }

  // 4. No anonymous sessions.

  @Test
  void aConsoleFormWithoutItsPagesTokenIs400NotAServerError() throws Exception {
    for (String nonce : List.of("", "&primefaces.nonce=")) {
      HttpResponse<String> r =
          send(
              request("login.xhtml")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "login=login&login%3Ausername=viewer&login%3Apassword=not-it"
                              + "&login%3Asubmit=&jakarta.faces.ViewState=stateless"
                              + nonce)));
      assertProblem(r, 400, null);
      assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }
    // The same for a Faces AJAX request, whatever its body.
    HttpResponse<String> ajax =
        send(
            request("login.xhtml")
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"stop\"}")));
    assertProblem(ajax, 400, null);
  }

  @Test
  void anonymousRequestsCreateNoSessionAndALoginCreatesAStrictOne() throws Exception {
    for (String path :
        List.of(
            "", "login.xhtml", "console/network.xhtml", "api/network/instances", "error.html")) {
      HttpResponse<String> r = send(request(path));
      assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
    HttpResponse<String> basic =
        send(request("api/network/instances").header("Authorization", basic(VIEWER)));
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> failed = postLoginForm("viewer", "not-the-password", null);
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.headers().allValues("Set-Cookie")).isEmpty();

    HttpResponse<String> login = postLoginForm("viewer", "viewer-secret", null);
    assertThat(login.statusCode()).isEqualTo(302);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie.toLowerCase(Locale.ROOT))
        .startsWith("jsessionid=")
        .contains("httponly")
        .contains("samesite=strict");
  }

  // 6. Headers.

  @Test
  void consolePagesCarryAStrictPolicyAndEveryResponseTheSafetyHeaders() throws Exception {
    String session = consoleSession("viewer", "viewer-secret");
    for (HttpResponse<String> page :
        List.of(
            send(request("login.xhtml")),
            send(request("console/network.xhtml").header("Cookie", session)))) {
      assertThat(page.statusCode()).isEqualTo(200);
      String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      String scripts = directive(csp, "script-src");
      assertThat(scripts).contains("'self'").containsPattern("'nonce-[A-Za-z0-9+/=_-]{16,}'");
      assertThat(scripts).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
      assertThat(directive(csp, "object-src")).isEqualTo("object-src 'none'");
      String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
      // Every inline script of the page carries that nonce; no inline event handler is left.
      assertThat(page.body())
          .doesNotContainPattern(
              "<script(?![^>]*\\bsrc=)(?![^>]*nonce=\""
                  + java.util.regex.Pattern.quote(nonce)
                  + "\")[^>]*>");
      assertThat(page.body()).doesNotContainPattern("\\son(click|change|load|submit)=");
      assertSafetyHeaders(page);
      assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
    for (HttpResponse<String> other :
        List.of(
            send(request("api/network/instances").header("Authorization", basic(VIEWER))),
            send(request("api/network/instances")),
            send(request("error.html")))) {
      assertSafetyHeaders(other);
      assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'")
          .contains("frame-ancestors 'none'");
    }
    HttpResponse<String> css = send(request("jakarta.faces.resource/console.css.xhtml?ln=perseus"));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
  }

  static void assertSafetyHeaders(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(r.headers().allValues("X-Frame-Options")).containsExactly("DENY");
  }

  static String directive(String csp, String name) {
    for (String d : csp.split(";")) {
      if (d.trim().startsWith(name + " ")) return d.trim();
    }
    throw new AssertionError(name + " is missing from " + csp);
  }

  @Test
  void redirectsAreRelativeWhateverTheHostHeaderSays() throws Exception {
    for (String path : List.of("/", "/console/network.xhtml")) {
      Raw r =
          raw(
              "127.0.0.1",
              "GET " + context() + path + " HTTP/1.1\r\nHost: evil.example\r\n",
              Duration.ofSeconds(10));
      assertThat(r.status()).as(r.head()).isEqualTo(302);
      assertThat(r.header("location")).startsWith(context() + "/").doesNotContain("evil.example");
    }
    String session = consoleSession("viewer", "viewer-secret");
    Raw afterLogin =
        raw(
            "127.0.0.1",
            "GET " + context() + "/ HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session + "\r\n",
            Duration.ofSeconds(10));
    assertThat(afterLogin.header("location")).isEqualTo(context() + "/console/network.xhtml");
  }

  // 7. Disclosures.

  @Test
  void payarasOwnMetricsAreNotOpenAndProblemsNameNoJavaClass() throws Exception {
    for (String path : List.of("metrics", "metrics/base", "metrics/vendor")) {
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/" + path)));
      assertThat(r.statusCode()).as(path).isNotEqualTo(200);
      assertThat(r.body()).doesNotContain("jvm").doesNotContain("heap");
    }
    try (Resp r = redis.connect()) {
      r.call("HSET", "network:exchanges", "broken-shape", "{\"exchange\":\"broken-shape\"}");
      r.call(
          "SET",
          "exchange:{broken-shape}:last",
          "{\"instanceId\":\"x\",\"exchange\":\"broken-shape\",\"state\":\"active\",\"epoch\":\"many\"}");
    }
    JsonNode card = api().json("api/network/exchanges/broken-shape", VIEWER);
    String problem = card.path("problem").asText();
    assertThat(problem)
        .contains("epoch")
        .doesNotContain("com.")
        .doesNotContain("`")
        .doesNotContain("java");
  }

  // Raw HTTP, for what java.net.http will not send: a Host header, a stalled body, a local address.

  record Raw(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
          return line.substring(colon + 1).trim();
      }
      return null;
    }
  }

  Raw rawGet(String fromAddress, String credentials) throws IOException {
    return raw(
        fromAddress,
        "GET "
            + context()
            + "/api/network/instances HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
            + basic(credentials)
            + "\r\n",
        Duration.ofSeconds(30));
  }

  Socket openStalledCommand(String credentials) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
    String head =
        "POST "
            + context()
            + "/api/network/exchanges/kraken/commands HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n"
            + (credentials == null ? "" : "Authorization: " + basic(credentials) + "\r\n")
            + "\r\n";
    s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** The answer to a command whose announced body never comes, read within {@code within}. */
  Raw stalledCommand(String credentials, Duration within) throws IOException {
    try (Socket s = openStalledCommand(credentials)) {
      return readAnswer(s, within);
    }
  }

  Raw raw(String fromAddress, String head, Duration within) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(fromAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
      s.getOutputStream()
          .write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return readAnswer(s, within);
    }
  }

  /** Reads the status line, headers and (Content-Length) body; fails if they take longer. */
  static Raw readAnswer(Socket s, Duration within) throws IOException {
    s.setSoTimeout((int) within.toMillis());
    InputStream in = s.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      int end = -1;
      while (end < 0) {
        int b = in.read();
        if (b < 0) break;
        bytes.write(b);
        String sofar = bytes.toString(StandardCharsets.ISO_8859_1);
        if (sofar.endsWith("\r\n\r\n")) end = bytes.size();
      }
      String head = bytes.toString(StandardCharsets.ISO_8859_1);
      assertThat(head).as("an answer").startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(head.substring(9, 12));
      Raw raw = new Raw(status, head, "");
      String length = Optional.ofNullable(raw.header("content-length")).orElse("0");
      byte[] body = in.readNBytes(Integer.parseInt(length));
      return new Raw(status, head, new String(body, StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no answer within "
              + within
              + "; got so far: "
              + bytes.toString(StandardCharsets.ISO_8859_1),
          e);
    }
  }
}
