package com.livermore.perseus.registry;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments and reply of {@code write-owned.lua}, the guarded write behind every heartbeat and
 * state change. Ownership is checked by comparing the stored record's opening with the one Perseus
 * writes for the lease, which is cheaper in Redis than decoding the record.
 */
final class OwnedWrite {
  private OwnedWrite() {}

  /**
   * {@code {"instanceId":<id>,"exchange":<x>,"epoch":<n>,}: how every record of {@code lease}
   * starts, since {@link OwnerRecord} puts these three fields first.
   */
  static String opening(Lease lease) {
    return "{\"instanceId\":"
        + RecordJson.write(lease.instanceId())
        + ",\"exchange\":"
        + RecordJson.write(lease.exchange())
        + ",\"epoch\":"
        + lease.epoch()
        + ",";
  }

  /** Instance, last and epoch keys; with an entry also the stream, which the script appends to. */
  static List<Object> keys(Keys keys, String exchange, boolean withEntry) {
    return withEntry
        ? List.of(
            keys.instance(exchange),
            keys.last(exchange),
            keys.epoch(exchange),
            keys.activity(exchange))
        : List.of(keys.instance(exchange), keys.last(exchange), keys.epoch(exchange));
  }

  /** A heartbeat sends three arguments; the stream arguments come only with an entry. */
  static Object[] args(
      Lease lease,
      OwnerRecord record,
      Duration ttl,
      StreamRetention retention,
      ActivityEntry entry) {
    String opening = opening(lease);
    String json = RecordJson.write(record);
    String millis = Long.toString(ttl.toMillis());
    if (entry == null) {
      return new Object[] {opening, json, millis};
    }
    List<Object> args =
        new ArrayList<>(
            List.of(
                opening, json, millis, Long.toString(retention.maxLength()), retention.minId()));
    args.addAll(entry.fields(false));
    return args.toArray();
  }

  /**
   * {@code ok}, {@code held:<current value>}, or {@code gone:<epoch counter>}; a lease that is gone
   * together with its counter (absent or below our epoch) means Redis lost its data.
   */
  static WriteOutcome outcome(Lease lease, String reply) {
    if ("ok".equals(reply)) {
      return new WriteOutcome.Written();
    }
    if (reply != null && reply.startsWith("held:")) {
      return new WriteOutcome.Lost(reply.substring("held:".length()), false);
    }
    if (reply != null && reply.startsWith("gone:")) {
      String counter = reply.substring("gone:".length());
      return new WriteOutcome.Lost(
          null, counter.isEmpty() || Long.parseLong(counter) < lease.epoch());
    }
    throw new IllegalStateException("write-owned.lua answered an unknown reply: " + reply);
  }
}
