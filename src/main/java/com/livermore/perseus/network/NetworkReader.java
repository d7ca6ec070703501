package com.livermore.perseus.network;

import com.livermore.perseus.config.ConfigurationReader;
import com.livermore.perseus.store.NetworkReads;
import com.livermore.perseus.store.RedisFailures;
import com.livermore.perseus.store.Replies;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the whole network: the known exchanges from {@code network:exchanges}, then every
 * exchange's lease, intent and live standbys in one round trip per Redis node, whatever the number
 * of exchanges ({@link NetworkReads} is the plan, {@link StatusAssembly} turns its answers into
 * statuses). It only reads.
 */
public class NetworkReader {
  private final NetworkReads reads;
  private final StatusAssembly assembly;
  private final Clock clock;

  /** The valid exchange ids of the last whole-network read. */
  private volatile List<String> previousIds = List.of();

  public NetworkReader(NetworkReads reads, LivenessRule rule, Clock clock) {
    this.reads = reads;
    this.assembly = new StatusAssembly(reads, rule, clock);
    this.clock = clock;
  }

  public NetworkSnapshot read() {
    // The exchanges of the previous read are asked for while the registry is read: the registry
    // rarely changes, and when it has, the guess is dropped and the real ids are asked for.
    CompletableFuture<Map<String, String>> registry = reads.registry();
    List<String> guess = previousIds;
    NetworkReads.Plan early = guess.isEmpty() ? null : reads.send(guess, true, clock.millis());
    Map<String, String> known = new TreeMap<>(Replies.join(registry));
    List<String> ids = new ArrayList<>();
    List<ExchangeStatus> invalid = new ArrayList<>();
    for (String id : known.keySet()) {
      if (ConfigurationReader.isSlug(id)) {
        ids.add(id);
      } else {
        invalid.add(
            ExchangeStatus.withoutRecord(id, id, "not a valid exchange id in network:exchanges"));
      }
    }
    previousIds = List.copyOf(ids);
    StatusAssembly.Statuses read;
    try {
      NetworkReads.Plan plan =
          early != null && early.ids().equals(ids) ? early : reads.send(ids, true, clock.millis());
      read = assembly.assemble(plan, known);
    } catch (RuntimeException e) {
      if (!RedisFailures.isWrongType(e)) throw e;
      read = readOneByOne(ids, known);
    }
    assembly.readEnded();
    List<ExchangeStatus> statuses = new ArrayList<>(read.statuses());
    statuses.addAll(invalid);
    return new NetworkSnapshot(read.now(), List.copyOf(statuses), read.recoveries());
  }

  /** The ids of every known exchange, invalid ones left out. */
  public List<String> knownExchanges() {
    return reads.registryIds().stream().filter(ConfigurationReader::isSlug).sorted().toList();
  }

  /** One exchange (its registry entry, then one batch of its keys); empty when it is not known. */
  public Optional<ExchangeStatus> readOne(String id) {
    Optional<String> entry = reads.registryEntry(id);
    if (entry.isEmpty()) return Optional.empty();
    Map<String, String> known = Map.of(id, entry.get());
    try {
      return Optional.of(readBatch(List.of(id), known, false).statuses().get(0));
    } catch (RuntimeException e) {
      if (!RedisFailures.isWrongType(e)) throw e;
      return Optional.of(readOneByOne(List.of(id), known).statuses().get(0));
    }
  }

  /**
   * Another program stored a value of the wrong type under one of the keys: read each exchange on
   * its own so only that one is flagged and every other still answers.
   */
  private StatusAssembly.Statuses readOneByOne(List<String> ids, Map<String, String> known) {
    List<ExchangeStatus> statuses = new ArrayList<>();
    for (String id : ids) {
      try {
        statuses.addAll(readBatch(List.of(id), known, false).statuses());
      } catch (RuntimeException e) {
        if (!RedisFailures.isWrongType(e)) throw e;
        statuses.add(assembly.wrongType(id, known));
      }
    }
    StatusAssembly.Statuses recoveries;
    try {
      recoveries = readBatch(List.of(), known, true);
    } catch (RuntimeException e) {
      if (!RedisFailures.isWrongType(e)) throw e;
      recoveries = new StatusAssembly.Statuses(clock.instant(), List.of(), Map.of());
    }
    return new StatusAssembly.Statuses(clock.instant(), statuses, recoveries.recoveries());
  }

  private StatusAssembly.Statuses readBatch(
      List<String> ids, Map<String, String> known, boolean withRecovery) {
    return assembly.assemble(reads.send(ids, withRecovery, clock.millis()), known);
  }

  /** Every Redis node answers. */
  public boolean ping() {
    return reads.ping();
  }
}
