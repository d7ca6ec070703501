package com.livermore.perseus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.livermore.perseus.config.PerseusConfig;
import com.livermore.perseus.instance.ExchangeInstance;
import com.livermore.perseus.lifecycle.SimulatedConnector;
import com.livermore.perseus.network.ExchangeStatus;
import com.livermore.perseus.network.Liveness;
import com.livermore.perseus.network.LivenessRule;
import com.livermore.perseus.network.NetworkReader;
import com.livermore.perseus.store.NetworkReads;
import com.livermore.perseus.testing.RedisBackend;
import com.livermore.perseus.testing.TestConfig;
import com.livermore.perseus.testing.TestInstances;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Instances whose wall clocks are 40 s ahead of and 40 s behind the reader's (an offset {@link
 * Clock} per instance, as after a stopped NTP daemon or a resumed VM): both read {@code alive}
 * while they heartbeat, read after read, and the death of each is still seen within its TTL,
 * because liveness is judged on Redis's clock, never on the difference between two machines'.
 */
class SkewedClocksIT {
  static final Duration INTERVAL = Duration.ofMillis(300);
  static final Duration TTL = Duration.ofMillis(1500);

  @Test
  void instancesFortySecondsOffAreAliveWhileTheyHeartbeatAndDeadWithinTheirTtl() throws Exception {
    try (RedisBackend redis = RedisBackend.singleNode()) {
      String prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + ":";
      try (TestInstances instances = new TestInstances(redis.redisson(), prefix)) {
        TestConfig base =
            TestConfig.exchange("ahead")
                .redis(redis)
                .keyPrefix(prefix)
                .heartbeat("300ms", "1500ms")
                .warmup("100ms");
        ScheduledFuture<?> ahead = start(instances, base.copy().exchangeId("ahead").read(), 40);
        ScheduledFuture<?> behind = start(instances, base.copy().exchangeId("behind").read(), -40);
        NetworkReader reader =
            new NetworkReader(
                new NetworkReads(redis.redisson(), instances.keys(), false),
                new LivenessRule(INTERVAL),
                Clock.systemUTC());
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> states(reader).values().stream().allMatch(s -> "active".equals(s.state())));

        for (int i = 0; i < 20; i++) { // three seconds, ten heartbeats each
          for (ExchangeStatus s : states(reader).values()) {
            assertThat(s.liveness())
                .as("%s while it heartbeats", s.exchange())
                .isEqualTo(Liveness.ALIVE);
            assertThat(s.heartbeatAgeMs())
                .isLessThanOrEqualTo(INTERVAL.multipliedBy(3).toMillis() / 2);
            assertThat(s.leaseExpiresInMs()).isBetween(0L, TTL.toMillis());
            assertThat(s.uptimeMs()).isLessThan(Duration.ofSeconds(30).toMillis());
          }
          Thread.sleep(150);
        }

        // Both die without a goodbye (their heartbeats stop, nothing is released).
        long diedAt = System.nanoTime();
        ahead.cancel(false);
        behind.cancel(false);
        await()
            .atMost(TTL.plus(INTERVAL))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    states(reader).values().stream().allMatch(s -> s.liveness() == Liveness.DEAD));
        long seenDeadMs = (System.nanoTime() - diedAt) / 1_000_000;
        assertThat(seenDeadMs).isGreaterThanOrEqualTo(TTL.minus(INTERVAL).toMillis());
      }
    }
  }

  static Map<String, ExchangeStatus> states(NetworkReader reader) {
    return reader.read().exchanges().stream()
        .collect(Collectors.toMap(ExchangeStatus::exchange, s -> s));
  }

  static ScheduledFuture<?> start(
      TestInstances instances, PerseusConfig config, int offsetSeconds) {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offsetSeconds));
    ExchangeInstance instance =
        instances.create(config, new SimulatedConnector(config.connector()), a -> a.clock(skewed));
    instance.start();
    ScheduledFuture<?> beat = instances.beat(instance, config);
    instances.forget(instance); // dies without a goodbye once its heartbeat stops
    return beat;
  }
}
