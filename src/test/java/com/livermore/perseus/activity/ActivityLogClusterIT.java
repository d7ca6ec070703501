package com.livermore.perseus.activity;

import com.livermore.perseus.testing.RedisBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The activity log's trimming and throttling on a real 3-master Redis Cluster. */
class ActivityLogClusterIT extends ActivityLogContract {
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
