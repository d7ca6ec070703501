package com.livermore.perseus.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real Redis (single node or cluster) before a test class and stops it after:
 * {@code @RegisterExtension static final RedisBackendExtension REDIS =
 * RedisBackendExtension.singleNode();}
 */
public final class RedisBackendExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<RedisBackend> factory;
  private RedisBackend backend;

  private RedisBackendExtension(Supplier<RedisBackend> factory) {
    this.factory = factory;
  }

  public static RedisBackendExtension singleNode() {
    return new RedisBackendExtension(RedisBackend::singleNode);
  }

  public static RedisBackendExtension cluster() {
    return new RedisBackendExtension(RedisBackend::cluster);
  }

  public RedisBackend get() {
    return backend;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    backend = factory.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (backend != null) backend.close();
  }
}
