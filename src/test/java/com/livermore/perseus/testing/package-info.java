/**
 * Real Redis for tests: {@code redis-server} processes on free loopback ports, as single nodes or
 * whole Redis Clusters, a tiny RESP client to inspect them independently of the code under test,
 * and backends that wire them to Redisson the way production does. The process and RESP classes use
 * only the JDK and the redis-server binary (from the PATH or bundled in embedded-redis).
 */
package com.livermore.perseus.testing;
