package com.livermore.perseus.reliability;

import com.livermore.perseus.activity.ActivityLog;
import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.config.RedisClientProducer;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceIdentity;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.registry.Keys;
import com.livermore.perseus.registry.LeaseStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Many Perseus instances in the test JVM, each as the WAR builds it (configuration read by {@link
 * ConfigurationReader}, the production Redisson configuration, the simulated connector), each with
 * its own heartbeat; for scenarios that need more instances than Payara processes fit on one
 * machine.
 */
public final class InProcessNetwork implements AutoCloseable {
  private final Map<String, String> base;
  private final RedissonClient redisson;
  private final Keys keys;
  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ScheduledExecutorService beats = Executors.newScheduledThreadPool(8);
  private final List<ExchangeInstance> instances = new CopyOnWriteArrayList<>();

  /** {@code base}: the configuration every instance shares (Redis address, interval, TTL, ...). */
  public InProcessNetwork(Map<String, String> base) {
    this.base = Map.copyOf(base);
    PerseusConfig config = read(Map.of("perseus.exchange", "any"));
    this.redisson = Redisson.create(RedisClientProducer.redissonConfig(config.redis()));
    this.keys = new Keys(config.redis().keyPrefix());
  }

  /** Starts an instance for {@code exchange} and its heartbeat at the configured interval. */
  public ExchangeInstance start(String exchange) {
    PerseusConfig config = read(Map.of("perseus.exchange", exchange));
    Clock clock = Clock.systemUTC();
    ExchangeInstance instance =
        new ExchangeInstance(
            config,
            InstanceIdentity.detect(config.admin()),
            new LeaseStore(redisson, keys),
            new ActivityLog(redisson, keys::activity, config.activity(), clock),
            new SimulatedConnector(config),
            worker,
            clock);
    instances.add(instance);
    instance.start();
    long interval = config.lease().heartbeatInterval().toMillis();
    beats.scheduleAtFixedRate(instance::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    return instance;
  }

  public List<ExchangeInstance> instances() {
    return new ArrayList<>(instances);
  }

  public RedissonClient redisson() {
    return redisson;
  }

  public Keys keys() {
    return keys;
  }

  private PerseusConfig read(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(base);
    values.putAll(extra);
    return ConfigurationReader.read(name -> Optional.ofNullable(values.get(name)));
  }

  @Override
  public void close() {
    beats.shutdownNow();
    instances.forEach(ExchangeInstance::shutdown);
    worker.shutdownNow();
    redisson.shutdown();
  }
}
