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
   * Parses an owner record, or throws {@link UnreadableRecordException} for anything that is not
   * one.
   */
  public static OwnerRecord readOwner(String json) {
    OwnerRecord r;
    try {
      r = MAPPER.readValue(json, OwnerRecord.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableRecordException(
          "not valid owner-record JSON: " + e.getOriginalMessage(), e);
    }
    if (r == null || r.instanceId() == null || r.exchange() == null || r.state() == null) {
      throw new UnreadableRecordException(
          "not an owner record: instanceId, exchange and state are required", null);
    }
    return r;
  }
}
