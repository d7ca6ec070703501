package com.livermore.perseus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Calls a running Perseus the way an API client does, for every test that talks HTTP to one: paths
 * relative to its root on 127.0.0.1, HTTP Basic credentials written {@code user:password} (or
 * {@code null} for none), HTTP/1.1 as curl speaks it, and answers checked as JSON or as RFC 9457
 * problems.
 */
public final class ApiClient {
  /** The users line of scenarios that need one administrator. */
  public static final String ADMIN_USERS = "admin:network-admin:plain:admin-secret";

  public static final String ADMIN = "admin:admin-secret";

  private static final HttpClient SHARED = client(null);
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(?m)(^\\s*at [\\w$.]+\\([\\w$]+\\.java:\\d+\\))|(Caused by: )"
              + "|(\\b[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error): )");

  private final String root;
  private final HttpClient http;

  private ApiClient(String root, HttpClient http) {
    this.root = root.endsWith("/") ? root : root + "/";
    this.http = http;
  }

  /** A client of the server at {@code root} (e.g. {@code http://127.0.0.1:8123/}). */
  public static ApiClient at(String root) {
    return new ApiClient(root, SHARED);
  }

  /** A client of an Arquillian deployment, on the loopback interface. */
  public static ApiClient at(URL deployment) {
    return at(com.livermore.perseus.deployment.BuiltWar.loopback(deployment));
  }

  /** A client with its own connections and cookies: one browser-like session. */
  public static ApiClient withSession(String root) {
    return new ApiClient(root, client(new CookieManager()));
  }

  public String root() {
    return root;
  }

  public HttpResponse<String> get(String path, String credentials)
      throws IOException, InterruptedException {
    return get(path, credentials, Duration.ofSeconds(10));
  }

  public HttpResponse<String> get(String path, String credentials, Duration timeout)
      throws IOException, InterruptedException {
    return send(request(path, credentials).timeout(timeout), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON body; commands wait up to 10 s for their owner, hence the longer timeout. */
  public HttpResponse<String> post(String path, String credentials, String body)
      throws IOException, InterruptedException {
    return send(
        request(path, credentials)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Any method, with header name/value pairs; a body only when {@code body} is not null (sent as
   * JSON unless a Content-Type is among the headers).
   */
  public HttpResponse<String> call(
      String method, String path, String credentials, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path, credentials).timeout(Duration.ofSeconds(30));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(b, HttpResponse.BodyHandlers.ofString());
  }

  /** An open stream (Server-Sent Events) with extra header name/value pairs. */
  public HttpResponse<InputStream> stream(String path, String credentials, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path, credentials).header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** The body as JSON, whatever the status. */
  public JsonNode json(String path, String credentials) throws IOException, InterruptedException {
    return json(get(path, credentials));
  }

  /**
   * A plain GET of an absolute URI, for what the server serves outside the deployment. Generous
   * timeout: a server builds its OpenAPI document on the first request, which took over 10 s on a
   * busy 2-core machine.
   */
  public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)),
        HttpResponse.BodyHandlers.ofString());
  }

  public static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  public static JsonNode json(HttpResponse<String> r) throws IOException {
    return RecordJson.mapper().readTree(r.body());
  }

  /** The answer is a problem with this status (and names {@code parameter}, when not null). */
  public static void assertProblem(HttpResponse<String> r, int status, String parameter)
      throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    if (parameter != null) assertThat(p.get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.body()).doesNotContain("at com.").doesNotContain("Exception");
  }

  /** True when a response body shows a Java stack frame or an exception with its message. */
  public static boolean leaksInternals(String body) {
    return body != null && INTERNALS.matcher(body).find();
  }

  private HttpRequest.Builder request(String path, String credentials) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path));
    if (credentials != null) b.header("Authorization", basic(credentials));
    return b;
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(request.build(), body);
  }

  private static HttpClient client(CookieManager cookies) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (cookies != null) b.cookieHandler(cookies);
    return b.build();
  }
}
