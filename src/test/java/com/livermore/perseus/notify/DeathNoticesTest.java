package com.livermore.perseus.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.OwnerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeathNoticesTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  final List<String> reported = new ArrayList<>();
  final Set<String> claimed = new HashSet<>();
  final DeathNotices notices =
      new DeathNotices(
          s -> claimed.add(s.exchange() + "@" + s.lastKnown().epoch()),
          s -> reported.add(s.exchange()));

  static ExchangeStatus status(String x, Liveness liveness, long epoch) {
    return status(x, liveness, epoch, ConnectionState.ACTIVE);
  }

  static ExchangeStatus status(String x, Liveness liveness, long epoch, ConnectionState last) {
    OwnerRecord r =
        new OwnerRecord(
            "i", x, epoch, "h", null, null, "", last, NOW, 0, null, NOW, NOW, 1L, null, "1");
    return new ExchangeStatus(
        x,
        x,
        liveness,
        "active",
        0L,
        null,
        null,
        null,
        NOW,
        liveness == Liveness.DEAD ? null : r,
        liveness == Liveness.DEAD ? r : null,
        null);
  }

  static NetworkSnapshot snapshot(ExchangeStatus... s) {
    return new NetworkSnapshot(NOW, List.of(s));
  }

  @Test
  void anExchangeThatWasAliveAndIsDeadNowIsReportedOnce() {
    notices.accept(snapshot(status("kraken", Liveness.ALIVE, 3)));
    notices.accept(snapshot(status("kraken", Liveness.DEAD, 3)));
    notices.accept(snapshot(status("kraken", Liveness.DEAD, 3)));
    assertThat(reported).containsExactly("kraken");
  }

  @Test
  void aLateOwnerThatDiesIsReportedToo() {
    notices.accept(snapshot(status("kraken", Liveness.LATE, 3)));
    notices.accept(snapshot(status("kraken", Liveness.DEAD, 3)));
    assertThat(reported).containsExactly("kraken");
  }

  @Test
  void exchangesAlreadyDeadAtFirstSightAreNotReported() {
    notices.accept(snapshot(status("okx", Liveness.DEAD, 1)));
    assertThat(reported).isEmpty();
  }

  @Test
  void whenAnotherInstanceClaimedTheNoticeThisOneStaysQuiet() {
    claimed.add("kraken@3");
    notices.accept(snapshot(status("kraken", Liveness.ALIVE, 3)));
    notices.accept(snapshot(status("kraken", Liveness.DEAD, 3)));
    assertThat(reported).isEmpty();
  }

  @Test
  void anOwnerThatReleasedItsLeaseCleanlyDidNotDie() {
    notices.accept(snapshot(status("kraken", Liveness.ALIVE, 3)));
    notices.accept(snapshot(status("kraken", Liveness.DEAD, 3, ConnectionState.STOPPED)));
    assertThat(reported).isEmpty();
    assertThat(claimed).as("nothing recorded either").isEmpty();
  }
}
