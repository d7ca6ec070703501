package com.livermore.perseus.network;

import org.redisson.client.RedisAuthRequiredException;
import org.redisson.client.RedisClusterDownException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisMasterDownException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisTryAgainException;
import org.redisson.client.RedisWrongPasswordException;

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
    return isOutage(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  /**
   * Walks causes and suppressed exceptions: Redisson reports a refused connection as a suppressed
   * or nested IOException.
   */
  private static boolean isOutage(Throwable t, java.util.Set<Throwable> seen) {
    if (t == null || !seen.add(t)) return false;
    if (t instanceof RedisConnectionException
        || t instanceof RedisTimeoutException
        || t instanceof RedisResponseTimeoutException
        || t instanceof RedisNodeNotFoundException
        || t instanceof RedisLoadingException
        || t instanceof RedisClusterDownException
        || t instanceof RedisMasterDownException
        || t instanceof RedisTryAgainException
        || t instanceof RedisRetryException
        || t instanceof RedisWrongPasswordException
        || t instanceof RedisAuthRequiredException
        || t instanceof java.io.IOException) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (isOutage(s, seen)) return true;
    }
    return isOutage(t.getCause(), seen);
  }
}
