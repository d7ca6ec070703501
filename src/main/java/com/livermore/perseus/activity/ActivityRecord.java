package com.livermore.perseus.activity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stream entry as read: its id, the exchange whose stream holds it, and the parsed entry, or,
 * for an entry that is not ours or is malformed, the problem and the raw fields, so that one bad
 * entry never hides the others.
 *
 * @param rawFields the stream fields as stored, only for unreadable entries (null otherwise)
 */
public record ActivityRecord(
    String id,
    String exchange,
    ActivityEntry entry,
    boolean readable,
    String problem,
    Map<String, String> rawFields) {

  public static ActivityRecord readable(String id, String exchange, ActivityEntry entry) {
    return new ActivityRecord(id, exchange, entry, true, null, null);
  }

  public static ActivityRecord unreadable(
      String id, String exchange, String problem, Map<String, String> rawFields) {
    return new ActivityRecord(
        id,
        exchange,
        null,
        false,
        problem,
        Collections.unmodifiableMap(new LinkedHashMap<>(rawFields)));
  }
}
