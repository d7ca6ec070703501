package com.livermore.perseus.instance;

import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.store.ExchangeDirectory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * A warm standby ({@code perseus.standby.warm=true}): while it waits, the connector prepares
 * ({@link ExchangeConnector#prepare}) on the worker, once per standby period, and its progress is
 * kept in {@code exchange:{x}:prepared} for the console. The claim that follows waits for a
 * preparation under way before {@code starting}, so the connector never prepares and starts at
 * once. Off, it does nothing and every standby is cold.
 */
final class StandbyPreparation implements ConnectorContext {
  private static final Logger LOG = Logger.getLogger(StandbyPreparation.class.getName());

  private final boolean enabled;
  private final String exchange;
  private final String instanceId;
  private final ExchangeConnector connector;
  private final ExchangeDirectory directory;
  private final Executor worker;
  private final Duration ttl;
  private CompletableFuture<Void> running;
  private volatile int percent = -1;
  private volatile boolean cancelled;

  StandbyPreparation(
      boolean enabled,
      String exchange,
      String instanceId,
      ExchangeConnector connector,
      ExchangeDirectory directory,
      Executor worker,
      Duration ttl) {
    this.enabled = enabled;
    this.exchange = exchange;
    this.instanceId = instanceId;
    this.connector = connector;
    this.directory = directory;
    this.worker = worker;
    this.ttl = ttl;
  }

  /** This instance waits as a standby: prepares, unless it has (or is) already. */
  synchronized void begin() {
    if (!enabled || cancelled || running != null) return;
    CompletableFuture<Void> done = new CompletableFuture<>();
    running = done;
    percent = 0;
    worker.execute(() -> prepare(done));
  }

  private void prepare(CompletableFuture<Void> done) {
    try {
      write(0);
      connector.prepare(this);
      if (!cancelled) write(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      percent = -1;
      LOG.warning(
          "Connector "
              + connector.name()
              + " could not prepare "
              + exchange
              + " as a standby; it warms up in full when it claims: "
              + e.getMessage());
    } finally {
      done.complete(null);
    }
  }

  /** How far the connector is prepared (0–100), or -1 when this standby prepares nothing. */
  int percent() {
    return enabled ? percent : -1;
  }

  /**
   * The instance claimed: waits for a preparation under way, then forgets it (the run's {@code
   * stop} ends what was prepared, and the next standby period prepares again).
   */
  void awaitAndConsume() {
    CompletableFuture<Void> r;
    synchronized (this) {
      r = running;
      running = null;
    }
    percent = -1;
    if (r == null) return;
    try {
      r.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // prepare() completes normally; nothing to report
    }
  }

  /** Shutdown: a preparation under way is asked to stop. */
  void cancel() {
    cancelled = true;
  }

  private void write(int p) {
    percent = p;
    quietly(() -> directory.prepared(exchange, instanceId, p, ttl));
  }

  private static void quietly(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      // the console shows the standby cold or behind until the next write
    }
  }

  @Override
  public String exchange() {
    return exchange;
  }

  @Override
  public void progress(int p) {
    int clamped = Math.max(0, Math.min(99, p)); // 100 only once prepare returned
    if (clamped != percent && !cancelled) write(clamped);
  }

  @Override
  public void error(String message, Throwable cause) {
    LOG.warning(() -> "While preparing " + exchange + " as a standby: " + message);
  }

  @Override
  public boolean stopRequested() {
    return cancelled;
  }

  /** A standby holds no lease: there is no epoch to stamp, and nothing to write with one. */
  @Override
  public long epoch() {
    return 0;
  }
}
