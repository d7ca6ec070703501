package com.livermore.perseus.registry;

import com.livermore.perseus.testing.RedisBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registry contract on a real 3-master Redis Cluster: every script stays in one slot. */
class LeaseStoreClusterIT extends LeaseStoreContract {
  static RedisBackend redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisBackend.cluster();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  RedisBackend backend() {
    return redis;
  }
}
