package com.livermore.perseus.store;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The activity log's trimming and throttling on a real 3-master Redis Cluster. */
class ActivityLogClusterIT extends ActivityLogContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.cluster();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
