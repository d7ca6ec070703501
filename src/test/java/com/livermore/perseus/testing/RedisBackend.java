package com.livermore.perseus.testing;

import com.livermore.perseus.config.RedisMode;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.store.RedisClientProducer;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A real Redis for a test class to run against — one node or a 3-master cluster — with a Redisson
 * client configured exactly as production configures it, and raw connections for independent
 * checks.
 */
public final class RedisBackend implements AutoCloseable {
  private final RedisServer single;
  private final RedisCluster cluster;
  private final RedissonClient redisson;

  private RedisBackend(RedisServer single, RedisCluster cluster) {
    this.single = single;
    this.cluster = cluster;
    this.redisson = Redisson.create(RedisClientProducer.redissonConfig(settings()));
  }

  public static RedisBackend singleNode() {
    return new RedisBackend(RedisServer.start(), null);
  }

  public static RedisBackend cluster() {
    return new RedisBackend(null, RedisCluster.start(3, 0));
  }

  public boolean isCluster() {
    return cluster != null;
  }

  public RedisSettings settings() {
    List<URI> addresses =
        cluster != null
            ? Arrays.stream(cluster.addresses().split(",")).map(URI::create).toList()
            : List.of(URI.create(single.address()));
    return new RedisSettings(
        addresses, cluster != null ? RedisMode.CLUSTER : RedisMode.SINGLE, Optional.empty(), "");
  }

  /** The comma list to put in {@code perseus.redis.address}. */
  public String address() {
    return cluster != null ? cluster.addresses() : single.address();
  }

  public String mode() {
    return cluster != null ? "cluster" : "single";
  }

  public RedissonClient redisson() {
    return redisson;
  }

  /** A raw connection to the node that serves {@code key}. */
  public Resp connectFor(String key) {
    return cluster != null ? cluster.masterFor(key).connect() : single.connect();
  }

  public RedisServer singleServer() {
    return single;
  }

  public RedisCluster redisCluster() {
    return cluster;
  }

  @Override
  public void close() {
    redisson.shutdown();
    if (single != null) single.close();
    if (cluster != null) cluster.close();
  }

  @Override
  public String toString() {
    return mode();
  }
}
