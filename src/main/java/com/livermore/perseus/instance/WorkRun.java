package com.livermore.perseus.instance;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of the exchange work under one lease: starting → warming → active, each state recorded
 * before its work begins; a failure aborts to stopping → stopped. {@link #stop()} ends it early
 * (lease lost or shutdown) and is idempotent.
 */
final class WorkRun implements Runnable, ConnectorContext {
  private static final Logger LOG = Logger.getLogger(WorkRun.class.getName());

  /** The instance side a run needs: recorded transitions, progress and errors. */
  interface Host {
    /** Waits for a standby's preparation still under way (none: returns at once). */
    void awaitPreparation();

    /** Records and enters {@code to}; false when the run must end (lease lost, stop requested). */
    boolean enter(WorkRun run, ConnectionState to);

    void progress(int percent);

    void error(String message, Throwable cause);

    /** True while the lease is held and its deadline has not passed. */
    boolean leaseValid();

    /** The epoch of the lease held now, or of the last one held. */
    long epoch();
  }

  private final String exchange;
  private final ExchangeConnector connector;
  private final Host host;
  private volatile boolean stopRequested;

  /** The epoch this run works under: the lease's when it started, or its re-claim's. */
  private volatile long epoch;

  private volatile boolean connectorStopped;

  WorkRun(String exchange, ExchangeConnector connector, Host host) {
    this.exchange = exchange;
    this.connector = connector;
    this.host = host;
    this.epoch = host.epoch();
  }

  /** Redis lost its data and the owner re-claimed: the same run goes on under {@code next}. */
  void continuesUnder(long next) {
    epoch = next;
  }

  @Override
  public void run() {
    if (!host.enter(this, ConnectionState.STARTING)) return;
    host.awaitPreparation();
    if (!step(() -> connector.start(this))) return;
    if (!host.enter(this, ConnectionState.WARMING)) return;
    if (!step(() -> connector.warmUp(this))) return;
    host.progress(100);
    host.enter(this, ConnectionState.ACTIVE);
  }

  private boolean step(Work work) {
    try {
      work.run();
      return !stopRequested;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      if (stopRequested) return false;
      host.error(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
      abort();
      return false;
    }
  }

  /** A failed start or warm-up: stopping → stopped, recorded like every transition. */
  private void abort() {
    if (host.enter(this, ConnectionState.STOPPING)) {
      stopConnector();
      host.enter(this, ConnectionState.STOPPED);
    }
  }

  /** Asks the run to end and stops the connector; the caller records stopping/stopped itself. */
  void stop() {
    stopRequested = true;
    stopConnector();
  }

  private synchronized void stopConnector() {
    if (connectorStopped) return;
    connectorStopped = true;
    try {
      connector.stop();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Connector " + connector.name() + " failed to stop cleanly on " + exchange,
          e);
    }
  }

  @Override
  public String exchange() {
    return exchange;
  }

  @Override
  public void progress(int percent) {
    if (!stopRequested) host.progress(Math.max(0, Math.min(100, percent)));
  }

  @Override
  public void error(String message, Throwable cause) {
    if (!stopRequested) host.error(message, cause);
  }

  @Override
  public boolean stopRequested() {
    return stopRequested || !host.leaseValid();
  }

  @Override
  public long epoch() {
    return epoch;
  }

  int symbolCount() {
    return connectorStopped ? 0 : connector.symbolCount();
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }
}
