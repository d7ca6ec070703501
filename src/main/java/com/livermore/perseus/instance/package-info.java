/**
 * This instance at run time: its identity, the {@link
 * com.livermore.perseus.instance.ExchangeInstance} that claims the exchange, heartbeats, walks the
 * lifecycle and releases on shutdown, and the container glue (start-up singleton with the heartbeat
 * timer). Depends on registry, activity, lifecycle and config.
 */
package com.livermore.perseus.instance;
