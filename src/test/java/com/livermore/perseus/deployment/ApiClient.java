package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls a deployed WAR the way an API client does: paths relative to the deployment on 127.0.0.1,
 * HTTP Basic credentials written {@code user:password} (or {@code null} for none), and answers
 * checked as JSON or as RFC 9457 problems.
 */
final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String deployment;

  ApiClient(URL deployment) {
    this.deployment = BuiltWar.loopback(deployment);
  }

  HttpResponse<String> get(String path, String credentials)
      throws IOException, InterruptedException {
    return send(request(path, credentials).timeout(Duration.ofSeconds(10)));
  }

  HttpResponse<String> post(String path, String credentials, String body)
      throws IOException, InterruptedException {
    return send(
        request(path, credentials)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * A plain GET of an absolute URI, for what the server serves outside the deployment. Generous
   * timeout: a server builds its OpenAPI document on the first request, which took over 10 s on a
   * busy 2-core machine.
   */
  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)));
  }

  private HttpRequest.Builder request(String path, String credentials) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(deployment + path));
    if (credentials != null) b.header("Authorization", basic(credentials));
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return RecordJson.mapper().readTree(r.body());
  }

  /** The answer is a problem with this status (and names {@code parameter}, when not null). */
  static void assertProblem(HttpResponse<String> r, int status, String parameter)
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
}
