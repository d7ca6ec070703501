package com.livermore.perseus.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A master, its replicas and three sentinels (quorum 2), all real {@code redis-server} processes on
 * free loopback ports, for Perseus in {@code perseus.redis.mode=sentinel}. The sentinels judge a
 * master down after one second of silence.
 */
public final class RedisSentinelSet implements AutoCloseable {
  public static final String MASTER_NAME = "perseus-master";
  public static final Duration DOWN_AFTER = Duration.ofSeconds(1);

  private final List<RedisServer> nodes = new ArrayList<>();
  private final List<RedisServer> sentinels = new ArrayList<>();

  private RedisSentinelSet() {}

  /**
   * A master with {@code replicas} replicas (each synced) and three sentinels watching it; {@code
   * nodeArgs} go to every data node (for example {@code --appendonly yes}).
   */
  public static RedisSentinelSet start(int replicas, String... nodeArgs) {
    RedisSentinelSet set = new RedisSentinelSet();
    try {
      RedisServer master = RedisServer.start(nodeArgs);
      set.nodes.add(master);
      for (int i = 0; i < replicas; i++) {
        // REPLICAOF at run time, not on the command line: a node restarted later must not come
        // back following a stale master (which may be its own replica by then). It comes back as
        // a master and the sentinels make it a replica, as with a config file they rewrite.
        RedisServer replica = RedisServer.start(nodeArgs);
        try (Resp r = replica.connect()) {
          r.call("REPLICAOF", RedisServer.HOST, Integer.toString(master.port()));
        }
        set.nodes.add(replica);
      }
      set.awaitReplicasOnline(master, replicas);
      for (int i = 0; i < 3; i++) {
        set.sentinels.add(RedisServer.startSentinel(MASTER_NAME, master, 2, DOWN_AFTER));
      }
      set.awaitSentinelsSee(replicas);
      return set;
    } catch (RuntimeException e) {
      set.close();
      throw e;
    }
  }

  /** The sentinels as {@code perseus.redis.address} lists them. */
  public String sentinelAddresses() {
    return sentinels.stream().map(RedisServer::address).collect(Collectors.joining(","));
  }

  /** The node the sentinels name as master now (null while none answers). */
  public RedisServer master() {
    for (RedisServer sentinel : sentinels) {
      if (!sentinel.isServing()) continue;
      try (Resp r = sentinel.connect(Duration.ofSeconds(1))) {
        @SuppressWarnings("unchecked")
        List<Object> address =
            (List<Object>) r.call("SENTINEL", "get-master-addr-by-name", MASTER_NAME);
        int port = Integer.parseInt((String) address.get(1));
        return nodes.stream().filter(n -> n.port() == port).findFirst().orElse(null);
      } catch (RuntimeException e) {
        // ask the next sentinel
      }
    }
    return null;
  }

  /** The data nodes that are not the master now. */
  public List<RedisServer> replicas() {
    RedisServer master = master();
    return nodes.stream().filter(n -> n != master).toList();
  }

  public List<RedisServer> nodes() {
    return List.copyOf(nodes);
  }

  public List<RedisServer> sentinels() {
    return List.copyOf(sentinels);
  }

  /** Waits until the sentinels name a master other than {@code old} that answers as a master. */
  public RedisServer awaitFailoverFrom(RedisServer old, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      RedisServer now = master();
      if (now != null && now != old && now.isServing() && isMaster(now)) return now;
      sleep(50);
    }
    throw new IllegalStateException(
        "the sentinels did not promote a replica of " + old + " within " + timeout);
  }

  /** Waits until {@code node} serves as a replica (the sentinels demoted a former master). */
  public void awaitReplica(RedisServer node, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Resp r = node.connect(Duration.ofSeconds(1))) {
        if ("slave".equals(Resp.info(r, "replication").get("role"))) return;
      } catch (RuntimeException e) {
        // not serving yet
      }
      sleep(50);
    }
  }

  private static boolean isMaster(RedisServer node) {
    try (Resp r = node.connect(Duration.ofSeconds(1))) {
      return "master".equals(Resp.info(r, "replication").get("role"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void awaitReplicasOnline(RedisServer master, int replicas) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      try (Resp r = master.connect()) {
        var info = Resp.info(r, "replication");
        long online =
            info.entrySet().stream()
                .filter(
                    e -> e.getKey().startsWith("slave") && e.getValue().contains("state=online"))
                .count();
        if (online >= replicas) return;
      }
      sleep(20);
    }
    throw new IllegalStateException(replicas + " replicas did not come online within 15 s");
  }

  private void awaitSentinelsSee(int replicas) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (RedisServer sentinel : sentinels) {
        try (Resp r = sentinel.connect()) {
          @SuppressWarnings("unchecked")
          List<Object> master = (List<Object>) r.call("SENTINEL", "master", MASTER_NAME);
          int i = master.indexOf("num-other-sentinels");
          int j = master.indexOf("num-slaves");
          all &=
              Integer.parseInt((String) master.get(i + 1)) >= 2
                  && Integer.parseInt((String) master.get(j + 1)) >= replicas;
        } catch (RuntimeException e) {
          all = false;
        }
      }
      if (all) return;
      sleep(50);
    }
    throw new IllegalStateException("the sentinels did not discover each other within 15 s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sentinels.forEach(RedisServer::close);
    nodes.forEach(RedisServer::close);
  }
}
