package com.livermore.perseus.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryFieldsTest {
  private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

  private static Map<String, String> asMap(List<String> fields) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < fields.size(); i += 2) m.put(fields.get(i), fields.get(i + 1));
    return m;
  }

  private static Map<String, String> valid() {
    return asMap(
        ActivityEntry.of(EventType.ERROR, "kraken", "i-1", 3, "host", AT)
            .withMessage("boom")
            .fields(false));
  }

  @Test
  void fieldsWrittenByTheLogReadBackAsTheSameEntry() {
    ActivityEntry full =
        ActivityEntry.of(EventType.STATE_CHANGED, "kraken", "i-1", 3, "host", AT)
            .withStates("idle", "starting")
            .withMessage("m")
            .withCount(9);
    assertThat(EntryFields.parse(asMap(full.fields(false)))).isEqualTo(full);
    ActivityEntry bare = ActivityEntry.of(EventType.TAKEOVER, "kraken", null, 0, null, AT);
    assertThat(EntryFields.parse(asMap(bare.fields(false)))).isEqualTo(bare);
  }

  @Test
  void unknownExtraFieldsAreIgnored() {
    Map<String, String> f = valid();
    f.put("traceId", "abc");
    assertThat(EntryFields.parse(f).message()).isEqualTo("boom");
  }

  @Test
  void anOffsetTimeIsAccepted() {
    Map<String, String> f = valid();
    f.put("at", "2026-11-24T11:00:00.123+01:00");
    assertThat(EntryFields.parse(f).at()).isEqualTo(AT);
  }

  @Test
  void eachProblemIsNamed() {
    assertProblem(Map.of("foo", "bar"), "missing field 'type'");
    assertProblem(with("type", "nonsense"), "unknown type 'nonsense'");
    assertProblem(with("at", "yesterday"), "at is not an ISO-8601 time: 'yesterday'");
    assertProblem(with("epoch", "three"), "epoch is not a whole number: 'three'");
    assertProblem(with("count", "1.5"), "count is not a whole number: '1.5'");
    assertProblem(with("exchange", " "), "empty field 'exchange'");
    assertProblem(without("at"), "missing field 'at'");
    assertProblem(without("epoch"), "missing field 'epoch'");
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> f = valid();
    f.put(name, value);
    return f;
  }

  private static Map<String, String> without(String name) {
    Map<String, String> f = valid();
    f.remove(name);
    return f;
  }

  private static void assertProblem(Map<String, String> fields, String problem) {
    assertThatThrownBy(() -> EntryFields.parse(fields))
        .isExactlyInstanceOf(UnreadableEntryException.class)
        .hasMessage(problem);
  }
}
