package com.livermore.perseus.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorThrottleTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private final ErrorThrottle throttle = new ErrorThrottle(Duration.ofSeconds(60));

  private static ActivityEntry error(String exchange, String message, Instant at) {
    return ActivityEntry.of(EventType.ERROR, exchange, "i-1", 3, "host", at).withMessage(message);
  }

  @Test
  void anErrorStormBecomesOneErrorAndOneSuppressedCount() {
    List<ActivityEntry> written = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      written.addAll(
          throttle.onError(error("kraken", "timeout after " + i + " ms", T0.plusMillis(i))));
    }
    written.addAll(throttle.closeExpired(T0.plusSeconds(61)));
    assertThat(written).hasSize(2);
    assertThat(written.get(0).type()).isEqualTo(EventType.ERROR);
    assertThat(written.get(1).type()).isEqualTo(EventType.ERRORS_SUPPRESSED);
    assertThat(written.get(1).count()).isEqualTo(9_999L);
    assertThat(written.get(1).epoch()).isEqualTo(3);
  }

  @Test
  void differentMessagesAndExchangesAreNotMerged() {
    assertThat(throttle.onError(error("kraken", "timeout", T0))).hasSize(1);
    assertThat(throttle.onError(error("kraken", "auth failed", T0))).hasSize(1);
    assertThat(throttle.onError(error("coinbase", "timeout", T0))).hasSize(1);
  }

  @Test
  void aWindowWithoutRepeatsClosesSilently() {
    throttle.onError(error("kraken", "timeout", T0));
    assertThat(throttle.closeExpired(T0.plusSeconds(120))).isEmpty();
  }

  @Test
  void theNextErrorAfterTheWindowIsWrittenAgainAfterTheSummary() {
    throttle.onError(error("kraken", "timeout", T0));
    throttle.onError(error("kraken", "timeout", T0.plusSeconds(1)));
    List<ActivityEntry> out = throttle.onError(error("kraken", "timeout", T0.plusSeconds(61)));
    assertThat(out)
        .extracting(ActivityEntry::type)
        .containsExactly(EventType.ERRORS_SUPPRESSED, EventType.ERROR);
    assertThat(out.get(0).count()).isEqualTo(1L);
  }
}
