package com.livermore.perseus.deployment;

import static com.livermore.perseus.testing.ApiClient.assertProblem;
import static com.livermore.perseus.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.livermore.perseus.testing.ApiClient;
import com.livermore.perseus.testing.RedisServer;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP conventions a client library relies on, on the deployed WAR: {@code Allow} on a 405, a
 * {@code Date} on every answer, a problem {@code type} per kind of error, {@code ETag} and {@code
 * 304}, and a {@code Link} to the next page of activity. The event stream's ids, resume and
 * keep-alive are in {@link EventStreamIT}; the OpenAPI document against live answers in {@link
 * OpenApiContractIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiConventionsIT {
  static final String VIEWER = "viewer:viewer-secret";
  static final String PROBLEMS = "tag:perseus.livermore.com,2026:problems/";
  static RedisServer redis;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    redis = RedisServer.start();
    return KrakenDeployment.war(
        "api-conventions", redis, "viewer:network-viewer:plain:viewer-secret");
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

  static String typeOf(HttpResponse<String> r) throws Exception {
    return json(r).get("type").asText();
  }

  @Test
  void aMethodTheResourceDoesNotServeIs405NamingTheMethodsItDoes() throws Exception {
    HttpResponse<String> post = api().call("POST", "api/network/instances", VIEWER, "{}");
    assertProblem(post, 405, null);
    assertThat(typeOf(post)).isEqualTo(PROBLEMS + "method-not-allowed");
    assertThat(allowed(post)).contains("GET").doesNotContain("POST", "PATCH");

    HttpResponse<String> patch = api().call("PATCH", "api/network/instances", VIEWER, "{}");
    assertProblem(patch, 405, null);
    assertThat(allowed(patch)).contains("GET").doesNotContain("POST", "PATCH");

    HttpResponse<String> page = api().call("PATCH", "console/network.xhtml", VIEWER, null);
    assertProblem(page, 405, null);
    assertThat(allowed(page)).containsExactlyInAnyOrder("GET", "HEAD", "POST", "OPTIONS");
  }

  static java.util.List<String> allowed(HttpResponse<String> r) {
    String allow = r.headers().firstValue("Allow").orElse("");
    assertThat(allow).as("Allow of a 405").isNotBlank();
    return java.util.Arrays.stream(allow.split(",")).map(String::trim).toList();
  }

  @Test
  void everyAnswerCarriesADate() throws Exception {
    for (HttpResponse<String> r :
        java.util.List.of(
            api().get("api/network/instances", VIEWER),
            api().get("api/network/instances", null),
            api().get("api/network/exchanges/nope", VIEWER),
            api().call("PATCH", "console/network.xhtml", VIEWER, null))) {
      String date = r.headers().firstValue("Date").orElse("");
      assertThat(date).as("Date of %s %s", r.request().method(), r.uri()).isNotBlank();
      assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME))
          .isCloseTo(ZonedDateTime.now(), within(1, java.time.temporal.ChronoUnit.MINUTES));
    }
  }

  @Test
  void eachKindOfProblemHasItsOwnType() throws Exception {
    assertThat(typeOf(api().get("api/network/exchanges/nope", VIEWER)))
        .isEqualTo(PROBLEMS + "unknown-exchange");
    assertThat(typeOf(api().get("api/network/activity?limit=900", VIEWER)))
        .isEqualTo(PROBLEMS + "invalid-parameter");
    assertThat(typeOf(api().get("api/network/instances", null)))
        .isEqualTo(PROBLEMS + "authentication-required");
    assertThat(typeOf(api().get("api/no/such/path", VIEWER))).isEqualTo(PROBLEMS + "not-found");
    assertThat(typeOf(api().get("api/network/events?events=everything", VIEWER)))
        .isEqualTo(PROBLEMS + "invalid-parameter");
    HttpResponse<String> command =
        api().call("POST", "api/network/exchanges/kraken/commands", VIEWER, "{}");
    assertThat(typeOf(command)).as(command.body()).isEqualTo(PROBLEMS + "forbidden");
    HttpResponse<String> notJson =
        api()
            .call(
                "POST",
                "api/network/exchanges/kraken/commands",
                VIEWER,
                "command=stop",
                "Content-Type",
                "text/plain");
    assertThat(typeOf(notJson)).isEqualTo(PROBLEMS + "unsupported-media-type");
  }

  @Test
  void aPollerWithTheLastTagGets304UntilTheNetworkChanges() throws Exception {
    String dead = NetworkApiIT.seedDeadExchange(redis, "bitstamp");
    for (String path : new String[] {"api/network/instances", "api/network/exchanges/" + dead}) {
      HttpResponse<String> first = api().get(path, VIEWER);
      assertThat(first.statusCode()).isEqualTo(200);
      String tag = first.headers().firstValue("ETag").orElse("");
      assertThat(tag).as(path).matches("W/\"[0-9a-f]+\"");
      // The owner's heartbeats move its record every second; they do not change the tag.
      Thread.sleep(1500);
      HttpResponse<String> again = api().call("GET", path, VIEWER, null, "If-None-Match", tag);
      assertThat(again.statusCode()).as(path + " " + again.body()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).contains(tag);
      HttpResponse<String> other =
          api().call("GET", path, VIEWER, null, "If-None-Match", "W/\"0000\"");
      assertThat(other.statusCode()).isEqualTo(200);
    }
    String before = api().get("api/network/instances", VIEWER).headers().firstValue("ETag").get();
    NetworkApiIT.seedDeadExchange(redis, "bitfinex");
    HttpResponse<String> changed =
        api().call("GET", "api/network/instances", VIEWER, null, "If-None-Match", before);
    assertThat(changed.statusCode()).as("a new exchange changes the network").isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag").get()).isNotEqualTo(before);
  }

  @Test
  void anActivityPageLinksTheNextOne() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json(api().get("api/network/activity?exchange=kraken", VIEWER))
                        .get("entries")
                        .size()
                    >= 3);
    HttpResponse<String> first = api().get("api/network/activity?exchange=kraken&limit=1", VIEWER);
    String link = first.headers().firstValue("Link").orElse("");
    Matcher m = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
    assertThat(m.matches()).as(link).isTrue();
    assertThat(json(first).get("next").asText()).isNotBlank();
    assertThat(m.group(1))
        .startsWith(BuiltWar.contextPath(base) + "api/network/activity?")
        .contains("exchange=kraken", "limit=1", "cursor=");
    HttpResponse<String> second =
        api().get(m.group(1).substring(BuiltWar.contextPath(base).length()), VIEWER);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode a = json(first).get("entries").get(0);
    JsonNode b = json(second).get("entries").get(0);
    assertThat(b.get("id").asText()).isNotEqualTo(a.get("id").asText());
  }

  @Test
  void metricsDescribeEveryExchangeAndPassPromtool() throws Exception {
    String dead = NetworkApiIT.seedDeadExchange(redis, "bitstamp");
    HttpResponse<String> r = api().get("api/metrics", VIEWER);
    assertThat(r.statusCode()).isEqualTo(200);
    String text = r.body();
    assertThat(text)
        .contains("perseus_network_read_up 1")
        .containsPattern("perseus_exchange_liveness\\{exchange=\"kraken\",liveness=\"alive\"} 1")
        .containsPattern("perseus_exchange_liveness\\{exchange=\"kraken\",liveness=\"dead\"} 0")
        .containsPattern(
            "perseus_exchange_liveness\\{exchange=\"" + dead + "\",liveness=\"dead\"} 1")
        .containsPattern("perseus_exchange_state\\{exchange=\"kraken\",state=\"active\"} 1")
        .containsPattern("perseus_exchange_heartbeat_age_seconds\\{exchange=\"kraken\"} [0-9.]+")
        .containsPattern("perseus_exchange_lease_remaining_seconds\\{exchange=\"kraken\"} [0-9.]+")
        .containsPattern("perseus_exchange_epoch\\{exchange=\"" + dead + "\"} 7")
        .containsPattern("perseus_exchange_standbys\\{exchange=\"kraken\"} 0")
        .containsPattern("perseus_exchange_stream_entries\\{exchange=\"kraken\"} [1-9]")
        .containsPattern(
            "perseus_instance_info\\{exchange=\"kraken\",hostname=\"[^\"]+\",instance_id=")
        .containsPattern("perseus_build_info\\{version=\"[^\"]+\"} 1")
        .contains("# HELP perseus_exchange_heartbeat_age_seconds");
    Promtool.checkMetrics(text);
  }
}
