package com.livermore.perseus.config;

import java.time.Duration;

/**
 * How the console refreshes and judges: card and activity poll intervals, heartbeat-latency
 * thresholds for the yellow and red indicator, and how long a transient state may last before the
 * card flags it as stuck.
 */
public record ConsoleSettings(
    Duration cardsPoll,
    Duration activityPoll,
    Duration latencyWarn,
    Duration latencyCritical,
    Duration stuckAfter) {}
