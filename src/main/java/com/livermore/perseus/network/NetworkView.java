package com.livermore.perseus.network;

import com.livermore.perseus.activity.ActivityPage;
import com.livermore.perseus.activity.ActivityQuery;
import com.livermore.perseus.activity.ActivityReader;
import com.livermore.perseus.activity.StreamSource;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.store.NetworkReads;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read side that the REST API and the console share. Redis failures surface as {@link
 * NetworkUnavailableException} so callers can answer 503 / show a banner instead of a stack trace.
 */
@ApplicationScoped
public class NetworkView {
  @Inject NetworkReads reads;
  @Inject StreamSource streams;
  @Inject PerseusConfig config;

  private NetworkReader network;
  private ActivityReader activity;
  private LivenessRule rule;
  private final SnapshotCache snapshots = new SnapshotCache(SNAPSHOT_MAX_AGE);

  /** How long one read of the whole network is shared among callers. */
  public static final java.time.Duration SNAPSHOT_MAX_AGE = java.time.Duration.ofMillis(250);

  @PostConstruct
  void init() {
    rule = new LivenessRule(config.lease().heartbeatInterval());
    network = new NetworkReader(reads, rule, Clock.systemUTC());
    activity = new ActivityReader(streams);
  }

  /** The whole network, read at most {@link #SNAPSHOT_MAX_AGE} ago. */
  public NetworkSnapshot snapshot() {
    return guarded(() -> snapshots.get(network::read));
  }

  /** One exchange, without reading the rest of the network. */
  public Optional<ExchangeStatus> exchange(String exchange) {
    return guarded(() -> network.readOne(exchange));
  }

  /** The ids of every known exchange, without reading their keys. */
  public List<String> knownExchanges() {
    return guarded(network::knownExchanges);
  }

  public ActivityPage activity(ActivityQuery query) {
    return guarded(() -> activity.read(query));
  }

  /** The length of each exchange's activity stream, in one batch. */
  public Map<String, Long> streamLengths(List<String> exchanges) {
    return guarded(() -> streams.lengths(exchanges));
  }

  /** Every Redis node answers. */
  public boolean redisReachable() {
    return network.ping();
  }

  public LivenessRule liveness() {
    return rule;
  }

  private static <T> T guarded(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      if (NetworkUnavailableException.isRedisFailure(e)) throw new NetworkUnavailableException(e);
      throw e;
    }
  }
}
