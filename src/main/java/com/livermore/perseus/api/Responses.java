package com.livermore.perseus.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.livermore.perseus.network.ExchangeStatus;
import java.time.Instant;
import java.util.List;

/** Response bodies that add the server time to what the read service returns. */
final class Responses {
  private Responses() {}

  record Exchange(Instant serverTime, @JsonUnwrapped ExchangeStatus status) {}

  record Activity(Instant serverTime, List<ActivityItem> entries, String next) {}
}
