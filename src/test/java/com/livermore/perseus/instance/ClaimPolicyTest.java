package com.livermore.perseus.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.config.LeaseSettings;
import com.livermore.perseus.registry.ClaimOptions;
import com.livermore.perseus.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule of when a claim may be tried, with a clock the test moves: lock-delay, the former
 * owner's pass, the data-loss grace, the boot claim and the epoch floor.
 */
class ClaimPolicyTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  final SettableClock clock = new SettableClock(T0);
  final ClaimPolicy policy =
      new ClaimPolicy(
          new LeaseSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(15)),
          clock);

  @Test
  void theFirstClaimMayTakeOverThisNodesOwnOrphanedLeaseAndLaterOnesMayNot() {
    assertThat(policy.next()).contains(new ClaimOptions(true, 1, false));
    policy.answered();
    assertThat(policy.next()).contains(new ClaimOptions(false, 1, false));
  }

  @Test
  void aFirstClaimThatNeverReachedRedisStaysTheBootClaim() {
    assertThat(policy.next()).map(ClaimOptions::fastRestart).contains(true);
    // Redis did not answer: answered() is not called, so the next try is still the boot claim.
    assertThat(policy.next()).map(ClaimOptions::fastRestart).contains(true);
  }

  @Test
  void aClaimAsksForAnEpochAboveAnyThisInstanceHasSeen() {
    policy.answered();
    policy.claimed(4);
    assertThat(policy.next()).map(ClaimOptions::minimumEpoch).contains(5L);
    policy.refusedBy(9);
    assertThat(policy.next()).map(ClaimOptions::minimumEpoch).contains(10L);
    policy.refusedBy(2);
    assertThat(policy.next()).map(ClaimOptions::minimumEpoch).contains(10L);
    assertThat(policy.ownEpoch()).isEqualTo(4);
  }

  @Test
  void afterALossTheInstanceWaitsTheLockDelay() {
    policy.answered();
    policy.claimed(1);
    policy.lost(false, clock.instant());
    assertThat(policy.next()).isEmpty();
    clock.advance(Duration.ofSeconds(15).minusMillis(1));
    assertThat(policy.next()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(policy.next()).isPresent();
  }

  @Test
  void theLockDelayCountsFromWhenTheLeaseWasLostNotFromWhenTheLossWasRecorded() {
    policy.answered();
    policy.claimed(1);
    Instant lostAt = clock.instant();
    clock.advance(Duration.ofSeconds(10)); // Redis answered the record late
    policy.lost(false, lostAt);
    clock.advance(Duration.ofSeconds(5).minusMillis(1));
    assertThat(policy.next()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(policy.next()).isPresent();
  }

  @Test
  void anOwnerCutOffOnlyByRedisReclaimsAtOnceWithoutTheLockDelay() {
    policy.answered();
    policy.claimed(3);
    policy.refusedBy(3);
    policy.lost(true, clock.instant());
    Optional<ClaimOptions> next = policy.next();
    assertThat(next).contains(new ClaimOptions(false, 4, false));
    policy.answered(); // the pass is used by the claim Redis answered
    assertThat(policy.next()).map(ClaimOptions::holdBackOnReset).contains(true);
  }

  @Test
  void aStandbyThatSawAnEpochAsksToBeHeldBackWhenRedisLostItsData() {
    policy.answered();
    assertThat(policy.next()).map(ClaimOptions::holdBackOnReset).contains(false);
    policy.refusedBy(7);
    assertThat(policy.next()).map(ClaimOptions::holdBackOnReset).contains(true);
  }

  @Test
  void afterADataLossAStandbyWaitsOneTtlThenClaimsWithoutHoldingBack() {
    policy.answered();
    policy.refusedBy(7);
    policy.heldBackAfterDataLoss();
    assertThat(policy.next()).isEmpty();
    clock.advance(Duration.ofSeconds(3).minusMillis(1));
    assertThat(policy.next()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(policy.next()).contains(new ClaimOptions(false, 8, false));
  }

  @Test
  void theDataLossGraceDoesNotHoldBackAFormerOwner() {
    policy.answered();
    policy.claimed(5);
    policy.heldBackAfterDataLoss();
    policy.lost(true, clock.instant());
    assertThat(policy.next()).contains(new ClaimOptions(false, 6, false));
  }

  @Test
  void aClaimEndsTheDataLossGrace() {
    policy.answered();
    policy.refusedBy(7);
    policy.heldBackAfterDataLoss();
    policy.claimed(8);
    policy.lost(true, clock.instant());
    policy.answered();
    assertThat(policy.next()).map(ClaimOptions::holdBackOnReset).contains(true);
  }

  @Test
  void theOwnersReclaimAfterADataLossAsksForMoreThanItsEpoch() {
    assertThat(ClaimPolicy.reclaimAbove(3)).isEqualTo(new ClaimOptions(false, 4, false));
  }
}
