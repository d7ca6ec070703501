package com.livermore.perseus.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.livermore.perseus.config.RedisSettings;
import com.livermore.perseus.config.ReplicaAckSettings;
import com.livermore.perseus.lifecycle.ConnectionState;
import com.livermore.perseus.registry.ClaimOutcome;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.WriteOutcome;
import com.livermore.perseus.testing.RedisSentinelSet;
import com.livermore.perseus.testing.RedisServer;
import com.livermore.perseus.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A former master back on its own: killed, restarted with its old data and no replica, and still
 * answering as a master until the sentinels make it a replica (which discards what was written to
 * it). A client that still routes there must not trust a lease granted or renewed on it, with
 * {@code replica-acks=auto}, while the master the sentinels name (here also without a replica) is
 * trusted. The former master is a real redis-server the sentinels do not know; the sentinels and
 * their master are real too.
 */
class FormerMasterIT {
  static final Duration TTL = Duration.ofSeconds(5);
  static final ReplicaAckSettings AUTO =
      new ReplicaAckSettings(java.util.OptionalInt.empty(), Duration.ofMillis(200));

  static RedisSentinelSet sentinels;
  static RedisServer former;
  static RedissonClient sentinelClient;
  static RedissonClient formerClient;
  Keys keys;

  @BeforeAll
  static void start() {
    sentinels = RedisSentinelSet.start(0);
    former = RedisServer.start();
    RedisSettings settings =
        TestConfig.exchange("coinbase")
            .redis(sentinels.sentinelAddresses())
            .set(RedisSettings.REDIS_MODE, "sentinel")
            .set(RedisSettings.SENTINEL_MASTER, RedisSentinelSet.MASTER_NAME)
            .read()
            .redis();
    sentinelClient = Redisson.create(RedisClientProducer.redissonConfig(settings));
    Config direct = new Config();
    direct.useSingleServer().setAddress(former.address());
    formerClient = Redisson.create(direct);
  }

  @AfterAll
  static void stop() {
    if (formerClient != null) formerClient.shutdown();
    if (sentinelClient != null) sentinelClient.shutdown();
    if (former != null) former.close();
    if (sentinels != null) sentinels.close();
  }

  @BeforeEach
  void freshNamespace() {
    keys = new Keys("fm" + UUID.randomUUID().toString().substring(0, 8) + ":");
  }

  /** Calls routed to the former master, judged by the real sentinels. */
  LeaseStore onTheFormerMaster() {
    return new LeaseStore(
        formerClient, keys, ReplicaAcks.on(formerClient, AUTO, SentinelMasters.of(sentinelClient)));
  }

  ClaimOutcome claim(LeaseStore store, String instanceId) {
    Instant now = Instant.now();
    return store.claim(
        LeaseStoreContract.record("coinbase", instanceId, ConnectionState.IDLE, now),
        TTL,
        LeaseStoreContract.RETENTION,
        LeaseStoreContract.registered("coinbase", instanceId, now));
  }

  @Test
  void aClaimGrantedOnAFormerMasterIsNeverTrusted() {
    ClaimOutcome outcome = claim(onTheFormerMaster(), "stale-claimer");

    // Unacknowledged is what the keeper withdraws at once and never acts on.
    assertThat(outcome).isInstanceOf(ClaimOutcome.Unacknowledged.class);
    ClaimOutcome.Unacknowledged refused = (ClaimOutcome.Unacknowledged) outcome;
    assertThat(refused.acknowledged()).isZero();
    assertThat(refused.required()).isEqualTo(1);
  }

  @Test
  void aRenewalOnAFormerMasterDoesNotMoveTheDeadline() {
    Lease lease =
        ((ClaimOutcome.Claimed) claim(new LeaseStore(formerClient, keys), "stale-owner")).lease();
    OwnerRecord record =
        LeaseStoreContract.record("coinbase", "stale-owner", ConnectionState.ACTIVE, Instant.now())
            .withEpoch(lease.epoch());

    WriteOutcome renewal = onTheFormerMaster().renew(lease, record, TTL, Duration.ofSeconds(3));

    assertThat(renewal).isInstanceOf(WriteOutcome.Unacknowledged.class);
  }

  @Test
  void theMasterTheSentinelsNameIsTrustedWithoutAReplica() {
    LeaseStore store = new LeaseStore(sentinelClient, keys, AUTO);

    assertThat(claim(store, "real-owner")).isInstanceOf(ClaimOutcome.Claimed.class);
  }
}
