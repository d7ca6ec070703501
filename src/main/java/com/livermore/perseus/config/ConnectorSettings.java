package com.livermore.perseus.config;

import java.time.Duration;

/**
 * Which {@code ExchangeConnector} does the exchange work, and how the simulated one behaves
 * (warm-up time, symbol count, an optional injected failure: {@code none}, {@code start}, {@code
 * warmup}, {@code periodic}).
 */
public record ConnectorSettings(
    String name, Duration simulatedWarmup, int simulatedSymbols, String simulatedFailure) {}
