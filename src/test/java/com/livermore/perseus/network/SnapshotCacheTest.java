package com.livermore.perseus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  final AtomicInteger reads = new AtomicInteger();

  NetworkSnapshot read() {
    reads.incrementAndGet();
    return new NetworkSnapshot(Instant.now(), List.of());
  }

  @Test
  void callersWithinTheMaxAgeShareOneRead() throws Exception {
    SnapshotCache cache = new SnapshotCache(Duration.ofMinutes(1));
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<NetworkSnapshot>> got =
          callers.invokeAll(java.util.Collections.nCopies(200, () -> cache.get(this::read)));
      NetworkSnapshot first = got.get(0).get();
      for (Future<NetworkSnapshot> f : got) assertThat(f.get()).isSameAs(first);
    } finally {
      callers.shutdownNow();
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void anOlderSnapshotIsReadAgain() {
    SnapshotCache cache = new SnapshotCache(Duration.ZERO);
    NetworkSnapshot first = cache.get(this::read);
    assertThat(cache.get(this::read)).isNotSameAs(first);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aFailedReadIsNotKept() {
    SnapshotCache cache = new SnapshotCache(Duration.ofMinutes(1));
    assertThatThrownBy(
            () ->
                cache.get(
                    () -> {
                      throw new IllegalStateException("Redis down");
                    }))
        .hasMessage("Redis down");
    cache.get(this::read);
    assertThat(reads).hasValue(1);
  }
}
