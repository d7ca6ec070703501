package com.livermore.perseus.console;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The last 24 hours of each exchange as the small strip on its card. The strips are read in the
 * background, one exchange after the other, at most every {@link #MAX_AGE} and only while some page
 * asks for them; a page render only takes the strips read last, so a crowd of viewers never waits
 * on a stream read (a card shows no strip until its first one is read).
 */
@ApplicationScoped
public class UptimeStrips {
  static final Duration WINDOW = Duration.ofHours(24);
  static final Duration MAX_AGE = Duration.ofSeconds(60);
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  @Inject NetworkView network;
  @Inject PerseusConfig config;
  @Resource ManagedExecutorService executor;

  /** The strips of one read, and every exchange it tried (a stream it could not read has none). */
  private record Strips(Map<String, HistoryView> byExchange, Set<String> tried, Instant at) {}

  private volatile Strips last = new Strips(Map.of(), Set.of(), Instant.EPOCH);
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile Instant lastStart = Instant.EPOCH;

  /**
   * The strips read last. Starts a new read in the background when they are older than a minute, or
   * when an exchange has none yet (a new one) and the last read started {@link #RETRY_AFTER} ago.
   */
  public Map<String, HistoryView> of(List<ExchangeStatus> exchanges) {
    Strips strips = last;
    Instant now = Instant.now();
    boolean stale = strips.at().plus(MAX_AGE).isBefore(now);
    boolean missing =
        lastStart.plus(RETRY_AFTER).isBefore(now)
            && exchanges.stream().anyMatch(s -> !strips.tried().contains(s.exchange()));
    if ((stale || missing) && reading.compareAndSet(false, true)) {
      lastStart = now;
      try {
        executor.execute(() -> read(exchanges));
      } catch (RuntimeException e) {
        reading.set(false); // the executor refused (shutting down): the page goes without
      }
    }
    return strips.byExchange();
  }

  private void read(List<ExchangeStatus> exchanges) {
    try {
      Instant now = Instant.now();
      Map<String, HistoryView> next = new HashMap<>();
      for (ExchangeStatus s : exchanges) {
        try {
          next.put(
              s.exchange(),
              HistoryView.read(
                  network, "Last 24 hours", s, WINDOW, config.activity().retention(), now));
        } catch (NetworkUnavailableException e) {
          throw e;
        } catch (RuntimeException e) {
          // this exchange's stream cannot be read as a history (its card says why): no strip
        }
      }
      last =
          new Strips(
              Map.copyOf(next),
              exchanges.stream().map(ExchangeStatus::exchange).collect(Collectors.toSet()),
              now);
    } catch (NetworkUnavailableException e) {
      // Redis does not answer: keep the last strips; the next page render tries again
    } finally {
      reading.set(false);
    }
  }
}
