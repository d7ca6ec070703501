/**
 * The JAX-RS boundary under {@code /api}: resources for the network, its activity and its events,
 * RFC 9457 problem responses, and Jackson as the JSON writer. Depends on network (never on
 * Redisson); the same read service backs the console.
 */
package com.livermore.perseus.api;
