package com.livermore.perseus.config;

/** How Perseus talks to Redis: one node, or a Redis Cluster (as in Azure Managed Redis). */
public enum RedisMode {
  SINGLE,
  CLUSTER
}
