package com.livermore.perseus.config;

import java.time.Duration;

/** Heartbeat interval and lease time-to-live; the TTL is at least three intervals. */
public record LeaseSettings(Duration heartbeatInterval, Duration ttl) {}
