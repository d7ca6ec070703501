package com.livermore.perseus.console;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last 24 hours of each exchange as the small strip on its card: one history per exchange,
 * shared by every console page and read again at most every {@link #MAX_AGE}, so a crowd of viewers
 * polling every few seconds costs one bounded stream read per exchange and minute.
 */
@ApplicationScoped
public class UptimeStrips {
  static final Duration WINDOW = Duration.ofHours(24);
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  @Inject NetworkView network;
  @Inject PerseusConfig config;

  private record Cached(HistoryView view, Instant at) {}

  private final Map<String, Cached> cache = new HashMap<>(); // guarded by this
  private Instant failedAt; // guarded by this

  /**
   * The strip of each of {@code exchanges}. One caller reads at a time (the others wait for it
   * rather than read the same streams again); when Redis does not answer, the last strips stay and
   * nothing is read again until {@link #MAX_AGE} has passed.
   */
  public synchronized Map<String, HistoryView> of(List<ExchangeStatus> exchanges) {
    Instant now = Instant.now();
    boolean reachable = failedAt == null || failedAt.plus(MAX_AGE).isBefore(now);
    Map<String, HistoryView> out = new HashMap<>();
    for (ExchangeStatus s : exchanges) {
      Cached c = cache.get(s.exchange());
      if (reachable && (c == null || c.at().plus(MAX_AGE).isBefore(now))) {
        try {
          c =
              new Cached(
                  HistoryView.read(
                      network, "Last 24 hours", s, WINDOW, config.activity().retention(), now),
                  now);
          cache.put(s.exchange(), c);
          failedAt = null;
        } catch (NetworkUnavailableException e) {
          failedAt = now;
          reachable = false;
        }
      }
      if (c != null) out.put(s.exchange(), c.view());
    }
    cache.keySet().retainAll(exchanges.stream().map(ExchangeStatus::exchange).toList());
    return out;
  }
}
