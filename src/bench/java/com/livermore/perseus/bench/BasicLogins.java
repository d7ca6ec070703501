package com.livermore.perseus.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * What HTTP Basic costs a poller: {@code GET /api/network/instances} with Basic credentials on
 * every request (verified once, then found in the login cache) against the same requests carrying a
 * console session cookie instead, 50 clients each, in alternating rounds on the same server. Met at
 * 0.5 or more with every answer a 200. Before the login cache each Basic request paid a full PBKDF2
 * (210,000 iterations): about 40 requests/s here against 1,580 with a session.
 */
final class BasicLogins {
  private static final double MIN_RATIO = 0.5;

  private BasicLogins() {}

  static ResultRow measure(BenchServer server, int exchanges)
      throws IOException, InterruptedException {
    HttpRequest session =
        HttpRequest.newBuilder(server.uri("api/network/instances"))
            .header("Cookie", consoleSession(server))
            .timeout(Duration.ofSeconds(30))
            .build();
    AlternatingLoad load =
        AlternatingLoad.run(ApiThroughput.CLIENTS, server.get("api/network/instances"), session);
    double ratio = load.ratio();
    return new ResultRow(
        String.format(
            "GET /instances with Basic on every request, %d exchanges, %d clients",
            exchanges, ApiThroughput.CLIENTS),
        load.measured().medianMicros(),
        load.measured().p99Micros(),
        load.baseline().medianMicros(),
        load.baseline().p99Micros(),
        ratio,
        "≥ " + MIN_RATIO + "× the same requests with a console session",
        ratio >= MIN_RATIO && load.errors() == 0,
        load.measuredRate(),
        load.baselineRate(),
        null,
        String.format(
            Locale.ROOT,
            "%.0f req/s with Basic vs %.0f req/s with a session cookie; %d answers not 200",
            load.measuredRate(),
            load.baselineRate(),
            load.errors()));
  }

  /** Logs in through the console's form, as a browser does, and returns {@code JSESSIONID=…}. */
  static String consoleSession(BenchServer server) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String loginPage =
        http.send(
                HttpRequest.newBuilder(server.uri("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String form =
        "login=login&login%3Ausername="
            + URLEncoder.encode(BenchServer.USER, StandardCharsets.UTF_8)
            + "&login%3Apassword="
            + URLEncoder.encode(BenchServer.PASSWORD, StandardCharsets.UTF_8)
            + "&login%3Asubmit=&jakarta.faces.ViewState=stateless&primefaces.nonce="
            + URLEncoder.encode(ConsolePoll.nonce(loginPage), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElse("");
    if (r.statusCode() != 302 || !cookie.startsWith("JSESSIONID=")) {
      throw new IllegalStateException(
          "the console login did not give a session: " + r.statusCode());
    }
    return cookie.substring(0, cookie.indexOf(';'));
  }
}
