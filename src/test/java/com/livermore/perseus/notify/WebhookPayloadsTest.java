package com.livermore.perseus.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");
  private static final String NASTY =
      "He said \"stop\"\nthen <b>left</b> & {\"json\": true} \\ done";

  private static Notification notification(String text) {
    return new Notification(
        "kraken", "state_changed", "kraken: active → stopping", text, "i-1", "host-a", 7, AT);
  }

  private static JsonNode parse(String body) throws Exception {
    return MAPPER.readTree(body);
  }

  @Test
  void discordBodyIsAnEmbedWithFieldsAndNoMentionsAllowed() throws Exception {
    JsonNode root = parse(WebhookPayloads.discord(notification("Instance i-1 moved kraken.")));
    assertThat(root.path("username").asText()).isEqualTo("Perseus Network");
    assertThat(root.path("allowed_mentions").path("parse").isArray()).isTrue();
    assertThat(root.path("allowed_mentions").path("parse")).isEmpty();
    JsonNode embed = root.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("kraken: active → stopping");
    assertThat(embed.path("description").asText()).isEqualTo("Instance i-1 moved kraken.");
    assertThat(embed.path("color").isInt()).isTrue();
    assertThat(embed.path("timestamp").asText()).isEqualTo("2025-03-01T12:00:00Z");
    JsonNode first = embed.path("fields").get(0);
    assertThat(first.path("name").asText()).isEqualTo("Exchange");
    assertThat(first.path("value").asText()).isEqualTo("kraken");
    assertThat(first.path("inline").asBoolean()).isTrue();
    assertThat(embed.path("fields").findValuesAsText("name")).contains("Instance", "Host", "Epoch");
    assertThat(embed.path("fields").findValuesAsText("value")).contains("i-1", "host-a", "7");
  }

  @Test
  void colourDependsOnTheKind() {
    assertThat(WebhookPayloads.color("dead")).isNotEqualTo(WebhookPayloads.color("state_changed"));
    assertThat(WebhookPayloads.color("claim_conflict"))
        .isNotEqualTo(WebhookPayloads.color("takeover"));
  }

  @Test
  void slackBodyHasFallbackTextASectionAndContext() throws Exception {
    JsonNode root = parse(WebhookPayloads.slack(notification("Instance i-1 moved kraken.")));
    assertThat(root.path("text").asText()).isEqualTo("kraken: active → stopping");
    JsonNode section = root.path("blocks").get(0);
    assertThat(section.path("type").asText()).isEqualTo("section");
    assertThat(section.path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(section.path("text").path("text").asText())
        .isEqualTo("*kraken: active → stopping*\nInstance i-1 moved kraken.");
    JsonNode context = root.path("blocks").get(1);
    assertThat(context.path("type").asText()).isEqualTo("context");
    assertThat(context.path("elements").findValuesAsText("text"))
        .contains("*Exchange:* kraken", "*Host:* host-a");
  }

  @Test
  void genericJsonCarriesTheNotificationAndItsSource() throws Exception {
    JsonNode root = parse(WebhookPayloads.json(notification("moved")));
    assertThat(root.path("source").asText()).isEqualTo("perseus");
    assertThat(root.path("exchange").asText()).isEqualTo("kraken");
    assertThat(root.path("kind").asText()).isEqualTo("state_changed");
    assertThat(root.path("title").asText()).isEqualTo("kraken: active → stopping");
    assertThat(root.path("text").asText()).isEqualTo("moved");
    assertThat(root.path("instanceId").asText()).isEqualTo("i-1");
    assertThat(root.path("hostname").asText()).isEqualTo("host-a");
    assertThat(root.path("epoch").asLong()).isEqualTo(7);
    assertThat(root.path("at").asText()).isEqualTo("2025-03-01T12:00:00Z");
  }

  @Test
  void quotesNewlinesAndHtmlSurviveEveryFormatIntact() throws Exception {
    assertThat(parse(WebhookPayloads.json(notification(NASTY))).path("text").asText())
        .isEqualTo(NASTY);
    assertThat(
            parse(WebhookPayloads.discord(notification(NASTY)))
                .path("embeds")
                .get(0)
                .path("description")
                .asText())
        .isEqualTo(NASTY);
    // Slack wants its control characters escaped; the rest arrives as written.
    assertThat(
            parse(WebhookPayloads.slack(notification(NASTY)))
                .path("blocks")
                .get(0)
                .path("text")
                .path("text")
                .asText())
        .endsWith("He said \"stop\"\nthen &lt;b&gt;left&lt;/b&gt; &amp; {\"json\": true} \\ done");
  }

  @Test
  void bodiesAreUtf8() {
    byte[] body = WebhookPayloads.body(WebhookFormat.JSON, notification("moved"));
    assertThat(new String(body, StandardCharsets.UTF_8)).contains("active → stopping");
  }

  @Test
  void mentionsAreNeutralisedInDiscordAndSlack() throws Exception {
    String text = "ping @everyone and @here and <@123456> and <@&987> and <!channel>";
    String description =
        parse(WebhookPayloads.discord(notification(text)))
            .path("embeds")
            .get(0)
            .path("description")
            .asText();
    assertThat(description).doesNotContain("@everyone", "@here", "<@1", "<@&");
    assertThat(description).contains("@\u200Beveryone", "<@\u200B123456>");
    String slack =
        parse(WebhookPayloads.slack(notification(text)))
            .path("blocks")
            .get(0)
            .path("text")
            .path("text")
            .asText();
    assertThat(slack).doesNotContain("@everyone", "@here", "<@", "<!channel>");
    assertThat(slack).contains("&lt;!channel&gt;");
  }

  @Test
  void genericJsonLeavesTextAsWritten() throws Exception {
    assertThat(parse(WebhookPayloads.json(notification("@here"))).path("text").asText())
        .isEqualTo("@here");
  }

  @Test
  void longTextIsCutToTheReceiversLimits() throws Exception {
    String text = "@".repeat(5000);
    JsonNode embed = parse(WebhookPayloads.discord(notification(text))).path("embeds").get(0);
    assertThat(embed.path("description").asText()).hasSizeLessThanOrEqualTo(4096).endsWith("…");
    JsonNode section = parse(WebhookPayloads.slack(notification(text))).path("blocks").get(0);
    assertThat(section.path("text").path("text").asText()).hasSizeLessThanOrEqualTo(3000);
  }

  @Test
  void absentInstanceAndHostStillGiveValidFields() throws Exception {
    Notification n = new Notification("kraken", "dead", "kraken: dead", "gone", null, null, 3, AT);
    JsonNode fields = parse(WebhookPayloads.discord(n)).path("embeds").get(0).path("fields");
    assertThat(fields.findValuesAsText("value")).doesNotContain("").contains("—");
    assertThat(parse(WebhookPayloads.json(n)).path("instanceId").isNull()).isTrue();
  }
}
