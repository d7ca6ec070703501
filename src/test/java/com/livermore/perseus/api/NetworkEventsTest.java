package com.livermore.perseus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkEventsTest {
  private static NetworkSnapshot network(String krakenProblem) {
    return new NetworkSnapshot(
        Instant.parse("2026-12-02T10:00:00Z"),
        List.of(
            ExchangeStatus.withoutRecord("coinbase", "Coinbase", null),
            ExchangeStatus.withoutRecord("kraken", "Kraken", krakenProblem)));
  }

  private static List<String> names(List<NetworkEvents.Event> events) {
    return events.stream().map(e -> e.name() + ":" + e.id()).toList();
  }

  @Test
  void aChangeIsThePictureThenOneEventPerExchangeThatChanged() {
    NetworkEvents history = new NetworkEvents("r");
    assertThat(names(history.changed(network(null))))
        .containsExactly("network:r-1", "exchange:r-2", "exchange:r-3");
    List<NetworkEvents.Event> second = history.changed(network("unreadable"));
    assertThat(names(second)).containsExactly("network:r-4", "exchange:r-5");
    assertThat(((ExchangeStatus) second.get(1).data()).exchange()).isEqualTo("kraken");
  }

  @Test
  void aResumeGetsExactlyWhatCameAfterItsLastEvent() {
    NetworkEvents history = new NetworkEvents("r");
    history.changed(network(null));
    history.changed(network("unreadable"));
    assertThat(history.after("r-3").orElseThrow())
        .extracting(NetworkEvents.Event::id)
        .containsExactly("r-4", "r-5");
    assertThat(history.after("r-5").orElseThrow()).as("up to date").isEmpty();
    assertThat(history.currentId()).isEqualTo("r-5");
  }

  @Test
  void anIdOfAnotherRunOrTooOldOrMalformedGetsAFreshPictureInstead() {
    NetworkEvents history = new NetworkEvents("r");
    for (int i = 0; i < NetworkEvents.KEPT; i++) history.changed(network(i % 2 == 0 ? null : "x"));
    assertThat(history.after("other-1")).isEmpty();
    assertThat(history.after("r-1")).as("dropped from what is kept").isEmpty();
    assertThat(history.after("r-99999")).as("from the future").isEmpty();
    assertThat(history.after("r-x")).isEmpty();
    assertThat(history.after(null)).isEmpty();
    assertThat(history.after(history.currentId()).orElseThrow()).isEmpty();
  }

  @Test
  void afterAnInterruptionOlderIdsGetAFreshPictureAndTheNewPictureCanBeResumed() {
    NetworkEvents history = new NetworkEvents("r");
    history.changed(network(null));
    history.interrupted();
    assertThat(history.after("r-3")).as("what happened since is unknown").isEmpty();
    String picture = history.currentId();
    assertThat(picture).isEqualTo("r-4");
    assertThat(history.after(picture).orElseThrow()).isEmpty();
    history.changed(network("unreadable"));
    assertThat(history.after(picture).orElseThrow())
        .extracting(NetworkEvents.Event::name)
        .containsExactly("network", "exchange");
  }
}
