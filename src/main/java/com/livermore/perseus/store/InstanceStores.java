package com.livermore.perseus.store;

import com.livermore.perseus.config.ActivitySettings;
import java.time.Clock;
import org.redisson.api.RedissonClient;

/**
 * The stores an instance keeps its exchange with, all on one Redis client (the instance's own
 * connection in the container, so that readers never delay a heartbeat).
 */
public record InstanceStores(
    Keys keys,
    LeaseStore leases,
    ExchangeDirectory directory,
    ActivityLog activity,
    CommandBus commands) {

  public static InstanceStores on(
      RedissonClient redisson, Keys keys, ActivitySettings activity, Clock clock) {
    return new InstanceStores(
        keys,
        new LeaseStore(redisson, keys),
        new ExchangeDirectory(redisson, keys),
        new ActivityLog(redisson, keys, activity, clock),
        new CommandBus(redisson, keys));
  }
}
