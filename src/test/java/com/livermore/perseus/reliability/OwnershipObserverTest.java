package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The observer's judgement of the lease key, fed a scripted sequence of leases (each read returns
 * the next, the last one repeated): a lease nobody acted on is counted, never judged.
 */
class OwnershipObserverTest {
  static String lease(String id, long epoch) {
    Instant now = Instant.now();
    return RecordJson.write(
        new OwnerRecord(
            id,
            "beta",
            epoch,
            "host",
            null,
            null,
            null,
            ConnectionState.ACTIVE,
            now,
            1,
            null,
            now,
            now,
            1L,
            null,
            "test",
            null,
            null,
            null));
  }

  /** Watches {@code script} until every lease in it has been read, then stops. */
  static OwnershipObserver watch(List<String> script) {
    AtomicInteger next = new AtomicInteger();
    OwnershipObserver observer =
        OwnershipObserver.start(
            x -> script.get(Math.min(next.getAndIncrement(), script.size() - 1)),
            List.of("beta"),
            List.of(),
            Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> next.get() > script.size());
    observer.close();
    return observer;
  }

  static OwnershipObserver.ActedOn only(String... holdings) {
    Set<String> acted = Set.of(holdings);
    return (x, id, epoch) -> acted.contains(id + "@" + epoch);
  }

  @Test
  void oneEpochUnderTwoHoldersIsADoubleOwnerWhenBothActedOnIt() {
    List<String> script = List.of(lease("a", 5), lease("b", 5));

    assertThat(watch(script).violations())
        .singleElement()
        .asString()
        .contains("beta: epoch 5 held by both a and b");
    assertThat(watch(script).judgingOnly(only("a@5", "b@5")).violations()).hasSize(1);
  }

  @Test
  void aClaimNobodyActedOnIsCountedNotJudged() {
    // a@5 was written on a master that had no replica to acknowledge it, then withdrawn or lost;
    // the promoted replica issued epoch 5 again, to b.
    OwnershipObserver observer =
        watch(List.of(lease("a", 5), lease("b", 5))).judgingOnly(only("b@5"));

    assertThat(observer.violations()).isEmpty();
    assertThat(observer.unacknowledgedHoldings("beta"))
        .extracting(OwnershipObserver.Holding::instanceId)
        .containsExactly("a");
    assertThat(observer.figures()).containsEntry("unacknowledgedHoldingsSeen", 1);
  }

  @Test
  void anOlderEpochWrittenAfterANewerOneActedOnIsAFencedWrite() {
    List<String> script = List.of(lease("a", 10), lease("c", 11), lease("a", 10));

    assertThat(watch(script).judgingOnly(only("a@10", "c@11")).violations())
        .singleElement()
        .asString()
        .contains("beta: a wrote the lease under epoch 10")
        .contains("after epoch 11 was issued (a fenced owner wrote)");
    // c@11 was never acted on (and lost with its master): a keeps its lease, as it should.
    assertThat(watch(script).judgingOnly(only("a@10")).violations()).isEmpty();
  }
}
