package com.livermore.perseus.store;

import com.livermore.perseus.activity.StreamSource;
import com.livermore.perseus.config.PerseusConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.redisson.api.RedissonClient;

/**
 * Builds every store once per deployment: the instance's stores on its own Redis client, the read
 * side (network reads, activity ranges, the death-notice ledger) on the readers' client. Nothing
 * else in the application creates a store or a {@link Keys}.
 */
@ApplicationScoped
public class StoreProducer {
  @Inject PerseusConfig config;
  @Inject RedissonClient readers;
  @Inject @InstanceConnection RedissonClient instanceClient;

  private InstanceStores instance;
  private NetworkReads network;
  private StreamRanges streams;
  private NoticeLedger notices;

  @PostConstruct
  void build() {
    Keys keys = new Keys(config.redis().keyPrefix());
    instance =
        InstanceStores.on(
            instanceClient,
            keys,
            config.activity(),
            config.redis().replicaAcks(),
            Clock.systemUTC());
    network = new NetworkReads(readers, keys, config.redis().mode());
    streams = new StreamRanges(readers, keys);
    notices = new NoticeLedger(readers, keys);
  }

  @Produces
  public InstanceStores instanceStores() {
    return instance;
  }

  @Produces
  public LeaseStore leases() {
    return instance.leases();
  }

  @Produces
  public ActivityLog activityLog() {
    return instance.activity();
  }

  @Produces
  public CommandBus commandBus() {
    return instance.commands();
  }

  @Produces
  public NetworkReads networkReads() {
    return network;
  }

  @Produces
  public StreamSource streamSource() {
    return streams;
  }

  @Produces
  public NoticeLedger noticeLedger() {
    return notices;
  }
}
