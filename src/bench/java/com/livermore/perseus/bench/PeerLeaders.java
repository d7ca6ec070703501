package com.livermore.perseus.bench;

import com.livermore.perseus.activity.EventType;
import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.instance.InstanceAssembly;
import com.livermore.perseus.instance.InstanceIdentity;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.store.InstanceStores;
import com.livermore.perseus.store.Keys;
import com.livermore.perseus.testing.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * The same job, "one leader at a time on one Redis key, taken over when the leader dies or leaves",
 * done by Perseus and by two peer libraries, each contender with its own client as if in its own
 * process: Perseus's {@link ExchangeInstance}; Redisson's {@link RLock} held with its watchdog;
 * Spring Integration's {@link LockRegistryLeaderInitiator} over {@link RedisLockRegistry}. All at
 * the same TTL, renewing every TTL / 3. A kill is as after SIGKILL: the contender stops renewing
 * and releases nothing.
 */
final class PeerLeaders {
  private PeerLeaders() {}

  /** One contender for the leadership of {@code key}. */
  interface Leader {
    /** Starts contending; returns at once. */
    void start();

    /** Nanotime at which it became the leader, 0 while it is not. */
    long ledSince();

    /** Leaves cleanly, as the library's own stop does. */
    void release();

    /** Stops renewing and releases nothing, as after SIGKILL. */
    void kill();
  }

  enum Kind {
    PERSEUS("Perseus"),
    REDISSON("Redisson RLock + watchdog"),
    SPRING("Spring Integration LockRegistryLeaderInitiator");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** The shared parts of a run: Redis, the TTL, and threads for Perseus's contenders. */
  record Setup(
      String host,
      int port,
      Duration ttl,
      RedissonClient perseusClient,
      ExecutorService worker,
      ScheduledExecutorService timers) {
    Duration interval() {
      return ttl.dividedBy(3);
    }
  }

  static Leader create(Kind kind, Setup setup, String key) {
    return switch (kind) {
      case PERSEUS -> new PerseusLeader(setup, key);
      case REDISSON -> new RedissonLeader(setup, key);
      case SPRING -> new SpringLeader(setup, key);
    };
  }

  /** Perseus: an instance whose exchange is the key; the leader is the lease owner. */
  static final class PerseusLeader implements Leader {
    private final Setup setup;
    private final PerseusConfig config;
    private final ExchangeInstance instance;
    private volatile ScheduledFuture<?> beat;
    private final AtomicLong since = new AtomicLong();

    PerseusLeader(Setup setup, String key) {
      this.setup = setup;
      this.config =
          TestConfig.exchange(key)
              .keyPrefix("peers:")
              .redis("redis://" + setup.host() + ":" + setup.port())
              .heartbeat(setup.interval().toMillis() + "ms", setup.ttl().toMillis() + "ms")
              .lockDelay("0s")
              .warmup("0s")
              .read();
      InstanceIdentity identity = InstanceIdentity.detect("bench");
      this.instance =
          InstanceAssembly.of(
                  config,
                  InstanceStores.on(
                      setup.perseusClient(),
                      new Keys("peers:"),
                      config.activity(),
                      Clock.systemUTC()))
              .connector(new SimulatedConnector(config))
              .worker(setup.worker())
              .scheduler(setup.timers())
              .identity(identity)
              // The moment it holds the lease: its registered entry, stored by the claim.
              .notifications(
                  e -> {
                    if (e.type() == EventType.REGISTERED
                        && identity.instanceId().equals(e.instanceId())) {
                      since.compareAndSet(0, System.nanoTime());
                    }
                  })
              .build();
    }

    @Override
    public void start() {
      long every = setup.interval().toMillis();
      setup.worker().execute(instance::start);
      beat =
          setup
              .timers()
              .scheduleAtFixedRate(instance::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public long ledSince() {
      return since.get();
    }

    @Override
    public void release() {
      beat.cancel(false);
      instance.shutdown();
    }

    @Override
    public void kill() {
      beat.cancel(false);
    }
  }

  /** Redisson: a client of its own; the leader holds the lock, its watchdog renewing it. */
  static final class RedissonLeader implements Leader {
    private static final AtomicLong THREAD_IDS = new AtomicLong(1_000_000);
    private final RedissonClient client;
    private final RLock lock;
    private final long threadId = THREAD_IDS.incrementAndGet();
    private volatile long since;

    RedissonLeader(Setup setup, String key) {
      Config c = new Config();
      c.useSingleServer()
          .setAddress("redis://" + setup.host() + ":" + setup.port())
          .setConnectionMinimumIdleSize(1)
          .setConnectionPoolSize(2)
          .setSubscriptionConnectionMinimumIdleSize(1)
          .setSubscriptionConnectionPoolSize(2);
      c.setLockWatchdogTimeout(setup.ttl().toMillis());
      c.setThreads(2);
      c.setNettyThreads(2);
      this.client = Redisson.create(c);
      this.lock = client.getLock("peers:redisson:" + key);
    }

    @Override
    public void start() {
      lock.lockAsync(threadId)
          .whenComplete(
              (v, e) -> {
                if (e == null) since = System.nanoTime();
              });
    }

    @Override
    public long ledSince() {
      return since;
    }

    @Override
    public void release() {
      if (since != 0) lock.unlockAsync(threadId).toCompletableFuture().join();
      client.shutdown(0, 2_000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void kill() {
      client.shutdown(0, 0, TimeUnit.MILLISECONDS); // the watchdog goes with it; nothing unlocks
    }
  }

  /** Spring Integration: a connection factory and lock registry of its own, and the initiator. */
  static final class SpringLeader implements Leader {
    private final LettuceConnectionFactory factory;
    private final RedisLockRegistry registry;
    private final LockRegistryLeaderInitiator initiator;
    private volatile long since;
    private final java.util.concurrent.CountDownLatch revoked =
        new java.util.concurrent.CountDownLatch(1);

    SpringLeader(Setup setup, String key) {
      factory =
          new LettuceConnectionFactory(
              new RedisStandaloneConfiguration(setup.host(), setup.port()));
      factory.afterPropertiesSet();
      factory.start();
      registry = new RedisLockRegistry(factory, "peers:spring", setup.ttl().toMillis());
      initiator =
          new LockRegistryLeaderInitiator(
              registry,
              new DefaultCandidate(Long.toString(System.nanoTime()), key) {
                @Override
                public void onGranted(Context ctx) {
                  since = System.nanoTime();
                }

                @Override
                public void onRevoked(Context ctx) {
                  revoked.countDown(); // after the initiator's own unlock
                }
              });
      initiator.setHeartBeatMillis(setup.interval().toMillis());
    }

    @Override
    public void start() {
      initiator.start();
    }

    @Override
    public long ledSince() {
      return since;
    }

    @Override
    public void release() {
      initiator.stop(); // interrupts its thread, which unlocks and then revokes
      try {
        if (since != 0) revoked.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      registry.destroy();
      factory.destroy();
    }

    @Override
    public void kill() {
      factory
          .destroy(); // no connection left: the unlock in the initiator's stop cannot reach Redis
      initiator.stop();
      registry.destroy();
    }
  }
}
