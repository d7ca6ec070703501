package com.livermore.perseus.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What HTTP Basic costs a poller: {@code GET /api/network/instances} with Basic credentials on
 * every request (verified once, then found in the login cache) against the same requests carrying a
 * console session cookie instead, 50 clients each, in alternating rounds on the same server. Met at
 * 0.5 or more with every answer a 200. Before the login cache each Basic request paid a full PBKDF2
 * (210,000 iterations): about 40 requests/s here against 1,580 with a session.
 */
final class BasicLogins {
  private static final int ROUNDS = 3;
  private static final Duration WARM_UP = Duration.ofSeconds(8);
  private static final Duration ROUND = Duration.ofSeconds(5);
  private static final double MIN_RATIO = 0.5;

  private BasicLogins() {}

  static ResultRow measure(BenchServer server, int exchanges)
      throws IOException, InterruptedException {
    HttpLoad load = new HttpLoad(ApiThroughput.CLIENTS);
    HttpRequest basic = server.get("api/network/instances");
    HttpRequest session =
        HttpRequest.newBuilder(server.uri("api/network/instances"))
            .header("Cookie", consoleSession(server))
            .timeout(Duration.ofSeconds(30))
            .build();
    load.run(session, WARM_UP);
    load.run(basic, WARM_UP);
    Latencies basicLatencies = new Latencies();
    Latencies sessionLatencies = new Latencies();
    List<Double> basicRates = new ArrayList<>();
    List<Double> sessionRates = new ArrayList<>();
    long errors = 0;
    for (int round = 0; round < ROUNDS; round++) {
      HttpLoad.Result s = load.run(session, ROUND);
      sessionLatencies.addAll(s.latencies());
      sessionRates.add(s.requestsPerSecond());
      HttpLoad.Result b = load.run(basic, ROUND);
      basicLatencies.addAll(b.latencies());
      basicRates.add(b.requestsPerSecond());
      errors += s.errors() + b.errors();
    }
    double basicRate = median(basicRates);
    double sessionRate = median(sessionRates);
    double ratio = basicRate / sessionRate;
    return new ResultRow(
        String.format(
            "GET /instances with Basic on every request, %d exchanges, %d clients",
            exchanges, ApiThroughput.CLIENTS),
        basicLatencies.medianMicros(),
        basicLatencies.p99Micros(),
        sessionLatencies.medianMicros(),
        sessionLatencies.p99Micros(),
        ratio,
        "≥ " + MIN_RATIO + "× the same requests with a console session",
        ratio >= MIN_RATIO && errors == 0,
        basicRate,
        sessionRate,
        null,
        String.format(
            Locale.ROOT,
            "%.0f req/s with Basic vs %.0f req/s with a session cookie; %d answers not 200",
            basicRate,
            sessionRate,
            errors));
  }

  /** Logs in through the console's form, as a browser does, and returns {@code JSESSIONID=…}. */
  static String consoleSession(BenchServer server) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
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

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
