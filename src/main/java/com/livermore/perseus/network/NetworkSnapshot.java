package com.livermore.perseus.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every known exchange at one moment ({@code serverTime}, so clients can judge freshness). */
public record NetworkSnapshot(Instant serverTime, List<ExchangeStatus> exchanges) {

  public Optional<ExchangeStatus> exchange(String id) {
    return exchanges.stream().filter(e -> e.exchange().equals(id)).findFirst();
  }
}
