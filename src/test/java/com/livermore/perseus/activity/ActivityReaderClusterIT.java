package com.livermore.perseus.activity;

import com.livermore.perseus.testing.RedisBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The merged reader on a real 3-master Redis Cluster: the streams of one page live on different nodes. */
class ActivityReaderClusterIT extends ActivityReaderContract {
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
