package com.livermore.perseus.config;

/**
 * How Perseus talks to Redis: one node, a Redis Cluster (as in Azure Managed Redis), or a master
 * and its replicas found through Redis Sentinel.
 */
public enum RedisMode {
  SINGLE,
  CLUSTER,
  SENTINEL
}
