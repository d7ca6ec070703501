package com.livermore.perseus.store;

import com.livermore.perseus.activity.ActivityEntry;
import com.livermore.perseus.activity.StreamRetention;
import com.livermore.perseus.registry.Lease;
import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * {@code release.lua}: compare-and-delete of a lease with its final record and entries, and for a
 * handoff, the choice of the standby and the notice on {@code perseus:handoff:{x}}, all in one
 * step, so that a standby is told the moment the lease is free.
 */
final class LeaseRelease {
  private final LuaScript release = LuaScript.load("release.lua");

  /**
   * Built with the store, at deployment: a release runs at undeploy, when the application's class
   * loader may no longer load a class or a script.
   */
  LeaseRelease() {}

  /**
   * The standby named when released (empty string: none), or empty when it was not ours. With a
   * {@code notice} (its JSON without {@code to}) the standbys are told, naming {@code to} (null:
   * the script picks the first warm one, else the first).
   */
  Optional<String> run(
      RedissonClient redisson,
      Keys keys,
      Lease lease,
      OwnerRecord finalRecord,
      StreamRetention retention,
      List<ActivityEntry> entries,
      String notice,
      String to,
      Instant now) {
    String x = lease.exchange();
    List<Object> args =
        new ArrayList<>(
            List.of(
                OwnedWrite.opening(lease),
                RecordJson.write(finalRecord),
                Long.toString(retention.maxLength()),
                retention.minId(),
                notice == null ? "" : keys.handoffChannel(x),
                notice == null ? "" : withoutClosingBrace(notice),
                notice == null || to == null ? "" : to,
                Long.toString(now.toEpochMilli()),
                Integer.toString(entries.size())));
    for (ActivityEntry e : entries) {
      List<String> fields = e.fields(false);
      args.add(Integer.toString(fields.size() / 2));
      args.addAll(fields);
    }
    ScriptReply reply =
        ScriptReply.parse(
            "release.lua",
            release.call(
                redisson,
                RScript.ReturnType.VALUE,
                List.of(
                    keys.instance(x),
                    keys.last(x),
                    keys.activity(x),
                    keys.standbys(x),
                    keys.prepared(x)),
                args.toArray()));
    if (reply.is("ok")) return Optional.of(reply.payload() == null ? "" : reply.payload());
    if (reply.is("held") || reply.is("gone")) return Optional.empty();
    throw reply.unexpected("release.lua");
  }

  private static String withoutClosingBrace(String json) {
    String t = json.strip();
    return t.endsWith("}") ? t.substring(0, t.length() - 1) : t;
  }
}
