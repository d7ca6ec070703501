package com.livermore.perseus.console;

import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.registry.Printable;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Network page's cards, summary and conflict banner, refreshed by the cards poll. When Redis
 * does not answer, the page keeps the last picture and says since when it is stale.
 */
@Named
@ViewScoped
public class NetworkPage implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Duration CONFLICT_WINDOW = Duration.ofMinutes(15);

  @Inject transient NetworkView network;
  @Inject transient PerseusConfig config;
  @Inject transient UptimeStrips uptime;

  private List<CardView> cards = List.of();
  private Map<String, HistoryView> strips = Map.of();
  private List<String> exchanges = List.of();
  private Summary summary = Summary.of(List.of());
  private List<ConflictView> conflicts = List.of();
  private String recovery;
  private Instant readAt;
  private Instant unreachableSince;

  @PostConstruct
  void load() {
    refresh();
  }

  /** The poll's listener: one batch read of the network, one activity read for recent conflicts. */
  public void refresh() {
    try {
      NetworkSnapshot snapshot = network.snapshot();
      List<CardView> next = new ArrayList<>();
      for (ExchangeStatus s : snapshot.exchanges()) next.add(CardView.of(s, config.console()));
      cards = List.copyOf(next);
      strips = uptime.of(snapshot.exchanges());
      exchanges = snapshot.exchanges().stream().map(ExchangeStatus::exchange).toList();
      summary = Summary.of(cards);
      conflicts = recentConflicts(snapshot.serverTime());
      recovery =
          snapshot.recoveredAfterDataLoss().isEmpty()
              ? null
              : "Redis lost its data (flushed, or failed over without it) at "
                  + HumanTime.at(
                      snapshot.recoveredAfterDataLoss().values().stream()
                          .min(Instant::compareTo)
                          .orElse(null))
                  + "; these exchanges were re-claimed by their owners before any standby could take them: "
                  + String.join(", ", snapshot.recoveredAfterDataLoss().keySet())
                  + ".";
      readAt = snapshot.serverTime();
      unreachableSince = null;
    } catch (NetworkUnavailableException e) {
      if (unreachableSince == null) unreachableSince = Instant.now();
    }
  }

  private List<ConflictView> recentConflicts(Instant now) {
    if (exchanges.isEmpty()) return List.of();
    ActivityPage page =
        network.activity(
            new ActivityQuery(
                exchanges.stream()
                    .filter(com.livermore.perseus.config.ConfigurationReader::isSlug)
                    .toList(),
                Set.of(EventType.CLAIM_CONFLICT),
                now.minus(CONFLICT_WINDOW),
                null,
                20));
    List<ConflictView> out = new ArrayList<>();
    for (ActivityRecord r : page.entries()) {
      if (r.readable())
        out.add(
            new ConflictView(
                r.exchange(),
                Printable.escape(r.entry().hostname()),
                Printable.escape(r.entry().instanceId()),
                Printable.escape(r.entry().message()),
                HumanTime.at(r.entry().at())));
    }
    return out;
  }

  /** Each exchange's last 24 hours, for the strip on its card. */
  public Map<String, HistoryView> getStrips() {
    return strips;
  }

  public List<CardView> getCards() {
    return cards;
  }

  public Summary getSummary() {
    return summary;
  }

  public List<ConflictView> getConflicts() {
    return conflicts;
  }

  public String getRecovery() {
    return recovery;
  }

  public List<String> getExchanges() {
    return exchanges;
  }

  public String getReadAt() {
    return HumanTime.at(readAt);
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

  public long getActivityPollSeconds() {
    return config.console().activityPoll().toSeconds();
  }

  /**
   * A refused claim: which instance on which host was refused, and the holder named in the message.
   */
  public record ConflictView(
      String exchange, String hostname, String instanceId, String message, String at)
      implements Serializable {}
}
