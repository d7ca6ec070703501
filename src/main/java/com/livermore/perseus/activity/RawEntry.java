package com.livermore.perseus.activity;

import java.util.Map;

/**
 * A stream entry as fetched, not yet parsed: parsing waits until the merge actually takes it. A
 * stream that could not be read at all (another tool stored something else under its key) is one
 * entry with {@code problem} set, placed after every real entry.
 */
record RawEntry(StreamId id, String exchange, Map<String, String> fields, String problem) {

  RawEntry(StreamId id, String exchange, Map<String, String> fields) {
    this(id, exchange, fields, null);
  }

  static RawEntry unreadableStream(String exchange, String problem) {
    return new RawEntry(StreamId.ZERO, exchange, Map.of(), problem);
  }

  EntryPosition position() {
    return new EntryPosition(id, exchange);
  }

  ActivityRecord toRecord() {
    if (problem != null) return ActivityRecord.unreadable(id.toString(), exchange, problem, fields);
    try {
      return ActivityRecord.readable(id.toString(), exchange, EntryFields.parse(fields));
    } catch (UnreadableEntryException e) {
      return ActivityRecord.unreadable(id.toString(), exchange, e.getMessage(), fields);
    }
  }
}
