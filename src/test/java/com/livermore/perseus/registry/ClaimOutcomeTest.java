package com.livermore.perseus.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.lifecycle.ConnectionState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimOutcomeTest {
  static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
  static final String RECORD =
      RecordJson.write(
          new OwnerRecord(
              "i-1",
              "kraken",
              3,
              "h",
              null,
              "10.0.0.7",
              "ops@example.com",
              ConnectionState.ACTIVE,
              NOW,
              0,
              null,
              NOW,
              NOW,
              null,
              null,
              "test"));

  @Test
  void aTimedConflictReplyGivesTheLeasesTimeLeftAndTheHolder() {
    ClaimOutcome.Conflict c = ClaimOutcome.Conflict.ofTimedReply("1234:" + RECORD);

    assertThat(c.expiresInMs()).isEqualTo(1234);
    assertThat(c.raw()).isEqualTo(RECORD);
    assertThat(c.holder().instanceId()).isEqualTo("i-1");
    assertThat(c.holder().epoch()).isEqualTo(3);
  }

  @Test
  void aReplyWithoutTheTimeOrWithAnUnreadableRecordStillNamesWhatIsThere() {
    assertThat(ClaimOutcome.Conflict.ofTimedReply(RECORD).expiresInMs()).isEqualTo(-1);
    assertThat(ClaimOutcome.Conflict.ofTimedReply(RECORD).holder().instanceId()).isEqualTo("i-1");
    ClaimOutcome.Conflict garbage = ClaimOutcome.Conflict.ofTimedReply("-1:not json");
    assertThat(garbage.expiresInMs()).isEqualTo(-1);
    assertThat(garbage.holder()).isNull();
    assertThat(garbage.raw()).isEqualTo("not json");
  }
}
