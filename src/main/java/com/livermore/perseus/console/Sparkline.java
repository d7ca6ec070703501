package com.livermore.perseus.console;

import java.util.List;

/**
 * The points of a small line chart, for an SVG {@code polyline} in a {@value #WIDTH} × {@value
 * #HEIGHT} view box: the values from left to right, the highest at the top, zero at the bottom.
 */
final class Sparkline {
  static final int WIDTH = 100;
  static final int HEIGHT = 20;

  private Sparkline() {}

  /** "x,y x,y …", or null for fewer than two values. */
  static String points(List<Long> values) {
    if (values == null || values.size() < 2) return null;
    long max = 1;
    for (Long v : values) if (v != null && v > max) max = v;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      long v = values.get(i) == null ? 0 : Math.max(0, values.get(i));
      double x = (double) WIDTH * i / (values.size() - 1);
      double y = HEIGHT - 1 - (HEIGHT - 2) * (double) v / max;
      if (i > 0) out.append(' ');
      tenths(out, x).append(',');
      tenths(out, y);
    }
    return out.toString();
  }

  /**
   * {@code value} (≥ 0) rounded to one decimal, as {@code %.1f} would write it in the root locale:
   * a hundred cards' points on every render, where String.format would be the page's slowest part.
   */
  private static StringBuilder tenths(StringBuilder out, double value) {
    long t = Math.round(value * 10);
    return out.append(t / 10).append('.').append(t % 10);
  }
}
