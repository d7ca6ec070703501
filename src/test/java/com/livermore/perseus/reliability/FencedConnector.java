package com.livermore.perseus.reliability;

import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import java.time.Duration;

/**
 * The exchange work of a fault run: once warmed up, it sends an action stamped with its lease's
 * epoch to the {@link FencingSink} every few milliseconds, checking {@link
 * ConnectorContext#stopRequested()} before each, as a real connector should. The run can crash it
 * (it never acts again, as after {@code kill -9}) or freeze it; a frozen connector is caught
 * between its check and its action, the worst moment, so that on waking it acts once unchecked,
 * which the sink's fencing must refuse once a newer owner has acted.
 */
final class FencedConnector implements ExchangeConnector {
  private final String label;
  private final FencingSink sink;
  private final History history;
  private final Duration warmup;
  private final Duration period;
  private final Object gate = new Object();
  private volatile boolean frozen;
  private volatile boolean crashed;
  private volatile Thread loop;

  FencedConnector(
      String label, FencingSink sink, History history, Duration warmup, Duration period) {
    this.label = label;
    this.sink = sink;
    this.history = history;
    this.warmup = warmup;
    this.period = period;
  }

  @Override
  public String name() {
    return "fenced";
  }

  @Override
  public void start(ConnectorContext context) {
    if (crashed) throw new IllegalStateException("crashed");
    history.started(label, context.exchange(), context.epoch(), System.nanoTime());
  }

  @Override
  public void warmUp(ConnectorContext context) throws InterruptedException {
    Thread.sleep(warmup.toMillis());
    if (crashed || context.stopRequested()) return;
    Thread t = new Thread(() -> act(context), "fenced-" + label);
    t.setDaemon(true);
    loop = t;
    t.start();
  }

  private void act(ConnectorContext context) {
    try {
      while (!crashed && !Thread.currentThread().isInterrupted()) {
        Thread.sleep(period.toMillis());
        if (crashed || context.stopRequested()) return;
        awaitThaw(); // a freeze here wakes up past the check
        if (crashed) return;
        sink.offer(label, context.exchange(), context.epoch());
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  private void awaitThaw() throws InterruptedException {
    synchronized (gate) {
      while (frozen && !crashed) gate.wait();
    }
  }

  @Override
  public int symbolCount() {
    return 1;
  }

  @Override
  public void stop() {
    Thread t = loop;
    if (t != null) t.interrupt();
  }

  /** As after {@code kill -9}: the work never acts again. */
  void crash() {
    crashed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
    stop();
  }

  void freeze() {
    frozen = true;
  }

  void thaw() {
    synchronized (gate) {
      frozen = false;
      gate.notifyAll();
    }
  }
}
