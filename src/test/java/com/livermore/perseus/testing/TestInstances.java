package com.livermore.perseus.testing;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceAssembly;
import com.livermore.perseus.lifecycle.ExchangeConnector;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.store.InstanceStores;
import com.livermore.perseus.store.Keys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.redisson.api.RedissonClient;

/**
 * Instances in the test JVM, each built by {@link InstanceAssembly} exactly as the WAR builds it,
 * on one Redisson client, with a heartbeat the test starts (as the EJB timer would) or drives by
 * hand. {@link #close()} stops the heartbeats and shuts down every instance still listed.
 */
public final class TestInstances implements AutoCloseable {
  private final RedissonClient redisson;
  private final Keys keys;
  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ScheduledExecutorService beats = Executors.newScheduledThreadPool(8);
  private final List<ExchangeInstance> running = new CopyOnWriteArrayList<>();

  /** Instances keeping their leases through {@code redisson}, with keys under {@code prefix}. */
  public TestInstances(RedissonClient redisson, String prefix) {
    this.redisson = redisson;
    this.keys = new Keys(prefix);
  }

  public Keys keys() {
    return keys;
  }

  /** A new instance of {@code config} with the simulated connector, not yet started. */
  public ExchangeInstance create(PerseusConfig config) {
    return create(config, new SimulatedConnector(config.connector()));
  }

  public ExchangeInstance create(PerseusConfig config, ExchangeConnector connector) {
    return create(config, connector, UnaryOperator.identity());
  }

  /** As {@link #create(PerseusConfig, ExchangeConnector)}, with more of the assembly set. */
  public ExchangeInstance create(
      PerseusConfig config, ExchangeConnector connector, UnaryOperator<InstanceAssembly> more) {
    ExchangeInstance instance =
        more.apply(
                InstanceAssembly.of(
                        config,
                        InstanceStores.on(
                            redisson,
                            keys,
                            config.activity(),
                            config.redis().replicaAcks(),
                            Clock.systemUTC()))
                    .connector(connector)
                    .worker(worker)
                    .scheduler(beats))
            .build();
    running.add(instance);
    return instance;
  }

  /** Starts {@code instance} and its heartbeat at its configured interval. */
  public ScheduledFuture<?> startBeating(ExchangeInstance instance, PerseusConfig config) {
    instance.start();
    return beat(instance, config);
  }

  /** The heartbeat alone, at the configured interval, as the EJB timer drives it. */
  public ScheduledFuture<?> beat(ExchangeInstance instance, PerseusConfig config) {
    long interval = config.lease().heartbeatInterval().toMillis();
    return beats.scheduleAtFixedRate(
        instance::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** The instance dies without a goodbye: {@link #close()} will not shut it down. */
  public void forget(ExchangeInstance instance) {
    running.remove(instance);
  }

  public List<ExchangeInstance> instances() {
    return new ArrayList<>(running);
  }

  @Override
  public void close() {
    beats.shutdownNow();
    running.forEach(ExchangeInstance::shutdown);
    worker.shutdownNow();
  }
}
