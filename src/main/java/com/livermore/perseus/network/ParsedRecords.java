package com.livermore.perseus.network;

import com.livermore.perseus.registry.OwnerRecord;
import com.livermore.perseus.registry.RecordJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owner records already parsed, by exchange, kept from one whole-network read to the next. A
 * record changes only when its owner writes it (every heartbeat, 15 s by default), while the
 * network is read up to four times a second, so nearly every record of a read was parsed by the one
 * before. A record is reused only when its text is exactly the one parsed before. The lookup is by
 * exchange id, not by text: Redis hands over a new string each time, and hashing ~500 characters of
 * every record on every read cost more than comparing them. Only the exchanges of the last two
 * reads are kept, so memory follows the size of the network; a text that fails to parse is not kept
 * and fails again the next time.
 */
final class ParsedRecords {
  /** A generation is closed early if it grows past this without a whole-network read. */
  private static final int MAX_GENERATION = 50_000;

  private record Parsed(String json, OwnerRecord record) {}

  private volatile Map<String, Parsed> previous = Map.of();
  private volatile Map<String, Parsed> current = new ConcurrentHashMap<>();

  /**
   * The record written as {@code json} for {@code exchange}.
   *
   * @throws com.livermore.perseus.registry.UnreadableRecordException when it is not one
   */
  OwnerRecord read(String exchange, String json) {
    Map<String, Parsed> now = current;
    Parsed parsed = now.get(exchange);
    if (parsed != null && parsed.json().equals(json)) return parsed.record();
    parsed = previous.get(exchange);
    if (parsed == null || !parsed.json().equals(json)) {
      parsed = new Parsed(json, RecordJson.readOwner(json));
    }
    if (now.size() >= MAX_GENERATION) nextGeneration();
    current.put(exchange, parsed);
    return parsed.record();
  }

  /** Starts a new generation: what the read that just ended did not use is let go. */
  void nextGeneration() {
    previous = current;
    current = new ConcurrentHashMap<>(Math.max(16, previous.size() * 2));
  }
}
