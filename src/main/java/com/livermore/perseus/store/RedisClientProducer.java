package com.livermore.perseus.store;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.config.RedisMode;
import com.livermore.perseus.config.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SslVerificationMode;

/**
 * The application's two Redisson clients: one for reads (the API and the console) and one, {@link
 * InstanceConnection}, for the instance's own lease, so that readers never delay a heartbeat. Both
 * are shut down on undeploy so that a redeploy leaks no threads. Values are plain strings: Perseus
 * writes its JSON itself so any client can read it.
 */
@ApplicationScoped
public class RedisClientProducer {
  private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());

  @Inject PerseusConfig config;

  @Produces
  @ApplicationScoped
  public RedissonClient redisson() {
    RedisSettings redis = config.redis();
    LOG.info(() -> "Connecting to Redis: " + redis);
    return Redisson.create(readerConfig(redis));
  }

  @Produces
  @ApplicationScoped
  @InstanceConnection
  public RedissonClient instanceRedisson() {
    return Redisson.create(redissonConfig(config.redis()));
  }

  public void close(@Disposes RedissonClient client) {
    client.shutdown(0, 5, TimeUnit.SECONDS);
  }

  public void closeInstance(@Disposes @InstanceConnection RedissonClient client) {
    client.shutdown(0, 5, TimeUnit.SECONDS);
  }

  /**
   * The readers' client: more connections and patience than the instance's, because under a crowd
   * of readers a read may wait its turn, and an answer late is better than a 503. That includes
   * taking a pooled connection, which a busy machine may not hand over within the heartbeat's 200
   * ms (one read sends its requests on several connections at once). A Redis that is down still
   * fails within about a second (connection refused, one retry).
   */
  public static Config readerConfig(RedisSettings redis) {
    Config c = redissonConfig(redis);
    BaseConfig<?> base = base(c, redis.mode());
    base.setTimeout(10_000).setRetryInterval(1_000);
    // Redisson's own back-off (up to 10 s): a reader's request to a Redis that is down fails fast
    // (a 503) instead of waiting for reconnection attempts until its timeout.
    base.setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(10)));
    // 64 connections: with logins cached, 200 polling clients reach Redis at full speed, and a
    // console page sends several reads at once.
    if (redis.mode() == RedisMode.SINGLE) {
      c.useSingleServer().setConnectionPoolSize(64).setConnectionMinimumIdleSize(4);
    } else if (redis.mode() == RedisMode.SENTINEL) {
      c.useSentinelServers().setMasterConnectionPoolSize(64).setMasterConnectionMinimumIdleSize(4);
    }
    return c;
  }

  /** Short timeouts: a heartbeat must fail fast and quietly rather than hang in retries. */
  public static Config redissonConfig(RedisSettings redis) {
    Config c = new Config();
    c.setCodec(StringCodec.INSTANCE);
    c.setUseScriptCache(true);
    c.setThreads(4);
    c.setNettyThreads(8);
    c.setLazyInitialization(true);
    BaseConfig<?> base;
    switch (redis.mode()) {
      case CLUSTER -> {
        // Reads go to masters: a replica may lag the lease a renewal just wrote.
        var cluster = c.useClusterServers().setScanInterval(2000).setReadMode(ReadMode.MASTER);
        redis.addresses().stream().map(URI::toString).forEach(cluster::addNodeAddress);
        base = cluster;
      }
      case SENTINEL -> {
        // The lease is read and written on the master only; the sentinels say which node it is.
        var sentinel =
            c.useSentinelServers()
                .setMasterName(redis.sentinelMaster().orElseThrow())
                .setReadMode(ReadMode.MASTER)
                .setScanInterval(1000)
                .setCheckSentinelsList(false)
                .setMasterConnectionMinimumIdleSize(2)
                .setMasterConnectionPoolSize(16)
                .setSlaveConnectionMinimumIdleSize(0);
        redis.addresses().stream().map(URI::toString).forEach(sentinel::addSentinelAddress);
        base = sentinel;
      }
      default ->
          base =
              c.useSingleServer()
                  .setAddress(redis.addresses().get(0).toString())
                  .setConnectionMinimumIdleSize(2)
                  .setConnectionPoolSize(16);
    }
    base.setTimeout(3000)
        .setConnectTimeout(3000)
        .setRetryAttempts(1)
        .setRetryInterval(200)
        .setPingConnectionInterval(5000)
        // Redisson's default backs reconnection off up to 10 s: after a Redis restart or failover
        // an owner could stay cut off for most of its TTL. At most a second between attempts (the
        // readers' client keeps the default, see readerConfig).
        .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(50), Duration.ofSeconds(1)));
    redis.username().ifPresent(base::setUsername);
    redis.password().ifPresent(base::setPassword);
    // Hostnames are verified; the CA and client certificate come from perseus.redis.tls.*.
    base.setSslVerificationMode(SslVerificationMode.STRICT);
    TlsStores.trust(redis.tls()).ifPresent(base::setSslTrustManagerFactory);
    TlsStores.keys(redis.tls()).ifPresent(base::setSslKeyManagerFactory);
    return c;
  }

  private static BaseConfig<?> base(Config c, RedisMode mode) {
    return switch (mode) {
      case CLUSTER -> c.useClusterServers();
      case SENTINEL -> c.useSentinelServers();
      default -> c.useSingleServer();
    };
  }
}
