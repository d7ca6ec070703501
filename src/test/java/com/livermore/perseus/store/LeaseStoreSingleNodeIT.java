package com.livermore.perseus.store;

import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.RedisBackendExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on one real redis-server. */
class LeaseStoreSingleNodeIT extends LeaseStoreContract {
  @RegisterExtension static final RedisBackendExtension REDIS = RedisBackendExtension.singleNode();

  @Override
  RedisBackend backend() {
    return REDIS.get();
  }
}
