package com.livermore.perseus.console;

import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityRecord;
import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.NetworkSnapshot;
import com.livermore.perseus.network.NetworkUnavailableException;
import com.livermore.perseus.network.NetworkView;
import com.livermore.perseus.registry.Printable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the Network page shows of one snapshot (its cards, summary and recent conflicts), built once
 * per snapshot and shared by every page that renders it. The snapshot itself is shared by every
 * request within its 250 ms ({@code NetworkView}), so a wall of consoles costs one set of cards and
 * one conflict read per snapshot, not one per page (pages that ask at once wait for the first
 * build), and their views hold the same immutable lists.
 */
@ApplicationScoped
public class NetworkPictures {
  static final Duration CONFLICT_WINDOW = Duration.ofMinutes(15);

  /** The Network page's view of one snapshot; immutable. */
  public record Picture(
      NetworkSnapshot snapshot,
      List<CardView> cards,
      List<String> exchanges,
      Summary summary,
      List<ConflictView> conflicts) {}

  /**
   * A refused claim: which instance on which host was refused, and the holder named in the message.
   */
  public record ConflictView(
      String exchange, String hostname, String instanceId, String message, String at)
      implements Serializable {}

  @Inject NetworkView network;
  @Inject PerseusConfig config;

  private record Failure(NetworkSnapshot snapshot, NetworkUnavailableException error) {}

  private volatile Picture last;
  private Failure failed; // guarded by this

  /**
   * The picture of {@code snapshot}; reads the recent conflicts from Redis the first time (and
   * throws {@code NetworkUnavailableException} when it cannot).
   */
  public Picture of(NetworkSnapshot snapshot) {
    Picture picture = last;
    if (picture != null && picture.snapshot() == snapshot) return picture;
    synchronized (this) {
      // The pages released together by a new snapshot wait here for one build, not one each; when
      // its conflict read fails, the others fail at once instead of each waiting out a timeout.
      picture = last;
      if (picture != null && picture.snapshot() == snapshot) return picture;
      if (failed != null && failed.snapshot() == snapshot) throw failed.error();
      Picture built;
      try {
        built = build(snapshot);
      } catch (NetworkUnavailableException e) {
        failed = new Failure(snapshot, e);
        throw e;
      }
      if (picture == null
          || !built.snapshot().serverTime().isBefore(picture.snapshot().serverTime())) last = built;
      return built;
    }
  }

  private Picture build(NetworkSnapshot snapshot) {
    List<CardView> cards = new ArrayList<>();
    for (ExchangeStatus s : snapshot.exchanges()) cards.add(CardView.of(s, config.console()));
    List<String> exchanges = snapshot.exchanges().stream().map(ExchangeStatus::exchange).toList();
    return new Picture(
        snapshot,
        List.copyOf(cards),
        exchanges,
        Summary.of(cards),
        recentConflicts(exchanges, snapshot.serverTime()));
  }

  private List<ConflictView> recentConflicts(List<String> exchanges, Instant now) {
    if (exchanges.isEmpty()) return List.of();
    ActivityPage page =
        network.activity(
            new ActivityQuery(
                exchanges.stream().filter(ConfigurationReader::isSlug).toList(),
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
    return List.copyOf(out);
  }
}
