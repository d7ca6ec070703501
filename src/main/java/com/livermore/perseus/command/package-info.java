/**
 * Operator commands ({@code start}, {@code stop}, {@code force-start}): the values, the Redis
 * channel that carries them to the owning instance and brings back the outcome, and the service the
 * API and console call. Depends on network (liveness) and registry (keys, JSON).
 */
package com.livermore.perseus.command;
