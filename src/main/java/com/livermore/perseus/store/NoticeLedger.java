package com.livermore.perseus.store;

import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Which instance reports a death: several instances watch the same network, and a {@code SET NX} on
 * {@code exchange:{x}:death-noticed:<epoch>} (kept a day) lets exactly one of them report it.
 */
public class NoticeLedger {
  private static final Duration KEPT = Duration.ofDays(1);

  private final RedissonClient redisson;
  private final Keys keys;

  public NoticeLedger(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /** True for exactly one caller per exchange and epoch: whoever reports that death. */
  public boolean firstToReportDeath(String exchange, long epoch) {
    return redisson
        .<String>getBucket(keys.deathNotice(exchange, epoch), StringCodec.INSTANCE)
        .setIfAbsent("1", KEPT);
  }
}
