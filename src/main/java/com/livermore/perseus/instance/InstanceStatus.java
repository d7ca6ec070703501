package com.livermore.perseus.instance;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.ErrorInfo;
import java.time.Instant;

/**
 * A consistent snapshot of this instance for health checks and the console: its role, lease epoch
 * (0 when none), lifecycle state, the holder that refused its claim (if any), and whether Redis
 * answered the last call.
 */
public record InstanceStatus(
    String exchange,
    String instanceId,
    InstanceRole role,
    long epoch,
    ConnectionState state,
    Instant stateSince,
    String conflictHolder,
    boolean redisReachable,
    ErrorInfo lastError) {}
