package com.livermore.perseus.lifecycle;

import com.livermore.perseus.config.ConnectorSettings;
import com.livermore.perseus.config.PerseusConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in exchange for demos and tests, selected with {@code perseus.connector=simulated} (the
 * default): a warm-up of {@code perseus.simulator.warmup} with progress, {@code
 * perseus.simulator.symbols} symbols, and an optional injected failure ({@code
 * perseus.simulator.failure}: {@code start}, {@code warmup}, or {@code periodic} errors while
 * active). As a warm standby it does the warm-up's loading in {@link #prepare}, so the warm-up
 * after a claim is instant. It talks to no real exchange.
 */
@Dependent
public class SimulatedConnector implements ExchangeConnector {
  public static final String NAME = "simulated";
  private static final int STEPS = 10;

  private final ConnectorSettings settings;
  private volatile int symbols;
  private volatile boolean prepared;
  private volatile ScheduledExecutorService errors;

  @Inject
  public SimulatedConnector(PerseusConfig config) {
    this(config.connector());
  }

  public SimulatedConnector(ConnectorSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ConnectorContext context) {
    if ("start".equals(settings.simulatedFailure())) {
      throw new IllegalStateException("Simulated connection failure to " + context.exchange());
    }
  }

  /** The warm-up's loading, done while a standby waits; the warm-up then has nothing left. */
  @Override
  public void prepare(ConnectorContext context) throws InterruptedException {
    prepared = load(context);
  }

  @Override
  public void warmUp(ConnectorContext context) throws InterruptedException {
    if (prepared) {
      context.progress(100);
    } else if (!load(context)) {
      return;
    }
    if ("periodic".equals(settings.simulatedFailure())) {
      startPeriodicErrors(context, Duration.ofSeconds(1));
    }
  }

  /** The simulated loading of symbols, with progress; true when it ran to the end. */
  private boolean load(ConnectorContext context) throws InterruptedException {
    long step = Math.max(0, settings.simulatedWarmup().toMillis() / STEPS);
    for (int i = 1; i <= STEPS && !context.stopRequested(); i++) {
      Thread.sleep(step);
      if (i == STEPS / 2 && "warmup".equals(settings.simulatedFailure())) {
        throw new IllegalStateException("Simulated warm-up failure on " + context.exchange());
      }
      symbols = settings.simulatedSymbols() * i / STEPS;
      context.progress(i * 100 / STEPS);
    }
    return !context.stopRequested();
  }

  private void startPeriodicErrors(ConnectorContext context, Duration every) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "perseus-simulated-errors");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> context.error("Simulated order book gap on " + context.exchange(), null),
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    errors = timer;
  }

  @Override
  public int symbolCount() {
    return symbols;
  }

  @Override
  public void stop() {
    ScheduledExecutorService timer = errors;
    if (timer != null) {
      timer.shutdownNow();
    }
    symbols = 0;
    prepared = false;
  }
}
