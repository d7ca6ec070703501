package com.livermore.perseus.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livermore.perseus.registry.RecordJson;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Weak entity tags for the network reads. The tag covers what the network is (owners, epochs,
 * liveness, states, standbys, problems, every other record field), not the heartbeat clock: the
 * ages counted from the server's clock, and the heartbeat times and latencies that move at every
 * renewal. Two answers with the same tag differ only in those, so a client polling with {@code
 * If-None-Match} gets {@code 304} until something really changed.
 */
final class EntityTags {
  /** Fields that move with the clock or with every heartbeat. */
  static final List<String> CLOCK_FIELDS =
      List.of(
          "serverTime",
          "heartbeatAgeMs",
          "leaseExpiresInMs",
          "uptimeMs",
          "timeInStateMs",
          "lastSeen",
          "lastHeartbeat",
          "heartbeatLatencyMs",
          "recentLatencyMs");

  private EntityTags() {}

  /** The answer: {@code 304} when {@code If-None-Match} names the body's tag, else 200 with it. */
  static Response ok(Object body, HttpHeaders headers) {
    JsonNode tree = RecordJson.mapper().valueToTree(body);
    return answer(RecordJson.write(tree), tagOf(tree), headers);
  }

  /** {@code json} (a String or bytes) under {@code tag}, or {@code 304} when the client has it. */
  static Response answer(Object json, String tag, HttpHeaders headers) {
    String ifNoneMatch = headers == null ? null : headers.getHeaderString("If-None-Match");
    if (matches(ifNoneMatch, tag)) return Response.notModified().header("ETag", tag).build();
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("ETag", tag).build();
  }

  static String tagOf(JsonNode tree) {
    JsonNode stable = tree.deepCopy();
    strip(stable);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(RecordJson.write(stable).getBytes(StandardCharsets.UTF_8));
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(CLOCK_FIELDS);
      object.forEach(EntityTags::strip);
    } else if (node.isArray()) {
      node.forEach(EntityTags::strip);
    }
  }

  /** RFC 9110 §13.1.2: {@code *}, or a list of tags compared weakly (the W/ prefix ignored). */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
    String opaque = opaque(tag);
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || opaque(c).equals(opaque)) return true;
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
