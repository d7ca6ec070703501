package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.WriteOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OwnedWriteTest {
  static final Lease LEASE = new Lease("coinbase", "a", 7);

  static OwnerRecord record(String instanceId, String exchange, long epoch) {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    return new OwnerRecord(
        instanceId,
        exchange,
        epoch,
        "host",
        null,
        "10.0.0.7",
        "ops",
        ConnectionState.ACTIVE,
        now,
        3,
        null,
        now,
        now,
        2L,
        null,
        "test",
        "node-1");
  }

  @Test
  void everyRecordOfTheLeaseStartsWithItsOpening() {
    assertThat(RecordJson.write(record("a", "coinbase", 7)))
        .startsWith(OwnedWrite.opening(LEASE))
        .startsWith("{\"instanceId\":\"a\",\"exchange\":\"coinbase\",\"epoch\":7,");
  }

  @Test
  void theOpeningEscapesLikeTheRecord() {
    Lease odd = new Lease("ex\"\\ch\u00e9", "id\n\u0001\u20ac", 12);
    assertThat(RecordJson.write(record(odd.instanceId(), odd.exchange(), 12)))
        .startsWith(OwnedWrite.opening(odd));
  }

  @Test
  void theRepliesMapToTheOutcomes() {
    assertThat(OwnedWrite.outcome(LEASE, "ok")).isEqualTo(new WriteOutcome.Written());
    assertThat(OwnedWrite.outcome(LEASE, "held:{\"instanceId\":\"b\"}"))
        .isEqualTo(new WriteOutcome.Lost("{\"instanceId\":\"b\"}", false));
    assertThat(OwnedWrite.outcome(LEASE, "gone:7")).isEqualTo(new WriteOutcome.Lost(null, false));
    assertThat(OwnedWrite.outcome(LEASE, "gone:9")).isEqualTo(new WriteOutcome.Lost(null, false));
    assertThat(OwnedWrite.outcome(LEASE, "gone:6")).isEqualTo(new WriteOutcome.Lost(null, true));
    assertThat(OwnedWrite.outcome(LEASE, "gone:")).isEqualTo(new WriteOutcome.Lost(null, true));
    assertThatThrownBy(() -> OwnedWrite.outcome(LEASE, "1"))
        .isInstanceOf(IllegalStateException.class);
  }
}
