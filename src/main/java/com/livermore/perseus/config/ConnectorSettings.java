package com.livermore.perseus.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code ExchangeConnector} does the exchange work, and how the simulated one behaves
 * (warm-up time, symbol count, an optional injected failure: {@code none}, {@code start}, {@code
 * warmup}, {@code periodic}), and whether a standby prepares its connector while it waits.
 */
public record ConnectorSettings(
    String name,
    Duration simulatedWarmup,
    int simulatedSymbols,
    String simulatedFailure,
    boolean warmStandby) {
  public static final String CONNECTOR = "perseus.connector";
  public static final String SIMULATOR_WARMUP = "perseus.simulator.warmup";
  public static final String SIMULATOR_SYMBOLS = "perseus.simulator.symbols";
  public static final String SIMULATOR_FAILURE = "perseus.simulator.failure";

  /** A standby prepares its connector while it waits ({@code ExchangeConnector.prepare}). */
  public static final String STANDBY_WARM = "perseus.standby.warm";

  public ConnectorSettings(
      String name, Duration simulatedWarmup, int simulatedSymbols, String simulatedFailure) {
    this(name, simulatedWarmup, simulatedSymbols, simulatedFailure, false);
  }

  private static final Set<String> FAILURES = Set.of("none", "start", "warmup", "periodic");

  public static ConnectorSettings read(ConfigValues values) {
    String name = values.text(CONNECTOR, "simulated");
    Duration warmup = values.duration(SIMULATOR_WARMUP, "5s");
    long symbols = values.number(SIMULATOR_SYMBOLS, 120, 0, 1_000_000);
    String failure = values.text(SIMULATOR_FAILURE, "none").toLowerCase(Locale.ROOT);
    if (!FAILURES.contains(failure)) {
      throw new InvalidConfigurationException(
          SIMULATOR_FAILURE
              + " must be one of none, start, warmup, periodic, but was '"
              + failure
              + "'.");
    }
    return new ConnectorSettings(
        name, warmup, (int) symbols, failure, values.flag(STANDBY_WARM, false));
  }
}
