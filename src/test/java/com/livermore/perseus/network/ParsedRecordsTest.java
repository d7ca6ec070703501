package com.livermore.perseus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.UnreadableRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParsedRecordsTest {
  static final String RECORD =
      LivenessRuleTest.record(Instant.parse("2026-11-24T12:00:00Z"), ConnectionState.ACTIVE);

  @Test
  void aRecordReadAgainInTheNextReadIsNotParsedAgain() {
    ParsedRecords records = new ParsedRecords();
    var first = records.read(RECORD);
    records.nextGeneration();
    assertThat(records.read(RECORD)).isSameAs(first).isEqualTo(first);
    records.nextGeneration();
    assertThat(records.read(new String(RECORD))).isSameAs(first);
  }

  @Test
  void aRecordNoReadUsedForAWholeReadIsLetGo() {
    ParsedRecords records = new ParsedRecords();
    var first = records.read(RECORD);
    records.nextGeneration();
    records.nextGeneration();
    var again = records.read(RECORD);
    assertThat(again).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void anUnreadableTextFailsEveryTime() {
    ParsedRecords records = new ParsedRecords();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> records.read("{\"instanceId\":42}"))
          .isInstanceOf(UnreadableRecordException.class);
    }
  }
}
