package com.livermore.perseus.activity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One page request over the merged activity.
 *
 * @param exchanges the exchanges to read, already filtered by the caller (duplicates are ignored)
 * @param types the event types wanted; empty means all
 * @param since inclusive lower bound on the entry time (its stream id's milliseconds), or null
 * @param cursor the {@code next} of the previous page, or null for the newest entries
 * @param limit page size, 1 to 500
 */
public record ActivityQuery(
    List<String> exchanges, Set<EventType> types, Instant since, String cursor, int limit) {

  public ActivityQuery {
    exchanges = exchanges == null ? List.of() : List.copyOf(new LinkedHashSet<>(exchanges));
    types = types == null ? Set.of() : Set.copyOf(types);
    cursor = cursor == null || cursor.isBlank() ? null : cursor.trim();
  }

  /** The newest {@code limit} entries of all types. */
  public static ActivityQuery newest(List<String> exchanges, int limit) {
    return new ActivityQuery(exchanges, Set.of(), null, null, limit);
  }

  /** The same query continued from {@code cursor}. */
  public ActivityQuery after(String cursor) {
    return new ActivityQuery(exchanges, types, since, cursor, limit);
  }

  /**
   * Whether the type filter lets the record through; an unreadable one is matched by its raw type
   * field.
   */
  boolean wants(ActivityRecord record) {
    if (types.isEmpty()) return true;
    if (record.readable()) return types.contains(record.entry().type());
    return EventType.fromWire(record.rawFields().get("type")).map(types::contains).orElse(false);
  }
}
