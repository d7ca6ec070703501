package com.livermore.perseus.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSentinel;

/**
 * Whether the sentinels name a node as the master, by its run id. A master that was killed and came
 * back on its own answers as a master, with its old data and no replica, until the sentinels make
 * it a replica of the node they promoted, which discards what was written to it meanwhile. A lease
 * granted there is lost, so a node without replicas is trusted only when most of the sentinels the
 * client knows name its run id as the master's.
 */
final class SentinelMasters {
  private final RedissonClient redisson;
  private final String masterName;

  private SentinelMasters(RedissonClient redisson, String masterName) {
    this.redisson = redisson;
    this.masterName = masterName;
  }

  /** The check for a client in Sentinel mode; null for any other client. */
  static SentinelMasters of(RedissonClient redisson) {
    if (!redisson.getConfig().isSentinelConfig()) return null;
    return new SentinelMasters(redisson, redisson.getConfig().useSentinelServers().getMasterName());
  }

  /**
   * True when more than half of the sentinels name {@code runId} as the master's; a sentinel that
   * does not answer counts against.
   */
  CompletableFuture<Boolean> confirm(String runId) {
    Collection<RedisSentinel> sentinels;
    try {
      sentinels = redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getSentinels();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(false);
    }
    if (runId == null || runId.isEmpty() || sentinels.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    List<CompletableFuture<Boolean>> votes =
        sentinels.stream()
            .map(
                s ->
                    s.getMasterAsync(masterName)
                        .toCompletableFuture()
                        .handle((Map<String, String> m, Throwable e) -> names(m, e, runId)))
            .toList();
    int needed = sentinels.size() / 2 + 1;
    return CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new))
        .thenApply(v -> votes.stream().filter(CompletableFuture::join).count() >= needed);
  }

  private static boolean names(Map<String, String> master, Throwable failure, String runId) {
    return failure == null && master != null && runId.equals(master.get("runid"));
  }
}
