package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.client.ApiException;
import com.livermore.perseus.client.api.ActivityApi;
import com.livermore.perseus.client.api.CommandsApi;
import com.livermore.perseus.client.api.NetworkApi;
import com.livermore.perseus.client.model.ActivityPage;
import com.livermore.perseus.client.model.Command;
import com.livermore.perseus.client.model.Exchange;
import com.livermore.perseus.client.model.ExchangeStatus;
import com.livermore.perseus.client.model.Liveness;
import com.livermore.perseus.client.model.NetworkSnapshot;
import com.livermore.perseus.client.model.Problem;
import com.livermore.perseus.client.model.State;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.RedisServer;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document as a contract: the deployed WAR serves the file the build generated its Java
 * client from (at {@code /api/openapi.yaml}, and the same paths and schemas at the server's {@code
 * /openapi}), every live answer validates against the document's own schema for that operation and
 * status (networknt's JSON-schema validator), a client generated again from the running server's
 * document is the one the build generated, and that client reads the network and sends a command
 * through its models.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiContractIT {
  static final String VIEWER = "viewer:viewer-secret";
  static final String ADMIN = "admin:admin-secret";
  static RedisServer redis;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    return KrakenDeployment.war(
        "openapi-contract",
        redis,
        "viewer:network-viewer:plain:viewer-secret," + ApiClient.ADMIN_USERS);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) redis.close();
  }

  @BeforeEach
  void krakenIsActive() {
    KrakenDeployment.awaitActive(redis);
  }

  ApiClient api() {
    return ApiClient.at(base);
  }

  static OpenApiDocument written() throws Exception {
    return OpenApiDocument.parse(
        Files.readString(
            Path.of("src/main/resources/META-INF/openapi.yaml"), StandardCharsets.UTF_8));
  }

  @Test
  void theServerServesTheDocumentTheClientWasGeneratedFrom() throws Exception {
    HttpResponse<String> served = api().get("api/openapi.yaml", VIEWER);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/yaml");
    OpenApiDocument live = OpenApiDocument.parse(served.body());
    assertThat(live.document.at("/servers/0/url").asText())
        .as("the server's own address, as the client reached it")
        .isEqualTo(api().root());
    assertThat(live.portable()).isEqualTo(written().portable());

    HttpResponse<String> payara = api().get(java.net.URI.create(api().root()).resolve("/openapi"));
    assertThat(payara.statusCode()).isEqualTo(200);
    OpenApiDocument server = OpenApiDocument.parse(payara.body());
    assertThat(server.document.get("paths")).isEqualTo(written().document.get("paths"));
    assertThat(server.document.get("components")).isEqualTo(written().document.get("components"));
  }

  /**
   * A client generated now from the document the running WAR serves, with the build's settings,
   * compiles and is, file for file, the client these tests use (only the default server address
   * differs): what a user generates from the live server is what is tested here.
   */
  @Test
  void aClientGeneratedFromTheRunningServersDocumentIsTheOneTested(@TempDir Path dir)
      throws Exception {
    HttpResponse<String> served = api().get("api/openapi.yaml", VIEWER);
    assertThat(served.statusCode()).isEqualTo(200);
    String server = OpenApiDocument.parse(served.body()).document.at("/servers/0/url").asText();
    Path generated = OpenApiGeneration.generate(served.body(), dir);

    assertThat(OpenApiGeneration.compile(generated, dir.resolve("classes")))
        .as("javac's exit code for the client generated from the live document")
        .isZero();
    assertThat(dir.resolve("classes/com/livermore/perseus/client/model/ExchangeStatus.class"))
        .exists();
    Map<String, String> live = OpenApiGeneration.sources(generated);
    Map<String, String> built = OpenApiGeneration.sources(OpenApiGeneration.BUILT);
    assertThat(live.keySet()).isEqualTo(built.keySet());
    String invoker = live.get("com/livermore/perseus/client/ApiClient.java");
    String address =
        "\""
            + (invoker.contains("\"" + server + "\"") ? server : server.replaceAll("/+$", ""))
            + "\"";
    assertThat(invoker).as("the live document names the server that served it").contains(address);
    live.replaceAll((file, text) -> text.replace(address, "\"http://localhost\""));
    assertThat(live).isEqualTo(built);
  }

  /** {@code body} conforms to the document's schema for this operation, status and media type. */
  static void conforms(OpenApiDocument doc, String path, String method, HttpResponse<String> r)
      throws Exception {
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    assertThat(doc.check(path, method, r.statusCode(), type, r.body()))
        .as("%s %s → %d %s: %s", method, path, r.statusCode(), type, r.body())
        .isEmpty();
  }

  @Test
  void everyLiveAnswerValidatesAgainstTheDocumentsOwnSchema() throws Exception {
    OpenApiDocument doc = written();
    String dead = NetworkApiIT.seedDeadExchange(redis, "bitstamp");
    conforms(doc, "/api/network/instances", "GET", api().get("api/network/instances", VIEWER));
    conforms(
        doc,
        "/api/network/exchanges/{exchange}",
        "GET",
        api().get("api/network/exchanges/kraken", VIEWER));
    conforms(
        doc,
        "/api/network/exchanges/{exchange}",
        "GET",
        api().get("api/network/exchanges/" + dead, VIEWER));
    conforms(
        doc, "/api/network/activity", "GET", api().get("api/network/activity?limit=5", VIEWER));
    conforms(
        doc,
        "/api/network/activity",
        "GET",
        api().get("api/network/activity?exchange=" + dead, VIEWER));
    // The problems, each on an operation that documents it.
    conforms(doc, "/api/network/instances", "GET", api().get("api/network/instances", null));
    conforms(
        doc, "/api/network/activity", "GET", api().get("api/network/activity?limit=0", VIEWER));
    conforms(
        doc,
        "/api/network/exchanges/{exchange}",
        "GET",
        api().get("api/network/exchanges/nope", VIEWER));
    conforms(
        doc,
        "/api/network/exchanges/{exchange}",
        "GET",
        api().get("api/network/exchanges/Not%20An%20Id", VIEWER));
    conforms(
        doc,
        "/api/network/instances",
        "GET",
        api().call("GET", "api/network/instances", VIEWER, null, "Accept", "text/html"));
    String commands = "/api/network/exchanges/{exchange}/commands";
    conforms(
        doc,
        commands,
        "POST",
        api()
            .call(
                "POST", "api/network/exchanges/kraken/commands", VIEWER, "{\"command\":\"stop\"}"));
    conforms(
        doc,
        commands,
        "POST",
        api()
            .call(
                "POST", "api/network/exchanges/kraken/commands", ADMIN, "{\"command\":\"jump\"}"));
    conforms(
        doc,
        commands,
        "POST",
        api().call("POST", "api/network/exchanges/nope/commands", ADMIN, "{\"command\":\"stop\"}"));
    conforms(
        doc,
        commands,
        "POST",
        api()
            .call(
                "POST",
                "api/network/exchanges/kraken/commands",
                ADMIN,
                "{\"command\":\"handoff\"}"));
    conforms(
        doc,
        commands,
        "POST",
        api()
            .call(
                "POST",
                "api/network/exchanges/kraken/commands",
                ADMIN,
                "stop",
                "Content-Type",
                "text/plain"));
    // A method the document does not list: the answer is still its Problem.
    HttpResponse<String> notAllowed = api().call("POST", "api/network/instances", VIEWER, "{}");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(doc.checkSchema("Problem", notAllowed.body())).as(notAllowed.body()).isEmpty();
  }

  /** The generated client, pointed at the deployment, logging in with Basic. */
  com.livermore.perseus.client.ApiClient generated(String credentials) {
    com.livermore.perseus.client.ApiClient client = new com.livermore.perseus.client.ApiClient();
    client.updateBaseUri(api().root().replaceAll("/$", ""));
    client.setRequestInterceptor(r -> r.header("Authorization", ApiClient.basic(credentials)));
    return client;
  }

  @Test
  void theGeneratedClientReadsTheNetworkAndSendsACommandThroughItsModels() throws Exception {
    String dead = NetworkApiIT.seedDeadExchange(redis, "bitstamp");
    NetworkApi network = new NetworkApi(generated(VIEWER));

    NetworkSnapshot all = network.instances(null);
    ExchangeStatus kraken =
        all.getExchanges().stream()
            .filter(e -> e.getExchange().equals("kraken"))
            .findFirst()
            .orElseThrow();
    assertThat(kraken.getLiveness()).isEqualTo(Liveness.ALIVE);
    assertThat(kraken.getOwner().getState()).isEqualTo(State.ACTIVE);
    assertThat(kraken.getOwner().getEpoch()).isPositive();
    assertThat(all.getServerTime()).isNotNull();

    Exchange gone = network.exchange(dead, null);
    assertThat(gone.getLiveness()).isEqualTo(Liveness.DEAD);
    assertThat(gone.getOwner()).isNull();
    assertThat(gone.getLastKnown().getEpoch()).isEqualTo(7);
    assertThat(gone.getLastKnown().getHostname()).isEqualTo("old-host");

    ActivityPage page = new ActivityApi(generated(VIEWER)).activity(null, null, null, null, 2);
    assertThat(page.getEntries()).hasSize(2);
    assertThat(page.getEntries().get(0).getType()).isNotNull();
    assertThat(page.getNext()).isNotBlank();
    ActivityPage older =
        new ActivityApi(generated(VIEWER)).activity(null, null, null, page.getNext(), 2);
    assertThat(older.getEntries().get(0).getId()).isNotEqualTo(page.getEntries().get(0).getId());

    CommandsApi commands = new CommandsApi(generated(ADMIN));
    ApiException unknown =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class,
            () -> commands.sendCommand("nope", new Command().command(Command.CommandEnum.STOP)));
    assertThat(unknown.getCode()).isEqualTo(404);
    Problem problem =
        com.livermore
            .perseus
            .client
            .JSON
            .getDefault()
            .getMapper()
            .readValue(unknown.getResponseBody(), Problem.class);
    assertThat(problem.getType())
        .hasToString("tag:perseus.livermore.com,2026:problems/unknown-exchange");
  }
}
