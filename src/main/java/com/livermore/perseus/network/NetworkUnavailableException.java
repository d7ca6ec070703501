package com.livermore.perseus.network;

import com.livermore.perseus.store.RedisFailures;

/** Redis did not answer; the network cannot be read right now. */
public class NetworkUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NetworkUnavailableException(Throwable cause) {
    super("Redis is unreachable: " + cause.getClass().getSimpleName(), cause);
  }

  /**
   * True when {@code e} (or a cause) says Redis is not available: no connection, a timeout, or a
   * node that cannot serve (loading, cluster down, failover in progress). A server error about the
   * data itself (such as WRONGTYPE) is not an outage.
   */
  public static boolean isRedisFailure(Throwable e) {
    return RedisFailures.isOutage(e);
  }
}
