package com.livermore.perseus.reliability;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.store.RedisClientProducer;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Many Perseus instances in the test JVM, each built as the WAR builds it (configuration read by
 * the production reader, the production Redisson configuration, the simulated connector), each with
 * its own heartbeat; for scenarios that need more instances than Payara processes fit on one
 * machine.
 */
public final class InProcessNetwork implements AutoCloseable {
  private final TestConfig base;
  private final RedissonClient redisson;
  private final TestInstances instances;

  /** {@code base}: the configuration every instance shares (Redis, interval, TTL, ...). */
  public InProcessNetwork(TestConfig base) {
    this.base = base.copy();
    PerseusConfig config = base.read();
    this.redisson = Redisson.create(RedisClientProducer.redissonConfig(config.redis()));
    this.instances = new TestInstances(redisson, config.redis().keyPrefix());
  }

  /** Starts an instance for {@code exchange} and its heartbeat at the configured interval. */
  public ExchangeInstance start(String exchange) {
    PerseusConfig config = base.copy().exchangeId(exchange).read();
    ExchangeInstance instance = instances.create(config);
    instances.startBeating(instance, config);
    return instance;
  }

  public List<ExchangeInstance> instances() {
    return instances.instances();
  }

  public RedissonClient redisson() {
    return redisson;
  }

  public Keys keys() {
    return instances.keys();
  }

  /** The owner record in the lease of {@code exchange}, or null while nobody holds it. */
  public OwnerRecord owner(String exchange) {
    String json = redisson.<String>getBucket(keys().instance(exchange), StringCodec.INSTANCE).get();
    return json == null ? null : RecordJson.readOwner(json);
  }

  /** True when each of {@code exchanges} has an owner whose work is active. */
  public boolean everyExchangeActive(List<String> exchanges) {
    return exchanges.stream()
        .map(this::owner)
        .allMatch(lease -> lease != null && lease.state() == ConnectionState.ACTIVE);
  }

  @Override
  public void close() {
    instances.close();
    redisson.shutdown();
  }
}
