package com.livermore.perseus.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.livermore.perseus.time.UtcTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast timestamp reader gives exactly what Jackson's own reader gives, or defers to it. */
class InstantReaderTest {
  private static final ObjectMapper JACKSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record Stamp(Instant at) {}

  @Test
  void readsWhatPerseusWritesExactlyAsJacksonDoes() throws Exception {
    Random random = new Random(42);
    List<Instant> instants = new ArrayList<>();
    instants.add(Instant.EPOCH);
    instants.add(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    instants.add(Instant.parse("9999-12-31T23:59:59Z"));
    for (int i = 0; i < 10_000; i++) {
      long second = random.nextLong(0, 253_402_300_799L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(second, nanos));
    }
    for (Instant at : instants) {
      String json = RecordJson.write(new Stamp(at));
      assertThat(UtcTimestamps.parse(at.toString())).as(json).isEqualTo(at);
      assertThat(RecordJson.mapper().readValue(json, Stamp.class).at()).as(json).isEqualTo(at);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2026-11-25T02:48:45.1Z\"",
        "\"2026-11-25T02:48:45.12345Z\"",
        "\"2026-11-25T03:48:45+01:00\"",
        "\"2026-11-25T02:48:45.000000000Z\"",
        "1764038925",
        "1764038925.5"
      })
  void otherFormsReadAsJacksonReadsThem(String value) throws Exception {
    String json = "{\"at\":" + value + "}";
    assertThat(RecordJson.mapper().readValue(json, Stamp.class))
        .isEqualTo(JACKSON.readValue(json, Stamp.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13-25T02:48:45Z",
        "2026-02-30T02:48:45Z",
        "2026-11-25T24:00:00Z",
        "2026-11-25T02:60:45Z",
        "2026-11-25T02:48:45.Z",
        "2026-11-25T02:48:45.1234567890Z",
        "2026-11-25 02:48:45Z",
        "+2026-11-25T02:48:45Z",
        "2026-11-25T02:48:4xZ",
        "garbage-that-is-long-enough-Z"
      })
  void leavesAnythingElseToJackson(String text) {
    assertThat(UtcTimestamps.parse(text)).isNull();
  }

  @Test
  void refusesWhatJacksonRefuses() {
    String json = "{\"at\":\"2026-02-30T02:48:45Z\"}";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RecordJson.mapper().readValue(json, Stamp.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JACKSON.readValue(json, Stamp.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
  }
}
