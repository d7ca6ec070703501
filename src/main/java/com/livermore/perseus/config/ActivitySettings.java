package com.livermore.perseus.config;

import java.time.Duration;

/** Retention of the activity streams (MINID age and MAXLEN cap) and the error-throttling window. */
public record ActivitySettings(Duration retention, long maxLength, Duration errorWindow) {}
