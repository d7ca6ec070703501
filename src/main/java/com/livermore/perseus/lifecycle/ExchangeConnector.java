package com.livermore.perseus.lifecycle;

/**
 * The exchange work itself, behind an SPI: the trading platform provides its real adapters as CDI
 * beans implementing this interface, and {@code perseus.connector} selects one by {@link #name()}.
 * Perseus calls {@link #start} in {@code starting}, {@link #warmUp} in {@code warming} and {@link
 * #stop} in {@code stopping}, each only after the state was recorded.
 */
public interface ExchangeConnector {

  /** The name {@code perseus.connector} selects this connector by. */
  String name();

  /** Connects to the exchange. An exception aborts the start (the instance goes to stopping). */
  void start(ConnectorContext context) throws Exception;

  /** Loads what trading needs, reporting progress 0–100 through the context. */
  void warmUp(ConnectorContext context) throws Exception;

  /** Symbols currently served; shown on the console. */
  int symbolCount();

  /** Disconnects; must return promptly and be safe to call in any state. */
  void stop();
}
