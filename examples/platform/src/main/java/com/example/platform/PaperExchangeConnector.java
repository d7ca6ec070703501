package com.example.platform;

import com.livermore.perseus.lifecycle.ConnectorContext;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import jakarta.enterprise.context.Dependent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A platform's own connector, selected with {@code perseus.connector=paper}: a paper-trading
 * exchange. It shows what each lifecycle step may do.
 *
 * <ul>
 *   <li>{@link #prepare} (a warm standby, no lease): read-only work. It loads the symbol list, but
 *       never places an order or writes anywhere an owner writes.
 *   <li>{@link #start} ({@code starting}, the lease is held): opens the trading session.
 *   <li>{@link #warmUp} ({@code warming}): loads whatever {@code prepare} did not.
 *   <li>Active: trades, and checks {@link ConnectorContext#stopRequested()} before every order. It
 *       stamps every order with {@link ConnectorContext#epoch()}, so that the exchange side can
 *       refuse a superseded owner.
 *   <li>{@link #stop} ({@code stopping}): closes everything, at once, from any state.
 * </ul>
 */
@Dependent
public class PaperExchangeConnector implements ExchangeConnector {
  private static final Logger LOG = Logger.getLogger(PaperExchangeConnector.class.getName());
  private static final int SYMBOLS = 40;

  private final List<String> symbols = new CopyOnWriteArrayList<>();
  private volatile boolean prepared;
  private volatile ScheduledExecutorService trading;
  private volatile long orders;

  @Override
  public String name() {
    return "paper";
  }

  @Override
  public void prepare(ConnectorContext context) throws InterruptedException {
    load(context);
    prepared = !context.stopRequested();
    LOG.info(
        "paper: prepared "
            + symbols.size()
            + " symbols for "
            + context.exchange()
            + " as a standby (read-only, epoch "
            + context.epoch()
            + ")");
  }

  @Override
  public void start(ConnectorContext context) {
    LOG.info("paper: trading session opened for " + context.exchange() + " under epoch " + context.epoch());
  }

  @Override
  public void warmUp(ConnectorContext context) throws InterruptedException {
    if (prepared) {
      LOG.info("paper: warm-up has nothing left to load for " + context.exchange());
    } else {
      load(context);
      LOG.info("paper: warmed up " + symbols.size() + " symbols for " + context.exchange());
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(() -> trade(context), 1, 1, TimeUnit.SECONDS);
    trading = timer;
  }

  /** One paper order, only while this instance may act as the owner, stamped with its epoch. */
  private void trade(ConnectorContext context) {
    if (context.stopRequested()) return;
    orders++;
    LOG.fine(() -> "paper: order " + orders + " on " + context.exchange() + " epoch " + context.epoch());
  }

  private void load(ConnectorContext context) throws InterruptedException {
    symbols.clear();
    for (int i = 1; i <= SYMBOLS && !context.stopRequested(); i++) {
      Thread.sleep(50); // a symbol's reference data, fetched read-only
      symbols.add("SYM" + i);
      context.progress(i * 100 / SYMBOLS);
    }
  }

  @Override
  public int symbolCount() {
    return symbols.size();
  }

  @Override
  public void stop() {
    ScheduledExecutorService timer = trading;
    if (timer != null) timer.shutdownNow();
    trading = null;
    prepared = false;
    symbols.clear();
  }
}
