package com.livermore.perseus.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  final LivenessRule rule = new LivenessRule(Duration.ofSeconds(10));

  static String record(Instant lastHeartbeat, ConnectionState state) {
    return record(lastHeartbeat, state, null);
  }

  static String recordWithTtl(Instant lastHeartbeat, long leaseTtlMs) {
    return record(lastHeartbeat, ConnectionState.ACTIVE, leaseTtlMs);
  }

  static String record(Instant lastHeartbeat, ConnectionState state, Long leaseTtlMs) {
    return RecordJson.write(
        new OwnerRecord(
            "i-1",
            "kraken",
            4,
            "h",
            null,
            "10.0.0.1",
            "ops",
            state,
            NOW.minusSeconds(60),
            5,
            null,
            NOW.minusSeconds(3600),
            lastHeartbeat,
            2L,
            null,
            "1",
            null,
            leaseTtlMs));
  }

  @Test
  void aFreshHeartbeatIsAliveWithAgeUptimeAndTimeInState() {
    ExchangeStatus s =
        rule.status(
            "kraken",
            "Kraken",
            record(NOW.minusSeconds(15), ConnectionState.ACTIVE),
            30_000L,
            null,
            NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.ALIVE);
    assertThat(s.heartbeatAgeMs()).isEqualTo(15_000);
    assertThat(s.uptimeMs()).isEqualTo(3_600_000);
    assertThat(s.timeInStateMs()).isEqualTo(60_000);
    assertThat(s.leaseExpiresInMs()).isEqualTo(30_000);
    assertThat(s.state()).isEqualTo("active");
    assertThat(s.owner().epoch()).isEqualTo(4);
    assertThat(s.lastKnown()).isNull();
  }

  @Test
  void withoutAPttlTheLeaseRunsOutWhenTheRecordSays() {
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", recordWithTtl(NOW.minusSeconds(5), 45_000), null, null, NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.ALIVE);
    assertThat(s.leaseExpiresInMs()).isEqualTo(40_000);
  }

  @Test
  void aPttlFromRedisWinsOverTheRecord() {
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", recordWithTtl(NOW.minusSeconds(5), 45_000), 12_345L, null, NOW);
    assertThat(s.leaseExpiresInMs()).isEqualTo(12_345);
  }

  @Test
  void aRecordPastItsOwnExpiryIsDueNowNeverNegative() {
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", recordWithTtl(NOW.minusSeconds(50), 45_000), null, null, NOW);
    assertThat(s.leaseExpiresInMs()).isZero();
  }

  @Test
  void aRecordWithoutItsTtlLeavesTheExpiryUnknownWithoutAPttl() {
    ExchangeStatus s =
        rule.status(
            "kraken",
            "Kraken",
            record(NOW.minusSeconds(5), ConnectionState.ACTIVE),
            null,
            null,
            NOW);
    assertThat(s.leaseExpiresInMs()).isNull();
    assertThat(s.liveness()).isEqualTo(Liveness.ALIVE);
  }

  @Test
  void aHeartbeatOlderThanOneAndAHalfIntervalsIsLate() {
    assertThat(
            rule.status(
                    "k",
                    "K",
                    record(NOW.minusMillis(15_000), ConnectionState.ACTIVE),
                    1L,
                    null,
                    NOW)
                .liveness())
        .isEqualTo(Liveness.ALIVE);
    assertThat(
            rule.status(
                    "k",
                    "K",
                    record(NOW.minusMillis(15_001), ConnectionState.ACTIVE),
                    1L,
                    null,
                    NOW)
                .liveness())
        .isEqualTo(Liveness.LATE);
  }

  @Test
  void withoutALeaseTheExchangeIsDeadAndShowsItsLastRecord() {
    ExchangeStatus s =
        rule.status(
            "kraken",
            "Kraken",
            null,
            -2L,
            record(NOW.minusSeconds(300), ConnectionState.ACTIVE),
            NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.DEAD);
    assertThat(s.owner()).isNull();
    assertThat(s.lastKnown().instanceId()).isEqualTo("i-1");
    assertThat(s.lastSeen()).isEqualTo(NOW.minusSeconds(300));
    assertThat(s.heartbeatAgeMs()).isEqualTo(300_000);
    assertThat(s.problem()).isNull();
  }

  @Test
  void aCorruptLeaseIsFlaggedAndCountsAsLate() {
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", "{not json", 5_000L, record(NOW, ConnectionState.ACTIVE), NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.LATE);
    assertThat(s.problem()).startsWith("unreadable owner record in the lease");
    assertThat(s.lastKnown()).isNotNull();
  }

  @Test
  void aCorruptLastRecordIsFlagged() {
    ExchangeStatus s = rule.status("kraken", "Kraken", null, null, "[1,2,3]", NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.DEAD);
    assertThat(s.problem()).startsWith("unreadable last-known record");
  }

  @Test
  void wrongTypesInTheRecordAreFlaggedNotThrown() {
    String wrong =
        "{\"instanceId\":\"i\",\"exchange\":\"kraken\",\"state\":\"active\",\"epoch\":\"seven\"}";
    assertThat(rule.status("kraken", "Kraken", wrong, 1L, null, NOW).problem()).isNotNull();
  }

  @Test
  void aClockAheadOfOursNeverGivesANegativeAge() {
    assertThat(
            rule.status("k", "K", record(NOW.plusSeconds(2), ConnectionState.ACTIVE), 1L, null, NOW)
                .heartbeatAgeMs())
        .isZero();
  }

  @Test
  void aWriterWhoseClockIsFortySecondsBehindIsAliveWhileItsLeaseIsFresh() {
    // Written 1 s ago by Redis's measure (45 s TTL, 44 s left), stamped 41 s ago by its clock.
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", recordWithTtl(NOW.minusSeconds(41), 45_000), 44_000L, null, NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.ALIVE);
    assertThat(s.heartbeatAgeMs()).isEqualTo(1_000);
    assertThat(s.leaseExpiresInMs()).isEqualTo(44_000);
    // registeredAt is 3600 s before NOW on the writer's clock, i.e. 3559 s before its heartbeat.
    assertThat(s.uptimeMs()).isEqualTo(3_559_000 + 1_000);
    assertThat(s.timeInStateMs()).isEqualTo(19_000 + 1_000);
    assertThat(s.lastSeen())
        .as("lastHeartbeat stays the writer's time")
        .isEqualTo(NOW.minusSeconds(41));
  }

  @Test
  void aWriterWhoseClockIsFortySecondsAheadIsLateOnceItsLeaseAges() {
    // Stamped 40 s in our future, but Redis says the last write was 25 s ago.
    ExchangeStatus s =
        rule.status(
            "kraken", "Kraken", recordWithTtl(NOW.plusSeconds(40), 45_000), 20_000L, null, NOW);
    assertThat(s.liveness()).isEqualTo(Liveness.LATE);
    assertThat(s.heartbeatAgeMs()).isEqualTo(25_000);
  }
}
