package com.livermore.perseus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.registry.RecordJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
  static NetworkSnapshot snapshot(String exchange) {
    return new NetworkSnapshot(
        Instant.parse("2026-11-25T05:00:00Z"),
        List.of(ExchangeStatus.withoutRecord(exchange, exchange.toUpperCase(), null)));
  }

  @Test
  void aSharedSnapshotIsWrittenOnceAndIsTheSameJsonAsBefore() {
    SnapshotJson json = new SnapshotJson();
    NetworkSnapshot shared = snapshot("kraken");
    byte[] first = json.of(shared);
    assertThat(json.of(shared)).isSameAs(first);
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(RecordJson.write(shared));
  }

  @Test
  void aNewSnapshotIsWrittenAgain() {
    SnapshotJson json = new SnapshotJson();
    byte[] kraken = json.of(snapshot("kraken"));
    byte[] bitstamp = json.of(snapshot("bitstamp"));
    assertThat(new String(bitstamp, StandardCharsets.UTF_8))
        .contains("bitstamp")
        .doesNotContain("kraken");
    assertThat(json.of(snapshot("kraken"))).isNotSameAs(kraken).isEqualTo(kraken);
  }
}
