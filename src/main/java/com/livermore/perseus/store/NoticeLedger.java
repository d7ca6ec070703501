package com.livermore.perseus.store;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * Which instance records a death: several instances watch the same network, and {@code expired.lua}
 * sets {@code exchange:{x}:death-noticed:<epoch>} (kept a day) with {@code SET NX} and appends the
 * {@code lease_expired} entry in the same step, so exactly one of them records it, and reports it
 * by webhook.
 */
public class NoticeLedger {
  private static final Duration KEPT = Duration.ofDays(1);
  private static final LuaScript EXPIRED = LuaScript.load("expired.lua");

  private final RedissonClient redisson;
  private final Keys keys;

  public NoticeLedger(RedissonClient redisson, Keys keys) {
    this.redisson = redisson;
    this.keys = keys;
  }

  /**
   * Appends {@code expired} (a {@code lease_expired} entry of the lease's epoch) unless another
   * watcher did, or the lease is no longer expired: true for exactly one caller per exchange and
   * epoch.
   */
  public boolean recordExpiry(ActivityEntry expired, StreamRetention retention) {
    String exchange = expired.exchange();
    List<Object> args =
        new ArrayList<>(
            List.of(
                Long.toString(expired.epoch()),
                Long.toString(KEPT.toMillis()),
                Long.toString(retention.maxLength()),
                retention.minId()));
    args.addAll(expired.fields(false));
    ScriptReply reply =
        ScriptReply.parse(
            "expired.lua",
            EXPIRED.call(
                redisson,
                RScript.ReturnType.VALUE,
                List.of(
                    keys.deathNotice(exchange, expired.epoch()),
                    keys.instance(exchange),
                    keys.epoch(exchange),
                    keys.activity(exchange)),
                args.toArray()));
    if (reply.is("ok")) return true;
    if (reply.is("seen") || reply.is("held") || reply.is("moved")) return false;
    throw reply.unexpected("expired.lua");
  }
}
