package com.livermore.perseus.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's cards poll as a browser sends it: log in through the login form, open the Network
 * page, then repeat the Faces partial request of its {@code p:poll} and time each answer (server
 * time plus a loopback round trip). Reports the size of one answer; there is no baseline.
 */
final class ConsolePoll {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern PARTIAL_VIEW_STATE =
      Pattern.compile("jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
  private static final Pattern CARD = Pattern.compile("class=\"perseus-card ");

  /** The page's CSP nonce, which PrimeFaces' script sends with every form and AJAX request. */
  static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

  private static final int WARM_UP = 30;
  private static final int POLLS = 200;

  private final BenchServer server;
  private String viewState;
  private String nonce;
  private final HttpClient browser =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private ConsolePoll(BenchServer server) {
    this.server = server;
  }

  static ResultRow measure(BenchServer server, int cards) throws IOException, InterruptedException {
    return new ConsolePoll(server).run(cards);
  }

  private ResultRow run(int cards) throws IOException, InterruptedException {
    viewState = logIn();
    for (int i = 0; i < WARM_UP; i++) poll();
    Latencies latencies = new Latencies();
    String answer = "";
    for (int i = 0; i < POLLS; i++) {
      long sent = System.nanoTime();
      answer = poll();
      latencies.add(System.nanoTime() - sent);
    }
    long rendered = CARD.matcher(answer).results().count();
    if (rendered != cards) {
      throw new IllegalStateException("the poll rendered " + rendered + " cards, not " + cards);
    }
    long bytes = answer.getBytes(StandardCharsets.UTF_8).length;
    return new ResultRow(
        String.format("console poll of %d cards", cards),
        latencies.medianMicros(),
        latencies.p99Micros(),
        null,
        null,
        null,
        "report bytes and server time",
        true,
        null,
        null,
        bytes,
        String.format(Locale.ROOT, "%,d bytes per poll answer", bytes));
  }

  static String nonce(String page) {
    Matcher m = NONCE.matcher(page);
    if (!m.find()) throw new IllegalStateException("the page carries no CSP nonce");
    return m.group(1);
  }

  /** Logs in through the form and returns the Network page's view state. */
  private String logIn() throws IOException, InterruptedException {
    String loginPage = send(HttpRequest.newBuilder(server.uri("login.xhtml")).build());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", BenchServer.USER);
    form.put("login:password", BenchServer.PASSWORD);
    form.put("login:submit", "");
    form.put("jakarta.faces.ViewState", viewState(loginPage));
    form.put("primefaces.nonce", nonce(loginPage));
    String network = send(post("login.xhtml", form).build());
    if (!network.contains("cardsPollForm")) {
      throw new IllegalStateException("logging in did not lead to the Network page");
    }
    nonce = nonce(network);
    return viewState(network);
  }

  /** One cards poll; the view state the answer carries is used for the next one. */
  private String poll() throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("jakarta.faces.partial.ajax", "true");
    form.put("jakarta.faces.source", "cardsPollForm:cardsPoll");
    form.put("jakarta.faces.partial.execute", "cardsPollForm:cardsPoll");
    form.put("jakarta.faces.partial.render", "controls:network");
    form.put("cardsPollForm:cardsPoll", "cardsPollForm:cardsPoll");
    form.put("cardsPollForm", "cardsPollForm");
    form.put("jakarta.faces.ViewState", viewState);
    form.put("primefaces.nonce", nonce);
    String answer =
        send(
            post("console/network.xhtml", form)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .build());
    if (!answer.contains("<update id=\"controls:network\">")) {
      throw new IllegalStateException("the poll did not update the cards: " + answer);
    }
    Matcher next = PARTIAL_VIEW_STATE.matcher(answer);
    if (next.find()) viewState = next.group(1);
    return answer;
  }

  private HttpRequest.Builder post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(server.uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static String viewState(String page) {
    Matcher m = VIEW_STATE.matcher(page);
    if (!m.find()) throw new IllegalStateException("no Faces view state in the page");
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
