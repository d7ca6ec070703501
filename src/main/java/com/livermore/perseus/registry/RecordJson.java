package com.livermore.perseus.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of records: camelCase fields, ISO-8601 UTC timestamps, lowercase enums, so that
 * redis-cli, ioredis or Jedis read the same thing Perseus does.
 */
public final class RecordJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule("perseus-instants")
                  .addDeserializer(Instant.class, new InstantReader()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RecordJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What is wrong with a record, in an operator's words: where the JSON breaks, or which field has
   * a value of the wrong kind. Never the parser's own message, which names Java classes.
   */
  static String describe(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonParseException
        || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
      var at = e.getLocation();
      return at == null
          ? "the text is not JSON"
          : "the text is not JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      String field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
              .orElse("");
      return field.isEmpty()
          ? "the JSON is not an object with the owner-record fields"
          : "field '" + Printable.escape(field) + "' has a value of the wrong kind";
    }
    return "the JSON cannot be read as an owner record";
  }

  /**
   * Parses an owner record, or throws {@link UnreadableRecordException} for anything that is not
   * one.
   */
  public static OwnerRecord readOwner(String json) {
    OwnerRecord r;
    try {
      r = MAPPER.readValue(json, OwnerRecord.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableRecordException("not a valid owner record: " + describe(e), e);
    }
    if (r == null || r.instanceId() == null || r.exchange() == null || r.state() == null) {
      throw new UnreadableRecordException(
          "not an owner record: instanceId, exchange and state are required", null);
    }
    return r;
  }
}
