package com.livermore.perseus.registry;

import com.livermore.perseus.testing.RedisBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registry contract on one real redis-server. */
class LeaseStoreSingleNodeIT extends LeaseStoreContract {
  static RedisBackend redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisBackend.singleNode();
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
