package com.livermore.perseus.bench;

import com.livermore.perseus.config.RedisMode;
import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.store.RedisClientProducer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * The one Redisson client, configured exactly as the application configures its own, that every
 * in-process benchmark uses: a Perseus path and its raw-Redis baseline run over the same
 * connections to the suite's Redis.
 */
final class BenchRedis {
  private static volatile RedissonClient client;

  private BenchRedis() {}

  static RedissonClient connect(String address) {
    client =
        Redisson.create(
            RedisClientProducer.redissonConfig(
                new RedisSettings(
                    List.of(URI.create(address)), RedisMode.SINGLE, Optional.empty(), "")));
    return client;
  }

  /** A client of its own to {@code address}, configured as the application's. */
  static RedissonClient connectTo(String address) {
    return Redisson.create(
        RedisClientProducer.redissonConfig(
            new RedisSettings(
                List.of(URI.create(address)), RedisMode.SINGLE, Optional.empty(), "")));
  }

  private static volatile RedissonClient replicated;
  private static volatile int replicatedPort;

  /** A second client, to a master that has one replica, for the replica-acknowledged rows. */
  static RedissonClient connectReplicated(String address, int port) {
    replicated =
        Redisson.create(
            RedisClientProducer.redissonConfig(
                new RedisSettings(
                    List.of(URI.create(address)), RedisMode.SINGLE, Optional.empty(), "")));
    replicatedPort = port;
    return replicated;
  }

  static RedissonClient replicated() {
    RedissonClient current = replicated;
    if (current == null) {
      throw new IllegalStateException(
          "No replicated Redis: run the benchmarks through BenchmarkSuite (./mvnw -Pbench verify).");
    }
    return current;
  }

  static int replicatedPort() {
    return replicatedPort;
  }

  static void closeReplicated() {
    if (replicated != null) replicated.shutdown();
  }

  static RedissonClient client() {
    RedissonClient current = client;
    if (current == null) {
      throw new IllegalStateException(
          "No Redis client: run the benchmarks through BenchmarkSuite (./mvnw -Pbench verify).");
    }
    return current;
  }
}
