package com.livermore.perseus.activity;

import com.livermore.perseus.testing.RedisBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The activity log's trimming and throttling on one real redis-server. */
class ActivityLogSingleNodeIT extends ActivityLogContract {
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
