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
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RedisConnectionException || t instanceof RedisTimeoutException
          || t instanceof RedisResponseTimeoutException || t instanceof RedisNodeNotFoundException
          || t instanceof RedisLoadingException || t instanceof RedisClusterDownException
          || t instanceof RedisMasterDownException || t instanceof RedisTryAgainException
          || t instanceof RedisRetryException || t instanceof RedisWrongPasswordException
          || t instanceof RedisAuthRequiredException) {
        return true;
      }
    }
    return false;
  }
}
