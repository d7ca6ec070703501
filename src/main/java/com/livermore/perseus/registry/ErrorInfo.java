package com.livermore.perseus.registry;

import java.time.Instant;

/** The newest error of an instance's exchange work: {@code {message, at}}. */
public record ErrorInfo(String message, Instant at) {}
