package com.livermore.perseus.network;

import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owner records already parsed, by their exact text, kept from one whole-network read to the next.
 * A record changes only when its owner writes it (every heartbeat, 15 s by default), while the
 * network is read up to four times a second, so nearly every record of a read was parsed by the one
 * before. Only the records of the last two reads are kept, so memory follows the size of the
 * network; a text that fails to parse is not kept and fails again the next time.
 */
final class ParsedRecords {
  /** A generation is closed early if it grows past this without a whole-network read. */
  private static final int MAX_GENERATION = 50_000;

  private volatile Map<String, OwnerRecord> previous = Map.of();
  private volatile Map<String, OwnerRecord> current = new ConcurrentHashMap<>();

  /**
   * The record written as {@code json}.
   *
   * @throws com.livermore.perseus.registry.UnreadableRecordException when it is not one
   */
  OwnerRecord read(String json) {
    Map<String, OwnerRecord> now = current;
    OwnerRecord record = now.get(json);
    if (record == null) {
      record = previous.get(json);
      if (record == null) record = RecordJson.readOwner(json);
      if (now.size() >= MAX_GENERATION) nextGeneration();
      current.put(json, record);
    }
    return record;
  }

  /** Starts a new generation: what the read that just ended did not use is let go. */
  void nextGeneration() {
    previous = current;
    current = new ConcurrentHashMap<>();
  }
}
