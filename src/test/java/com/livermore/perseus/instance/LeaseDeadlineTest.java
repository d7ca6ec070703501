package com.livermore.perseus.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseDeadlineTest {
  static final long MS = 1_000_000L;
  final LeaseDeadline deadline = new LeaseDeadline(Duration.ofMillis(600));

  @Test
  void theLeaseRunsOutOneTtlAfterTheGrantingCallWasSent() {
    deadline.grantedAt(1_000 * MS);
    assertThat(deadline.passed(1_599 * MS)).isFalse();
    assertThat(deadline.passed(1_600 * MS)).isTrue();
    assertThat(deadline.passed(5_000 * MS)).isTrue();
  }

  @Test
  void aRenewalMayWaitForRedisOnlyUntilTheDeadline() {
    deadline.grantedAt(1_000 * MS);
    assertThat(deadline.patienceNanos(1_200 * MS)).isEqualTo(400 * MS);
    assertThat(deadline.patienceNanos(1_600 * MS)).isZero();
    assertThat(deadline.patienceNanos(1_700 * MS)).isNegative();
  }

  @Test
  void eachGrantMovesTheDeadlineFromWhenItsCallWasSent() {
    deadline.grantedAt(1_000 * MS);
    deadline.grantedAt(1_200 * MS);
    assertThat(deadline.passed(1_700 * MS)).isFalse();
    assertThat(deadline.passed(1_800 * MS)).isTrue();
  }

  @Test
  void theRuleHoldsWhereTheMonotonicClockWraps() {
    long nearTheEnd = Long.MAX_VALUE - 100 * MS;
    deadline.grantedAt(nearTheEnd);
    long afterWrapping = nearTheEnd + 300 * MS; // overflows to a negative reading
    assertThat(afterWrapping).isNegative();
    assertThat(deadline.passed(afterWrapping)).isFalse();
    assertThat(deadline.passed(nearTheEnd + 600 * MS)).isTrue();
  }
}
