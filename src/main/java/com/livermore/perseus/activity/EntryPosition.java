package com.livermore.perseus.activity;

import java.util.Comparator;

/**
 * Where an entry stands in the merged activity: its stream id and the exchange whose stream holds
 * it. Ids are unique only within one stream, so equal ids of different exchanges are ordered by
 * exchange name; this is what makes the order total and a cursor exact.
 */
record EntryPosition(StreamId id, String exchange) {

  /** Newest first: id descending, then exchange name ascending. */
  static final Comparator<EntryPosition> NEWEST_FIRST =
      Comparator.comparing(EntryPosition::id).reversed().thenComparing(EntryPosition::exchange);
}
