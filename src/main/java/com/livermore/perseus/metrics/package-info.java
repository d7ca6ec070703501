/**
 * Prometheus metrics through Micrometer: leases held, renewal latency, renewal failures, leases
 * lost, stream appends, suppressed events, and the webhook notifier's deliveries, failures,
 * retries, drops and queue. Depends on instance (the metrics interface it fills) and notify.
 */
package com.livermore.perseus.metrics;
