package com.livermore.perseus.registry;

/** Proof of ownership: this instance holds {@code exchange} under fencing token {@code epoch}. */
public record Lease(String exchange, String instanceId, long epoch) {}
