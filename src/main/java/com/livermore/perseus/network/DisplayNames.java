package com.livermore.perseus.network;

import com.livermore.perseus.registry.ExchangeEntry;
import com.livermore.perseus.registry.RecordJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code displayName} of each registry entry, remembered by the entry's text: entries are
 * written once per exchange, while every read of the network needs every name. Only the name read
 * from an entry is remembered; the fallback to the id is not, since two exchanges may have the same
 * entry text. Cleared when it outgrows any plausible network.
 */
final class DisplayNames {
  private static final int MAX_REMEMBERED = 100_000;

  /** Registry entry text to the display name it carries ("" for none). */
  private final Map<String, String> names = new ConcurrentHashMap<>();

  /** The entry's display name, or {@code id} when it has none (or there is no entry). */
  String of(String id, String entryJson) {
    if (entryJson == null) return id;
    String name = names.get(entryJson);
    if (name == null) {
      if (names.size() > MAX_REMEMBERED) names.clear();
      name = parse(entryJson);
      names.put(entryJson, name);
    }
    return name.isBlank() ? id : name;
  }

  /** The entry's {@code displayName}, or "" when it has none or is not an entry. */
  private static String parse(String json) {
    try {
      ExchangeEntry entry = RecordJson.mapper().readValue(json, ExchangeEntry.class);
      return entry == null || entry.displayName() == null ? "" : entry.displayName();
    } catch (Exception e) {
      return "";
    }
  }
}
