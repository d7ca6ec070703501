package com.livermore.perseus.console;

/** Durations as people read them on a card: "4h 23m", "2d 3h", "45s". */
public final class HumanTime {
  private HumanTime() {}

  private static final java.time.format.DateTimeFormatter ABSOLUTE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  /** An instant as operators read it: {@code 2026-11-24 22:54:03 UTC}. */
  public static String at(java.time.Instant instant) {
    return instant == null ? "—" : ABSOLUTE.format(instant);
  }

  /** "4h 23m ago", or "—" when unknown. */
  public static String ago(Long millis) {
    return millis == null ? "—" : of(millis) + " ago";
  }

  public static String of(Long millis) {
    if (millis == null) return "—";
    long s = Math.max(0, millis / 1000);
    if (s < 60) return s + "s";
    long m = s / 60;
    if (m < 60) return m + "m " + (s % 60) + "s";
    long h = m / 60;
    if (h < 24) return h + "h " + (m % 60) + "m";
    return (h / 24) + "d " + (h % 24) + "h";
  }
}
