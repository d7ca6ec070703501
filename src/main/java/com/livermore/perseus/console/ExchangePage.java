package com.livermore.perseus.console;

import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.registry.Printable;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The page of one exchange ({@code /console/exchange.xhtml?x=coinbase}): its card with the operator
 * commands, its standbys with their hosts, its ownership history over 24 hours and 7 days, and its
 * own activity. Refreshed by the same push and poll as the Network page; the history, read from the
 * stream, at most every {@link #HISTORY_MAX_AGE}.
 */
@Named
@ViewScoped
public class ExchangePage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final Duration HISTORY_MAX_AGE = Duration.ofSeconds(30);

  @Inject transient NetworkView network;
  @Inject transient PerseusConfig config;
  @Inject ActivityTable activity;

  private String exchange;
  private boolean known;
  private CardView card;
  private List<StandbyRow> standbys = List.of();
  private List<HistoryView> histories = List.of();
  private Instant historiesAt;
  private Instant unreachableSince;

  /** A standby as its row shows it. */
  public record StandbyRow(String instanceId, String hostname, String readiness)
      implements Serializable {
    static StandbyRow of(ExchangeStatus.Standby s) {
      String readiness =
          "preparing".equals(s.readiness())
              ? "preparing " + s.prepared() + "%"
              : Printable.escape(s.readiness());
      return new StandbyRow(
          Printable.escape(s.instanceId()), Printable.escape(s.hostname()), readiness);
    }
  }

  /** The view action: an unknown or malformed exchange answers 404 with a page that says so. */
  public void load() {
    if (exchange == null || !ConfigurationReader.isSlug(exchange)) {
      known = false;
    } else {
      activity.setExchange(exchange);
      refresh();
    }
    if (!known && unreachableSince == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }
  }

  /** The push's and the poll's listener. */
  public void refresh() {
    if (exchange == null || !ConfigurationReader.isSlug(exchange)) return;
    try {
      Optional<ExchangeStatus> read = network.exchange(exchange);
      known = read.isPresent();
      unreachableSince = null;
      if (read.isEmpty()) return;
      ExchangeStatus status = read.get();
      card = CardView.of(status, config.console());
      standbys =
          status.standbys() == null
              ? List.of()
              : status.standbys().stream().map(StandbyRow::of).toList();
      Instant now = Instant.now();
      if (historiesAt == null || historiesAt.plus(HISTORY_MAX_AGE).isBefore(now)) {
        Duration retention = config.activity().retention();
        histories =
            List.of(
                HistoryView.read(
                    network, "Last 24 hours", status, Duration.ofHours(24), retention, now),
                HistoryView.read(
                    network, "Last 7 days", status, Duration.ofDays(7), retention, now));
        historiesAt = now;
      }
    } catch (NetworkUnavailableException e) {
      if (unreachableSince == null) unreachableSince = Instant.now();
    }
  }

  public String getExchange() {
    return exchange;
  }

  public void setExchange(String exchange) {
    this.exchange = exchange;
  }

  /** The exchange as the page may print it (a malformed one escaped). */
  public String getShownExchange() {
    return Printable.escape(exchange == null ? "" : exchange);
  }

  public boolean isKnown() {
    return known;
  }

  public CardView getCard() {
    return card;
  }

  public List<StandbyRow> getStandbys() {
    return standbys;
  }

  public List<HistoryView> getHistories() {
    return histories;
  }

  public boolean isRedisUnreachable() {
    return unreachableSince != null;
  }

  public String getUnreachableSince() {
    return HumanTime.at(unreachableSince);
  }

  public long getCardsPollSeconds() {
    return config.console().cardsPoll().toSeconds();
  }
}
