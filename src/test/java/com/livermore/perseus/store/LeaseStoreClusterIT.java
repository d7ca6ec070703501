package com.livermore.perseus.store;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on a real 3-master Redis Cluster: every script stays in one slot. */
class LeaseStoreClusterIT extends LeaseStoreContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.cluster();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
