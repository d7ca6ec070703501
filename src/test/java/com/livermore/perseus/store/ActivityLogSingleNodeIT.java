package com.livermore.perseus.store;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The activity log's trimming and throttling on one real redis-server. */
class ActivityLogSingleNodeIT extends ActivityLogContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.singleNode();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
