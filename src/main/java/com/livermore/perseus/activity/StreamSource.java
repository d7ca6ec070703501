package com.livermore.perseus.activity;

import java.util.List;
import java.util.Map;

/**
 * Where the merged reader gets its entries: one round of ranged reads ({@code XREVRANGE} per
 * stream, newest first), sent together. The store implements it; the reader stays free of Redis.
 */
public interface StreamSource {

  /** One answer per range, in the same order. */
  List<Answer> fetch(List<Range> ranges);

  /**
   * The number of entries in each exchange's stream ({@code XLEN}), in one batch; an exchange whose
   * key holds something else is left out.
   */
  default Map<String, Long> lengths(List<String> exchanges) {
    return Map.of();
  }

  /**
   * Up to {@code count} entries of {@code exchange}'s stream, newest first, from {@code upper}
   * (null: the newest; exclusive unless {@code upperInclusive}) down to {@code lowest} (null: the
   * oldest), inclusive.
   */
  record Range(
      String exchange, StreamId upper, boolean upperInclusive, StreamId lowest, int count) {}

  /** The entries read, or {@code problem} when the key holds something that is not a stream. */
  record Answer(List<Entry> entries, String problem) {
    public static Answer of(List<Entry> entries) {
      return new Answer(entries, null);
    }

    public static Answer unreadable(String problem) {
      return new Answer(List.of(), problem);
    }
  }

  /** One stream entry as stored: its id and flat fields. */
  record Entry(StreamId id, Map<String, String> fields) {}
}
