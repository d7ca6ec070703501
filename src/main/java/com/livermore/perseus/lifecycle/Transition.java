package com.livermore.perseus.lifecycle;

import java.time.Instant;

/** One validated step of the lifecycle. */
public record Transition(ConnectionState from, ConnectionState to, Instant at) {}
