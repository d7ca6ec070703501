package com.livermore.perseus.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.instance.InstanceRole;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP/1.1 client for the reliability scenarios: GET with Basic auth, JSON, health. */
public final class Http {
  public static final String ADMIN = basic("admin", "admin-secret");

  /** The users line the scenarios configure: one administrator. */
  public static final String USERS = "admin:network-admin:plain:admin-secret";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String url, String authorization, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (authorization != null) request.header("Authorization", authorization);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public JsonNode json(String url, String authorization) throws IOException, InterruptedException {
    return RecordJson.mapper().readTree(get(url, authorization, Duration.ofSeconds(10)).body());
  }

  /**
   * The instance's own view of itself from its readiness check ({@code /health/ready}, served with
   * 503 while not ready, with the same data): its role and epoch.
   */
  public OwnershipObserver.Belief belief(String label, String root, Duration timeout)
      throws IOException, InterruptedException {
    JsonNode health =
        RecordJson.mapper().readTree(get(root + "health/ready", null, timeout).body());
    for (JsonNode check : health.path("checks")) {
      if ("perseus-lease".equals(check.path("name").asText())) {
        JsonNode data = check.path("data");
        return new OwnershipObserver.Belief(
            label,
            data.path("exchange").asText(),
            InstanceRole.valueOf(data.path("role").asText().toUpperCase(java.util.Locale.ROOT)),
            data.path("epoch").asLong());
      }
    }
    throw new IOException("no perseus-lease check in " + health);
  }

  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile(
          "(?m)(^\\s*at [\\w$.]+\\([\\w$]+\\.java:\\d+\\))|(Caused by: )"
              + "|(\\b[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error): )");

  /** True when a response body shows a Java stack frame or an exception with its message. */
  public static boolean leaksInternals(String body) {
    return body != null && INTERNALS.matcher(body).find();
  }
}
