package com.livermore.perseus.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livermore.perseus.registry.RecordJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The figures of each reliability scenario (owners observed, heartbeat delays, recovery times,
 * requests and errors), merged into {@code target/reliability/report.json} and a readable {@code
 * report.md} next to it, one section per scenario, as the scenarios finish.
 */
public final class ReliabilityReport {
  private static final Path DIR =
      Path.of(System.getProperty("perseus.reliability.dir", "target/reliability"));

  /** Writes a run's own detail file ({@code name}) next to the report. */
  static Path detail(String name, String text) throws java.io.IOException {
    java.nio.file.Files.createDirectories(DIR);
    return java.nio.file.Files.writeString(DIR.resolve(name), text);
  }

  private ReliabilityReport() {}

  /** Adds (or replaces) the figures of {@code scenario}. */
  public static synchronized void record(String scenario, Map<String, ?> figures) {
    try {
      Files.createDirectories(DIR);
      Path json = DIR.resolve("report.json");
      ObjectNode report =
          Files.exists(json)
              ? (ObjectNode) RecordJson.mapper().readTree(json.toFile())
              : RecordJson.mapper().createObjectNode();
      ObjectNode section = RecordJson.mapper().valueToTree(figures);
      section.put("finishedAt", Instant.now().toString());
      report.set(scenario, section);
      RecordJson.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
      Files.writeString(DIR.resolve("report.md"), markdown(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String markdown(ObjectNode report) {
    StringBuilder md = new StringBuilder("# Reliability report\n");
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = report.fields();
        it.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> scenario = it.next();
      md.append("\n## ")
          .append(scenario.getKey())
          .append("\n\n| figure | value |\n| --- | --- |\n");
      scenario
          .getValue()
          .fields()
          .forEachRemaining(
              f ->
                  md.append("| ")
                      .append(f.getKey())
                      .append(" | ")
                      .append(f.getValue())
                      .append(" |\n"));
    }
    return md.toString();
  }
}
