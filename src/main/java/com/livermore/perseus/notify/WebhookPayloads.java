package com.livermore.perseus.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Builds the request bodies, one per format, with Jackson so every value is escaped. In Discord and
 * Slack bodies the free text is neutralised: a zero-width space after every '@' keeps
 * {@code @everyone}, {@code @here} and {@code <@id>} from pinging anyone, and Slack's control
 * characters {@code & < >} are escaped as Slack requires, which also defuses {@code <!channel>}.
 */
public final class WebhookPayloads {
  public static final String USERNAME = "Perseus Network";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TITLE = 256;
  private static final int MAX_TEXT = 2000;

  private WebhookPayloads() {}

  public static byte[] body(WebhookFormat format, Notification n) {
    return switch (format) {
      case DISCORD -> discord(n).getBytes(StandardCharsets.UTF_8);
      case SLACK -> slack(n).getBytes(StandardCharsets.UTF_8);
      case JSON -> json(n).getBytes(StandardCharsets.UTF_8);
    };
  }

  public static String discord(Notification n) {
    ObjectNode root = MAPPER.createObjectNode().put("username", USERNAME);
    // Belt and braces: Discord parses no mentions at all in this message.
    root.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed =
        root.putArray("embeds")
            .addObject()
            .put("title", discordText(n.title(), MAX_TITLE))
            .put("description", discordText(n.text(), MAX_TEXT))
            .put("color", color(n.kind()))
            .put("timestamp", n.at().toString());
    ArrayNode fields = embed.putArray("fields");
    field(fields, "Exchange", n.exchange());
    field(fields, "Event", n.kind());
    field(fields, "Instance", n.instanceId());
    field(fields, "Host", n.hostname());
    field(fields, "Epoch", Long.toString(n.epoch()));
    return write(root);
  }

  public static String slack(Notification n) {
    String title = slackText(n.title(), MAX_TITLE);
    ObjectNode root = MAPPER.createObjectNode().put("text", title);
    ArrayNode blocks = root.putArray("blocks");
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", "*" + title + "*\n" + slackText(n.text(), MAX_TEXT));
    ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
    context
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "*Exchange:* " + slackText(n.exchange(), 100));
    context.addObject().put("type", "mrkdwn").put("text", "*Event:* " + slackText(n.kind(), 100));
    context
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "*Instance:* " + slackText(orDash(n.instanceId()), 200));
    context
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "*Host:* " + slackText(orDash(n.hostname()), 200));
    context.addObject().put("type", "mrkdwn").put("text", "*Epoch:* " + n.epoch() + " · " + n.at());
    return write(root);
  }

  /**
   * The notification as it is, plus {@code "source": "perseus"}; receivers escape for their own
   * medium.
   */
  public static String json(Notification n) {
    ObjectNode root =
        MAPPER
            .createObjectNode()
            .put("source", "perseus")
            .put("exchange", n.exchange())
            .put("kind", n.kind())
            .put("title", n.title())
            .put("text", n.text())
            .put("instanceId", n.instanceId())
            .put("hostname", n.hostname())
            .put("epoch", n.epoch())
            .put("at", n.at().toString());
    return write(root);
  }

  /** Embed colour by kind: green for state changes, red shades for losses and deaths. */
  static int color(String kind) {
    return switch (kind) {
      case "state_changed" -> 0x2ECC71;
      case "takeover" -> 0x9B59B6;
      case "lease_lost" -> 0xE67E22;
      case "claim_conflict" -> 0xE74C3C;
      case "dead" -> 0x992D22;
      case "error", "errors_suppressed" -> 0xF1C40F;
      default -> 0x95A5A6;
    };
  }

  static String neutraliseMentions(String text) {
    return text.replace("@", "@\u200B");
  }

  // Neutralise first, then cut: the result must fit the receiver's limit, and a cut can only ever
  // separate '@' from its zero-width space at the very end, where "@…" mentions nobody.
  private static String discordText(String text, int max) {
    return truncate(neutraliseMentions(text), max);
  }

  private static String slackText(String text, int max) {
    return truncate(
        neutraliseMentions(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
        max);
  }

  private static void field(ArrayNode fields, String name, String value) {
    fields
        .addObject()
        .put("name", name)
        .put("value", discordText(orDash(value), 1024))
        .put("inline", true);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) return text;
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end) + "…";
  }

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A webhook body could not be written as JSON.", e);
    }
  }
}
