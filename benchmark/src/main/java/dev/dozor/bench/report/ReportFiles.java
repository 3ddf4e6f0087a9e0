package dev.dozor.bench.report;

import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an instrument's report as {@code <name>.json} (the record) and {@code <name>.md}. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * @return the Markdown file
   */
  public static Path write(Path docs, String name, Object report, String markdown)
      throws IOException {
    Files.createDirectories(docs);
    Files.writeString(
        docs.resolve(name + ".json"),
        JsonSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
    Path md = docs.resolve(name + ".md");
    Files.writeString(md, markdown);
    return md;
  }
}
