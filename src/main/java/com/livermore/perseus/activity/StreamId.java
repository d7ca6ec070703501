package com.livermore.perseus.activity;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Redis stream entry id {@code <ms>-<seq>}, ordered as Redis orders it (ms, then seq). */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {
  public static final StreamId ZERO = new StreamId(0, 0);
  private static final Pattern FORM = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

  /** The id as Redis writes it, or empty if {@code text} is not one. */
  static Optional<StreamId> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) return Optional.empty();
    try {
      return Optional.of(new StreamId(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /** The lowest id whose time is at or after {@code time} (a partial millisecond rounds up). */
  static StreamId atOrAfter(Instant time) {
    if (time.toEpochMilli() < 0) return ZERO;
    long ms = time.toEpochMilli() + (time.getNano() % 1_000_000 == 0 ? 0 : 1);
    return new StreamId(ms, 0);
  }

  @Override
  public int compareTo(StreamId other) {
    int byMs = Long.compare(ms, other.ms);
    return byMs != 0 ? byMs : Long.compare(seq, other.seq);
  }

  @Override
  public String toString() {
    return ms + "-" + seq;
  }
}
