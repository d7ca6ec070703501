package com.livermore.perseus.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.livermore.perseus.time.UtcTimestamps;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the timestamps of records: the form Perseus writes by {@link UtcTimestamps}, anything else
 * (offsets, numbers, leap seconds) by Jackson's own {@link InstantDeserializer}, so what is
 * accepted and what is refused does not change.
 */
final class InstantReader extends StdDeserializer<Instant> {
  InstantReader() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      Instant fast = UtcTimestamps.parse(p.getText());
      if (fast != null) return fast;
    }
    return InstantDeserializer.INSTANT.deserialize(p, ctxt);
  }
}
