package com.livermore.perseus.network;

import com.livermore.perseus.config.PerseusConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices when a lease, a state or a liveness changes and tells its listeners (the SSE endpoint).
 * Instead of polling every lease all the time it checks exactly when something can next change: the
 * earliest lease expiry (from the record's {@code lastHeartbeat + leaseTtlMs}, or its PTTL) or the
 * moment a heartbeat turns late, and at the latest once per heartbeat interval. It runs only while
 * someone listens: SSE clients, and the death records (every instance, from start-up).
 */
@ApplicationScoped
public class NetworkWatcher {
  private static final Logger LOG = Logger.getLogger(NetworkWatcher.class.getName());
  private static final long MIN_DELAY_MS = 100;

  @Inject NetworkView network;
  @Inject PerseusConfig config;
  @Resource ManagedScheduledExecutorService scheduler;

  private final CopyOnWriteArraySet<Consumer<NetworkSnapshot>> listeners =
      new CopyOnWriteArraySet<>();
  private Map<String, String> fingerprints = Map.of();
  private ScheduledFuture<?> next;
  private boolean redisDown;

  /**
   * Starts telling {@code listener} about changes; it first gets nothing — callers send the current
   * view themselves.
   */
  public synchronized void subscribe(Consumer<NetworkSnapshot> listener) {
    listeners.add(listener);
    if (next == null || next.isDone()) schedule(0);
  }

  public synchronized void unsubscribe(Consumer<NetworkSnapshot> listener) {
    listeners.remove(listener);
  }

  @PreDestroy
  synchronized void stop() {
    listeners.clear();
    if (next != null) next.cancel(false);
  }

  private synchronized void schedule(long delayMs) {
    if (listeners.isEmpty()) {
      next = null;
      return;
    }
    next = scheduler.schedule(this::check, delayMs, TimeUnit.MILLISECONDS);
  }

  private void check() {
    long delay = config.lease().heartbeatInterval().toMillis();
    try {
      NetworkSnapshot snapshot = network.snapshot();
      redisDown = false;
      Map<String, String> now = fingerprint(snapshot.exchanges());
      boolean changed = !now.equals(fingerprints);
      fingerprints = now;
      if (changed) listeners.forEach(l -> tell(l, snapshot));
      delay = Math.min(delay, untilNextPossibleChange(snapshot.exchanges()));
    } catch (RuntimeException e) {
      if (!redisDown)
        LOG.log(Level.WARNING, "Network watcher cannot read Redis: " + e.getMessage());
      redisDown = true;
    }
    schedule(Math.max(MIN_DELAY_MS, delay));
  }

  /**
   * One listener's failure (a death record Redis refused, say) never keeps the others uninformed.
   */
  private static void tell(Consumer<NetworkSnapshot> listener, NetworkSnapshot snapshot) {
    try {
      listener.accept(snapshot);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A network listener failed: " + e, e);
    }
  }

  private long untilNextPossibleChange(List<ExchangeStatus> exchanges) {
    long soonest = Long.MAX_VALUE;
    long lateAfter = network.liveness().lateAfter().toMillis();
    for (ExchangeStatus s : exchanges) {
      if (s.leaseExpiresInMs() != null) soonest = Math.min(soonest, s.leaseExpiresInMs() + 20);
      if (s.liveness() == Liveness.ALIVE && s.heartbeatAgeMs() != null) {
        soonest = Math.min(soonest, lateAfter - s.heartbeatAgeMs() + 20);
      }
    }
    return soonest;
  }

  private static Map<String, String> fingerprint(List<ExchangeStatus> exchanges) {
    Map<String, String> out = new HashMap<>();
    for (ExchangeStatus s : exchanges) out.put(s.exchange(), fingerprint(s));
    return out;
  }

  /**
   * What makes a change worth telling for one exchange: liveness, state, owner and epoch, problem.
   * Heartbeats alone do not count.
   */
  public static String fingerprint(ExchangeStatus s) {
    var r = s.record();
    return s.liveness()
        + "|"
        + s.state()
        + "|"
        + (r == null ? "" : r.instanceId() + "|" + r.epoch())
        + "|"
        + Objects.toString(s.problem(), "");
  }
}
