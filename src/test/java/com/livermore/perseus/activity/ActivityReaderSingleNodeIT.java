package com.livermore.perseus.activity;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The merged reader on one real redis-server. */
class ActivityReaderSingleNodeIT extends ActivityReaderContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.singleNode();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
