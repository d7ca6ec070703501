package com.livermore.perseus.store;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import com.livermore.perseus.registry.WriteOutcome;
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
   * starts, since {@link OwnerRecord} puts these three fields first. The prelude's {@code holds}
   * compares it with the stored record in every script that must own the lease.
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
  static WriteOutcome outcome(Lease lease, String text) {
    if ("ok".equals(text)) return new WriteOutcome.Written(); // the heartbeat's reply, parsed first
    ScriptReply reply = ScriptReply.parse("write-owned.lua", text);
    if (reply.is("held") && reply.payload() != null) {
      return new WriteOutcome.Lost(reply.payload(), false);
    }
    if (reply.is("gone") && reply.payload() != null) {
      String counter = reply.payload();
      return new WriteOutcome.Lost(
          null, counter.isEmpty() || Long.parseLong(counter) < lease.epoch());
    }
    throw reply.unexpected("write-owned.lua");
  }
}
