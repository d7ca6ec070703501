package com.livermore.perseus.deployment;

import static org.awaitility.Awaitility.await;

import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.Resp;
import com.livermore.perseus.testing.TestConfig;
import java.time.Duration;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment the API tests share: the WAR owning {@code kraken} on the test's own Redis, with a
 * 1 s heartbeat, a 3 s TTL and a 1 s warm-up.
 */
final class KrakenDeployment {
  private KrakenDeployment() {}

  static WebArchive war(String name, RedisServer redis, String users) {
    return BuiltWar.configured(
        name,
        TestConfig.exchange("kraken")
            .redis(redis.address())
            .heartbeat("1s", "3s")
            .warmup("1s")
            .users(users)
            .properties());
  }

  /** Waits until kraken's owner is {@code active}, as each test expects it. */
  static void awaitActive(RedisServer redis) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Resp r = redis.connect()) {
                String json = (String) r.call("GET", "exchange:{kraken}:instance");
                return json != null && RecordJson.readOwner(json).state() == ConnectionState.ACTIVE;
              }
            });
  }
}
