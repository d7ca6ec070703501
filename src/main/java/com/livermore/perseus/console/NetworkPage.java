package com.livermore.perseus.console;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Network page's cards, summary and conflict banner, refreshed by the cards poll. When Redis
 * does not answer, the page keeps the last picture and says since when it is stale.
 */
@Named
@ViewScoped
public class NetworkPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient NetworkView network;
  @Inject transient PerseusConfig config;
  @Inject transient UptimeStrips uptime;
  @Inject transient NetworkPictures pictures;

  private List<CardView> cards = List.of();
  private Map<String, HistoryView> strips = Map.of();
  private List<String> exchanges = List.of();
  private Summary summary = Summary.of(List.of());
  private List<NetworkPictures.ConflictView> conflicts = List.of();
  private String recovery;
  private Instant readAt;
  private Instant unreachableSince;

  @PostConstruct
  void load() {
    refresh();
  }

  /**
   * The poll's listener: the shared snapshot, and its cards, summary and conflicts as every page
   * shows them ({@link NetworkPictures}).
   */
  public void refresh() {
    try {
      NetworkSnapshot snapshot = network.snapshot();
      NetworkPictures.Picture picture = pictures.of(snapshot);
      cards = picture.cards();
      strips = uptime.of(snapshot.exchanges());
      exchanges = picture.exchanges();
      summary = picture.summary();
      conflicts = picture.conflicts();
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

  public List<NetworkPictures.ConflictView> getConflicts() {
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
}
