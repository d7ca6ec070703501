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
    var first = records.read("coinbase", RECORD);
    records.nextGeneration();
    assertThat(records.read("coinbase", RECORD)).isSameAs(first).isEqualTo(first);
    records.nextGeneration();
    assertThat(records.read("coinbase", new String(RECORD))).isSameAs(first);
  }

  @Test
  void aRecordNoReadUsedForAWholeReadIsLetGo() {
    ParsedRecords records = new ParsedRecords();
    var first = records.read("coinbase", RECORD);
    records.nextGeneration();
    records.nextGeneration();
    var again = records.read("coinbase", RECORD);
    assertThat(again).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void aChangedTextIsParsedAgainAndTheOldRecordIsNotReturned() {
    ParsedRecords records = new ParsedRecords();
    var first = records.read("coinbase", RECORD);
    String later =
        LivenessRuleTest.record(Instant.parse("2026-11-24T12:00:15Z"), ConnectionState.STOPPING);
    var second = records.read("coinbase", later);
    assertThat(second).isNotEqualTo(first);
    assertThat(second.state()).isEqualTo(ConnectionState.STOPPING);
    records.nextGeneration();
    assertThat(records.read("coinbase", RECORD)).isEqualTo(first);
  }

  @Test
  void exchangesWithTheSameTextKeepTheirOwnEntries() {
    ParsedRecords records = new ParsedRecords();
    var first = records.read("coinbase", RECORD);
    assertThat(records.read("kraken", RECORD)).isEqualTo(first);
    assertThat(records.read("coinbase", RECORD)).isSameAs(first);
  }

  @Test
  void anUnreadableTextFailsEveryTime() {
    ParsedRecords records = new ParsedRecords();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> records.read("coinbase", "{\"instanceId\":42}"))
          .isInstanceOf(UnreadableRecordException.class);
    }
  }
}
