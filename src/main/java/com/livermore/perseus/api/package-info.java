/**
 * The JAX-RS boundary under {@code /api}: resources for the network, its activity, its events, the
 * commands and the metrics, RFC 9457 problem responses, and Jackson as the JSON writer. Depends on
 * the services (network, command, metrics) and the domain values; never on a store or Redisson.
 */
package com.livermore.perseus.api;
