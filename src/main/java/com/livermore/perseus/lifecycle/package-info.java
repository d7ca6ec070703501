/**
 * The connection lifecycle of an exchange: its states, the one transition map, the state machine
 * that is the only way state changes, and the {@link
 * com.livermore.perseus.lifecycle.ExchangeConnector} SPI with the simulated connector. Pure logic
 * except the connector beans; depends only on config.
 */
package com.livermore.perseus.lifecycle;
