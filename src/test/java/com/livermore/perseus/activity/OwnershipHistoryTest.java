package com.livermore.perseus.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.livermore.perseus.activity.OwnershipHistory.Kind;
import com.livermore.perseus.activity.OwnershipHistory.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipHistoryTest {
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  static final Instant DAY_AGO = NOW.minus(Duration.ofHours(24));

  static Instant hoursAgo(double h) {
    return NOW.minusMillis((long) (h * 3_600_000));
  }

  static ActivityEntry entry(EventType type, double hoursAgo, String instance) {
    return ActivityEntry.of(type, "x", instance, 1, "host", hoursAgo(hoursAgo));
  }

  static ActivityEntry state(double hoursAgo, String from, String to) {
    return entry(EventType.STATE_CHANGED, hoursAgo, "a").withStates(from, to);
  }

  static List<Kind> kinds(OwnershipHistory h) {
    return h.segments().stream().map(Segment::kind).toList();
  }

  /** No owner 4 h, warming 1 h, active 9 h, dead 1 h, warming 1 h, active 8 h. */
  static final List<ActivityEntry> DAY =
      List.of(
          entry(EventType.REGISTERED, 20, "a"),
          state(19, "warming", "active"),
          entry(EventType.LEASE_EXPIRED, 10, "a").withStates("active", null),
          entry(EventType.REGISTERED, 9, "b"),
          state(8, "warming", "active"));

  @Test
  void uptimeDeathsTakeoversAndTheLongestOutageOfADayWithOneCrash() {
    ActivityEntry stoppedTheDayBefore = entry(EventType.DEREGISTERED, 30, "z");
    OwnershipHistory h =
        OwnershipHistory.of(DAY, stoppedTheDayBefore, DAY_AGO, NOW, true, Kind.ACTIVE);
    assertThat(kinds(h))
        .containsExactly(
            Kind.NO_OWNER, Kind.WARMING, Kind.ACTIVE, Kind.NO_OWNER, Kind.WARMING, Kind.ACTIVE);
    assertThat(h.uptimePercent()).isCloseTo(100.0 * 17 / 24, within(1e-9));
    assertThat(h.deaths()).isEqualTo(1);
    assertThat(h.takeovers()).as("a new owner after the crash").isEqualTo(1);
    assertThat(h.longestOutage()).isEqualTo(Duration.ofHours(5));
    assertThat(h.knownFrom()).isEqualTo(DAY_AGO);
  }

  @Test
  void anOperatorsStopIsNeitherUptimeNorAnOutageAndACleanHandoffIsNoTakeover() {
    List<ActivityEntry> entries =
        List.of(
            state(23, "warming", "active"),
            entry(EventType.COMMAND, 12, "a").withMessage("stop by alice: done"),
            state(12, "active", "stopping"),
            state(12, "stopping", "stopped"),
            entry(EventType.COMMAND, 6, "a").withMessage("start by alice: done"),
            entry(EventType.REGISTERED, 6, "a"),
            state(5, "warming", "active"),
            entry(EventType.DEREGISTERED, 2, "a"),
            entry(EventType.REGISTERED, 2, "b"),
            state(2, "warming", "active"));
    OwnershipHistory h =
        OwnershipHistory.of(
            entries, entry(EventType.REGISTERED, 25, "a"), DAY_AGO, NOW, true, Kind.ACTIVE);
    assertThat(kinds(h))
        .containsExactly(Kind.WARMING, Kind.ACTIVE, Kind.STOPPED, Kind.WARMING, Kind.ACTIVE);
    assertThat(h.segments().get(2).length()).isEqualTo(Duration.ofHours(6));
    assertThat(h.uptimePercent()).isCloseTo(100.0 * (11 + 5) / 24, within(1e-9));
    assertThat(h.takeovers()).isZero();
    assertThat(h.deaths()).isZero();
    assertThat(h.longestOutage()).as("the first hour, warming").isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aWindowWithoutEntriesShowsWhatTheExchangeDoesNow() {
    OwnershipHistory h = OwnershipHistory.of(List.of(), null, DAY_AGO, NOW, true, Kind.ACTIVE);
    assertThat(kinds(h)).containsExactly(Kind.ACTIVE);
    assertThat(h.uptimePercent()).isEqualTo(100.0);
  }

  @Test
  void whenNotEveryEntryWasReadTheTimeBeforeTheOldestReadIsUnknownAndNotCounted() {
    OwnershipHistory h =
        OwnershipHistory.of(DAY.subList(2, 5), null, DAY_AGO, NOW, false, Kind.ACTIVE);
    assertThat(kinds(h)).containsExactly(Kind.UNKNOWN, Kind.NO_OWNER, Kind.WARMING, Kind.ACTIVE);
    assertThat(h.knownFrom()).isEqualTo(hoursAgo(10));
    assertThat(h.uptimePercent()).isCloseTo(100.0 * 8 / 10, within(1e-9));
    assertThat(h.deaths()).isEqualTo(1);
  }

  @Test
  void aDeathBeforeTheWindowIsNotCountedInIt() {
    ActivityEntry died = entry(EventType.LEASE_EXPIRED, 30, "z").withStates("active", null);
    OwnershipHistory h = OwnershipHistory.of(DAY, died, DAY_AGO, NOW, true, Kind.ACTIVE);
    assertThat(h.deaths()).isEqualTo(1);
    assertThat(h.takeovers()).as("the owner after it took over inside the window").isEqualTo(2);
  }

  @Test
  void anExchangeFirstRegisteredInsideTheWindowWasNotDownBeforeIt() {
    List<ActivityEntry> firstDeployed =
        List.of(entry(EventType.REGISTERED, 2, "a"), state(1.5, "warming", "active"));
    OwnershipHistory h = OwnershipHistory.of(firstDeployed, null, DAY_AGO, NOW, true, Kind.ACTIVE);
    assertThat(kinds(h)).containsExactly(Kind.UNKNOWN, Kind.WARMING, Kind.ACTIVE);
    assertThat(h.knownFrom()).isEqualTo(hoursAgo(2));
    assertThat(h.uptimePercent()).as("1.5 h of the 2 h known").isCloseTo(75.0, within(1e-9));
    assertThat(h.longestOutage()).as("the warm-up only").isEqualTo(Duration.ofMinutes(30));
  }
}
