package com.livermore.perseus.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every known exchange at one moment ({@code serverTime}, so clients can judge freshness), and the
 * exchanges their owners re-claimed within the last hour after Redis lost its data.
 */
public record NetworkSnapshot(
    Instant serverTime,
    List<ExchangeStatus> exchanges,
    Map<String, Instant> recoveredAfterDataLoss) {

  public NetworkSnapshot(Instant serverTime, List<ExchangeStatus> exchanges) {
    this(serverTime, exchanges, Map.of());
  }

  public Optional<ExchangeStatus> exchange(String id) {
    return exchanges.stream().filter(e -> e.exchange().equals(id)).findFirst();
  }
}
