package com.livermore.perseus.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.config.ConsoleSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.registry.ErrorInfo;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardViewTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final ConsoleSettings SETTINGS =
      new ConsoleSettings(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofMillis(50),
          Duration.ofMillis(250),
          Duration.ofMinutes(2));

  static OwnerRecord record(ConnectionState state, Long latency, Integer progress) {
    return new OwnerRecord(
        "i-1",
        "kraken",
        9,
        "<img src=x>",
        "203.0.113.7",
        "10.0.0.1",
        "ops",
        state,
        NOW.minusSeconds(200),
        42,
        progress,
        NOW.minusSeconds(15780),
        NOW.minusSeconds(2),
        latency,
        new ErrorInfo("boom", NOW.minusSeconds(30)),
        "1");
  }

  static ExchangeStatus status(Liveness liveness, OwnerRecord r, long age, Long timeInState) {
    boolean dead = liveness == Liveness.DEAD;
    return new ExchangeStatus(
        "kraken",
        "Kraken",
        liveness,
        r.state().wireName(),
        age,
        dead ? null : 40_000L,
        dead ? null : 15_780_000L,
        timeInState,
        r.lastHeartbeat(),
        dead ? null : r,
        dead ? r : null,
        null);
  }

  @Test
  void anAliveCardShowsUptimeLatencyAndEveryField() {
    CardView c =
        CardView.of(
            status(Liveness.ALIVE, record(ConnectionState.ACTIVE, 7L, null), 2000, 200_000L),
            SETTINGS);
    assertThat(c.uptime()).isEqualTo("Running for 4h 23m");
    assertThat(c.heartbeatAge()).isEqualTo("2s ago");
    assertThat(c.latency()).isEqualTo("7 ms");
    assertThat(c.latencyLevel()).isEqualTo("green");
    assertThat(c.hostname()).isEqualTo("<img src=x>");
    assertThat(c.epoch()).isEqualTo(9);
    assertThat(c.lastError()).isEqualTo("boom");
    assertThat(c.lastErrorAt()).isEqualTo("2026-11-24 11:59:30 UTC");
    assertThat(c.warning()).isNull();
    assertThat(c.stateSeverity()).isEqualTo("success");
    assertThat(c.warmupProgress()).isNull();
  }

  @Test
  void latencyTurnsYellowThenRedAtTheConfiguredThresholds() {
    assertThat(CardView.latencyLevel(record(ConnectionState.ACTIVE, 49L, null), SETTINGS))
        .isEqualTo("green");
    assertThat(CardView.latencyLevel(record(ConnectionState.ACTIVE, 50L, null), SETTINGS))
        .isEqualTo("yellow");
    assertThat(CardView.latencyLevel(record(ConnectionState.ACTIVE, 250L, null), SETTINGS))
        .isEqualTo("red");
    assertThat(CardView.latencyLevel(record(ConnectionState.ACTIVE, null, null), SETTINGS))
        .isEqualTo("unknown");
  }

  @Test
  void aLateCardWarnsPossiblyDead() {
    CardView c =
        CardView.of(
            status(Liveness.LATE, record(ConnectionState.ACTIVE, 7L, null), 31_000, 200_000L),
            SETTINGS);
    assertThat(c.warning()).isEqualTo("Possibly dead: no heartbeat for 31s");
    assertThat(c.late()).isTrue();
  }

  @Test
  void aTransientStateLastingLongerThanTheLimitIsFlaggedStuck() {
    CardView stuck =
        CardView.of(
            status(Liveness.ALIVE, record(ConnectionState.WARMING, 7L, 40), 1000, 121_000L),
            SETTINGS);
    assertThat(stuck.warning()).isEqualTo("Stuck in warming for 2m 1s");
    assertThat(stuck.warmupProgress()).isEqualTo(40);
    CardView fine =
        CardView.of(
            status(Liveness.ALIVE, record(ConnectionState.WARMING, 7L, 40), 1000, 30_000L),
            SETTINGS);
    assertThat(fine.warning()).isNull();
  }

  @Test
  void aDeadCardKeepsItsLastIdentityWithLastSeen() {
    CardView c =
        CardView.of(
            status(Liveness.DEAD, record(ConnectionState.ACTIVE, 7L, null), 300_000, null),
            SETTINGS);
    assertThat(c.dead()).isTrue();
    assertThat(c.lastSeen()).isEqualTo("Last seen 5m 0s ago");
    assertThat(c.uptime()).isNull();
    assertThat(c.instanceId()).isEqualTo("i-1");
    assertThat(c.stateSeverity()).isNull();
  }

  @Test
  void summaryCountsLivenessAndStatesOfTheLiving() {
    List<CardView> cards =
        List.of(
            CardView.of(
                status(Liveness.ALIVE, record(ConnectionState.ACTIVE, 1L, null), 1, 1L), SETTINGS),
            CardView.of(
                status(Liveness.ALIVE, record(ConnectionState.WARMING, 1L, 5), 1, 1L), SETTINGS),
            CardView.of(
                status(Liveness.LATE, record(ConnectionState.ACTIVE, 1L, null), 40_000, 1L),
                SETTINGS),
            CardView.of(
                status(Liveness.DEAD, record(ConnectionState.ACTIVE, 1L, null), 1, null),
                SETTINGS));
    Summary s = Summary.of(cards);
    assertThat(s.total()).isEqualTo(4);
    assertThat(s.alive()).isEqualTo(2);
    assertThat(s.late()).isEqualTo(1);
    assertThat(s.dead()).isEqualTo(1);
    assertThat(s.states()).containsEntry("active", 2).containsEntry("warming", 1).hasSize(2);
  }

  @Test
  void humanTimeReadsLikeACard() {
    assertThat(HumanTime.of(45_000L)).isEqualTo("45s");
    assertThat(HumanTime.of(15_780_000L)).isEqualTo("4h 23m");
    assertThat(HumanTime.of(183_600_000L)).isEqualTo("2d 3h");
    assertThat(HumanTime.of(null)).isEqualTo("—");
    assertThat(HumanTime.ago(null)).isEqualTo("—");
  }
}
