package com.livermore.perseus.lifecycle;

/**
 * The exchange work itself, behind an SPI: the trading platform provides its real adapters as CDI
 * beans implementing this interface, and {@code perseus.connector} selects one by {@link #name()}.
 * Perseus calls {@link #start} in {@code starting}, {@link #warmUp} in {@code warming} and {@link
 * #stop} in {@code stopping}, each only after the state was recorded. With {@code
 * perseus.standby.warm=true} a standby calls {@link #prepare} while it waits, and the owner's
 * {@code starting} begins only once that preparation has ended.
 */
public interface ExchangeConnector {

  /** The name {@code perseus.connector} selects this connector by. */
  String name();

  /** Connects to the exchange. An exception aborts the start (the instance goes to stopping). */
  void start(ConnectorContext context) throws Exception;

  /** Loads what trading needs, reporting progress 0–100 through the context. */
  void warmUp(ConnectorContext context) throws Exception;

  /**
   * Gets ready to trade without trading: connect read-only, load symbols, warm caches. Called on a
   * standby, which holds no lease: it must not place orders, write to any system an owner writes
   * to, or do anything only an owner may ({@link ConnectorContext#epoch()} is 0 here). Report
   * progress 0–100; stop early when {@link ConnectorContext#stopRequested()} (the instance shuts
   * down). {@link #warmUp} on the claim that follows should then skip what is already done. An
   * exception leaves the standby cold: it warms up in full when it claims. The default does
   * nothing, so a connector without a preparation keeps working as before.
   */
  default void prepare(ConnectorContext context) throws Exception {}

  /** Symbols currently served; shown on the console. */
  int symbolCount();

  /** Disconnects; must return promptly and be safe to call in any state. */
  void stop();
}
