package com.livermore.perseus.network;

import com.livermore.perseus.registry.OperatorIntent;
import com.livermore.perseus.store.ExchangeDirectory;
import com.livermore.perseus.store.NetworkReads;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the raw values of one read into statuses: the liveness rule applied to every lease, the
 * exact read for the exchanges that need one, intents, standbys and recoveries added. It keeps the
 * parsed records and display names between reads ({@link ParsedRecords}, {@link DisplayNames}).
 */
final class StatusAssembly {
  private final NetworkReads reads;
  private final LivenessRule rule;
  private final Clock clock;
  private final ParsedRecords records = new ParsedRecords();
  private final DisplayNames names = new DisplayNames();

  StatusAssembly(NetworkReads reads, LivenessRule rule, Clock clock) {
    this.reads = reads;
    this.rule = rule;
    this.clock = clock;
  }

  record Statuses(Instant now, List<ExchangeStatus> statuses, Map<String, Instant> recoveries) {}

  /**
   * The statuses of a sent read. A live lease with its PTTL (from the same batch as the standbys)
   * needs nothing more, so a network of live instances costs about three commands per exchange
   * instead of five; a second round trip reads exactly only the exchanges that are dead,
   * unreadable, without a TTL or already due. Ages are judged on Redis's clock ({@link
   * LivenessRule}).
   */
  Statuses assemble(NetworkReads.Plan plan, Map<String, String> known) {
    List<String> ids = plan.ids();
    Function<String, String> leases = plan.leases();
    Function<String, String> intents = plan.intents(); // the PTTLs came with the same batch
    Instant now = clock.instant();
    List<ExchangeStatus> statuses = new ArrayList<>(ids.size());
    List<String> unsure = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String lease = leases.apply(id);
      Long pttl = lease == null ? null : plan.pttl(i);
      ExchangeStatus status =
          lease == null || pttl == null || pttl < 0
              ? null
              : rule.status(id, names.of(id, known.get(id)), lease, pttl, null, now, recordsOf(id));
      if (status == null
          || status.problem() != null
          || status.leaseExpiresInMs() == null
          || status.leaseExpiresInMs() == 0) {
        unsure.add(id);
      }
      statuses.add(status);
    }
    Map<String, ExchangeStatus> exact = exactly(unsure, known);
    Map<Integer, List<ExchangeDirectory.StandbyEntry>> waiting = plan.standbyEntries();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      ExchangeStatus status = exact.getOrDefault(id, statuses.get(i));
      String intent = intents.apply(id);
      if (intent != null) status = status.withIntent(OperatorIntent.parse(intent));
      statuses.set(i, status.withStandbys(standbys(waiting.getOrDefault(i, List.of()))));
    }
    return new Statuses(now, statuses, recoveries(plan.recoveries()));
  }

  /** An exchange whose keys could not be read at all (WRONGTYPE): flagged, nothing else. */
  ExchangeStatus wrongType(String id, Map<String, String> known) {
    return ExchangeStatus.withoutRecord(
        id,
        names.of(id, known.get(id)),
        "a key of this exchange holds a value of the wrong type (WRONGTYPE); another program wrote it");
  }

  /** A read of the whole network ended: records it did not use are let go. */
  void readEnded() {
    records.nextGeneration();
  }

  private Map<String, ExchangeStatus> exactly(List<String> ids, Map<String, String> known) {
    List<NetworkReads.Exact> values = reads.readExactly(ids);
    Instant now = clock.instant();
    Map<String, ExchangeStatus> statuses = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String id = ids.get(i);
      NetworkReads.Exact v = values.get(i);
      statuses.put(
          id,
          rule.status(
              id, names.of(id, known.get(id)), v.lease(), v.pttl(), v.last(), now, recordsOf(id)));
    }
    return statuses;
  }

  private Function<String, com.livermore.perseus.registry.OwnerRecord> recordsOf(String id) {
    return json -> records.read(id, json);
  }

  private static List<ExchangeStatus.Standby> standbys(
      List<ExchangeDirectory.StandbyEntry> entries) {
    List<ExchangeStatus.Standby> out = new ArrayList<>();
    for (ExchangeDirectory.StandbyEntry e : entries) {
      out.add(ExchangeStatus.Standby.of(e.instanceId(), e.hostname(), e.prepared()));
    }
    return out;
  }

  private static Map<String, Instant> recoveries(Map<String, String> raw) {
    Map<String, Instant> out = new TreeMap<>();
    raw.forEach(
        (x, at) -> {
          try {
            out.put(x, Instant.parse(at));
          } catch (DateTimeParseException e) {
            // not ours: ignore
          }
        });
    return out;
  }
}
