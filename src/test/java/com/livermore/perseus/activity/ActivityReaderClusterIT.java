package com.livermore.perseus.activity;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The merged reader on a real 3-master Redis Cluster: the streams of one page live on different
 * nodes.
 */
class ActivityReaderClusterIT extends ActivityReaderContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.cluster();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
