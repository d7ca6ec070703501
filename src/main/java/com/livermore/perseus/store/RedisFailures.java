package com.livermore.perseus.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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

/** Tells what a Redis client failure means, so that no caller needs to know Redisson's classes. */
public final class RedisFailures {
  private RedisFailures() {}

  /**
   * True when {@code e} (or a cause) says Redis is not available: no connection, a timeout, or a
   * node that cannot serve (loading, cluster down, failover in progress). A server error about the
   * data itself (such as WRONGTYPE) is not an outage.
   */
  public static boolean isOutage(Throwable e) {
    return isOutage(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** True when Redis refused a command because a key holds another type (WRONGTYPE). */
  public static boolean isWrongType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("WRONGTYPE")) return true;
    }
    return false;
  }

  /**
   * Walks causes and suppressed exceptions: Redisson reports a refused connection as a suppressed
   * or nested IOException.
   */
  private static boolean isOutage(Throwable t, Set<Throwable> seen) {
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
        || t instanceof java.io.IOException
        || t instanceof LeaseStore.NoAnswerException) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (isOutage(s, seen)) return true;
    }
    return isOutage(t.getCause(), seen);
  }
}
