package com.livermore.perseus.store;

import com.livermore.perseus.config.ActivitySettings;
import com.livermore.perseus.config.ReplicaAckSettings;
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

  /** Stores that never wait for a replica. */
  public static InstanceStores on(
      RedissonClient redisson, Keys keys, ActivitySettings activity, Clock clock) {
    return on(redisson, keys, activity, null, clock);
  }

  /** Stores whose claims and renewals wait for the replicas {@code acks} asks for (null: none). */
  public static InstanceStores on(
      RedissonClient redisson,
      Keys keys,
      ActivitySettings activity,
      ReplicaAckSettings acks,
      Clock clock) {
    return new InstanceStores(
        keys,
        acks == null ? new LeaseStore(redisson, keys) : new LeaseStore(redisson, keys, acks),
        new ExchangeDirectory(redisson, keys),
        new ActivityLog(redisson, keys, activity, clock),
        new CommandBus(redisson, keys));
  }
}
