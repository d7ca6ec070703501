package com.livermore.perseus.bench;

import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The suite's output: one Markdown table on standard output, the same rows as JSON. */
final class ResultTable {
  private ResultTable() {}

  static String markdown(List<ResultRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| operation | Perseus median | Perseus p99 | baseline median | baseline p99 |")
        .append(" ratio | goal | met | note |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
    for (ResultRow r : rows) {
      out.append("| ")
          .append(
              String.join(
                  " | ",
                  r.operation(),
                  value(r, r.perseusMedianMicros()),
                  value(r, r.perseusP99Micros()),
                  value(r, r.baselineMedianMicros()),
                  value(r, r.baselineP99Micros()),
                  r.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f×", r.ratio()),
                  r.goal(),
                  r.met() ? "yes" : "**no**",
                  r.note() == null ? "" : r.note()))
          .append(" |\n");
    }
    return out.toString();
  }

  static void writeJson(List<ResultRow> rows, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    RecordJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
  }

  /** A time, or a count in the row's unit (e.g. "commands"). */
  private static String value(ResultRow r, Double v) {
    if (r.unit() == null || v == null) return time(v);
    return String.format(Locale.ROOT, "%.1f %s", v, r.unit());
  }

  /** Microseconds as µs, ms or s, whichever reads best. */
  static String time(Double micros) {
    if (micros == null) return "—";
    if (micros < 1_000) return String.format(Locale.ROOT, "%.0f µs", micros);
    if (micros < 1_000_000) return String.format(Locale.ROOT, "%.1f ms", micros / 1_000);
    return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
  }
}
