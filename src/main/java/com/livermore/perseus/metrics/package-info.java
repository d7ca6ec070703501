/**
 * Prometheus metrics through Micrometer: leases held, renewal latency, renewal failures, leases
 * lost, stream appends and suppressed events. Depends on instance (the metrics interface it fills).
 */
package com.livermore.perseus.metrics;
