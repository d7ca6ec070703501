package com.livermore.perseus.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergedScanTest {
  private static RawEntry e(String exchange, long ms, long seq) {
    return new RawEntry(new StreamId(ms, seq), exchange, Map.of());
  }

  private static List<String> drain(MergedScan scan) {
    List<String> out = new ArrayList<>();
    for (var next = scan.take(); next.isPresent(); next = scan.take()) {
      out.add(next.get().exchange() + "@" + next.get().id());
    }
    return out;
  }

  @Test
  void equalIdsAreOrderedByExchangeName() {
    MergedScan scan = new MergedScan(List.of("okx", "binance", "kraken"), null);
    List<StreamFeed> due = scan.due();
    due.get(0).accept(List.of(e("okx", 10, 0), e("okx", 9, 0)), 5);
    due.get(1).accept(List.of(e("binance", 10, 0), e("binance", 9, 1)), 5);
    due.get(2).accept(List.of(e("kraken", 10, 1)), 5);

    assertThat(scan.due()).isEmpty();
    assertThat(drain(scan))
        .containsExactly("kraken@10-1", "binance@10-0", "okx@10-0", "binance@9-1", "okx@9-0");
    assertThat(scan.mayHaveMore()).isFalse();
  }

  @Test
  void aFullFetchMakesTheFeedDueAgainOnceDrainedAndContinuesBelowIt() {
    MergedScan scan = new MergedScan(List.of("kraken"), null);
    StreamFeed feed = scan.due().get(0);
    feed.accept(List.of(e("kraken", 10, 0), e("kraken", 9, 0)), 2);

    assertThat(drain(scan)).hasSize(2);
    assertThat(scan.due()).containsExactly(feed);
    assertThat(feed.upper()).isEqualTo(new StreamId(9, 0));
    assertThat(feed.upperInclusive()).isFalse();
  }

  @Test
  void afterACursorOnlyLaterExchangesIncludeTheCursorsId() {
    EntryPosition cursor = new EntryPosition(new StreamId(10, 0), "kraken");
    MergedScan scan = new MergedScan(List.of("binance", "kraken", "okx"), cursor);
    List<StreamFeed> due = scan.due();

    assertThat(due).extracting(StreamFeed::upperInclusive).containsExactly(false, false, true);
    assertThat(due).extracting(StreamFeed::upper).containsOnly(new StreamId(10, 0));
  }

  @Test
  void nothingIsBelowTheLowestIdExclusive() {
    MergedScan scan =
        new MergedScan(List.of("binance", "okx"), new EntryPosition(StreamId.ZERO, "kraken"));
    assertThat(scan.due()).extracting(StreamFeed::exchange).containsExactly("okx");
  }
}
