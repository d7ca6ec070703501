/**
 * Operator commands ({@code start}, {@code stop}, {@code force-start}): the values as they travel
 * through Redis, and the service the API and the console call, which completes when the owning
 * instance announces the outcome. Depends on network (liveness), notify, the stores and the domain.
 */
package com.livermore.perseus.command;
