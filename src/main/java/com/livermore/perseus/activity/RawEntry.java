package com.livermore.perseus.activity;

import java.util.Map;

/** A stream entry as fetched, not yet parsed: parsing waits until the merge actually takes it. */
record RawEntry(StreamId id, String exchange, Map<String, String> fields) {

  EntryPosition position() {
    return new EntryPosition(id, exchange);
  }

  ActivityRecord toRecord() {
    try {
      return ActivityRecord.readable(id.toString(), exchange, EntryFields.parse(fields));
    } catch (UnreadableEntryException e) {
      return ActivityRecord.unreadable(id.toString(), exchange, e.getMessage(), fields);
    }
  }
}
