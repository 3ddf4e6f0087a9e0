package dev.dozor.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.stats.Percentiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link BenchReport} as {@code benchmarks.json} and {@code benchmarks.md}. */
public final class ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  public static String json(BenchReport r) {
    try {
      return JSON.writeValueAsString(r) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the report as JSON", e);
    }
  }

  /** Writes both files into {@code dir}; returns the Markdown path. */
  public static Path write(BenchReport r, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("benchmarks.json"), json(r));
    Path md = dir.resolve("benchmarks.md");
    Files.writeString(md, markdown(r));
    return md;
  }

  public static String markdown(BenchReport r) {
    StringBuilder s = new StringBuilder();
    s.append("# Dozor benchmark\n\n");
    if (r.developmentRun()) {
      s.append(
          "> **Development run** — short steps on a shared machine; these figures only prove that"
              + " the instrument works. Do not quote them.\n\n");
    }
    s.append("Written by `bin/dozor bench`; every figure is explained next to its table.\n\n");
    s.append("| | |\n|---|---|\n");
    row(s, "date (UTC)", r.date());
    row(s, "machine", r.machine().summary());
    row(s, "Java", r.machine().javaVersion());
    row(s, "OS", r.machine().os());
    row(s, "command", "`" + r.command() + "`");
    row(s, "run vehicle prefix", "`" + r.runId() + "`");
    s.append("\n## Headline figures\n\n| figure | value | unit |\n|---|---:|---|\n");
    fig(s, "sustained throughput, end to end", num(r.sustainedPointsPerS()), "points/s");
    fig(
        s,
        "raw COPY into the positions table ("
            + String.format(Locale.ROOT, "%,d", r.copyRows())
            + " rows)",
        num(r.copyPointsPerS()),
        "points/s");
    fig(s, "ratio sustained / COPY", ratio(r.ratioToCopy()), "");
    fig(
        s,
        "p99 gateway → violation on the board at 50 % load",
        num(r.p99ViolationLatencyMsAtHalfLoad()),
        "ms");
    fig(
        s,
        "acknowledged by the gateway",
        String.format(Locale.ROOT, "%,d", r.acknowledged()),
        "points");
    fig(s, "stored (distinct)", String.format(Locale.ROOT, "%,d", r.storedDistinct()), "points");
    fig(s, "lost (acknowledged − distinct stored)", Long.toString(r.lost()), "points");
    fig(s, "duplicated (stored − distinct)", Long.toString(r.duplicated()), "rows");
    s.append(
        "\n## Targets (issue 3; reported, not asserted)\n\n| target | threshold | measured | met |\n|---|---|---|---|\n");
    for (BenchReport.Target t : r.targets()) {
      s.append("| ")
          .append(t.name())
          .append(" | ")
          .append(t.target())
          .append(" | ")
          .append(t.value())
          .append(" | ")
          .append(t.met() == null ? "n/a" : t.met() ? "met" : "not met")
          .append(" |\n");
    }
    s.append(
            "\n## Load steps\n\nEach step is held for the step duration; it *held* when the gateway")
        .append(" acknowledged ≥ 95 % of the offered points and neither consumer group's lag grew")
        .append(
            " (slope over the second half ≤ 2 % of the offered rate, final lag < 7 s of load: 2 s plus the 5 s commit interval, since lag is read from committed offsets).\n\n");
    s.append(
        "| step | offered pts/s | generated pts/s | acked pts/s | lag telemetry | lag rules |"
            + " slope telemetry /s | slope rules /s | held | why not |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (BenchReport.Step st : r.steps()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %d | %,.0f | %,.0f | %,.0f | %,d | %,d | %,.1f | %,.1f | %s | %s |\n",
              st.index(),
              st.offeredPerS(),
              st.generatedPerS(),
              st.ackedPerS(),
              st.lagTelemetry(),
              st.lagRules(),
              st.slopeTelemetryPerS(),
              st.slopeRulesPerS(),
              st.held() ? "yes" : "**no**",
              String.join("; ", st.reasons())));
    }
    s.append("\n## Latency\n\n")
        .append("PostGIS: `pg_xact_commit_timestamp(xmin) − received_at` of the phase's rows (same")
        .append(
            " clock). Violation: board WebSocket receipt of OPENED − gateway 202 of the fix that")
        .append(" completed 60 s (`lastEventTime`).\n\n");
    s.append(
        "| phase | offered pts/s | acked pts/s | path | samples | p50 ms | p95 ms | p99 ms | max ms | note |\n");
    s.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
    for (BenchReport.LatencyPhase p : r.latency()) {
      latencyRow(s, p, "gateway → PostGIS", p.postgisMs(), "");
      latencyRow(s, p, "gateway → board violation", p.violationMs(), p.note());
    }
    s.append("\n## Accuracy (violations raised vs. ground truth)\n\n")
        .append("An expected episode is recalled when a raised episode of the same regulation and")
        .append(" vehicle overlaps it; a raised episode is a true positive when it overlaps an")
        .append(" expected one.\n\n");
    s.append(
        "| regulation | expected | recalled | raised | true positives | precision | recall | note |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Map.Entry<String, AccuracyScore> e : r.accuracy().entrySet()) {
      AccuracyScore a = e.getValue();
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %s | %s | %s |\n",
              a.regulationId(),
              a.injected(),
              a.recalled(),
              a.raised(),
              a.truePositives(),
              ratio(a.precision()),
              ratio(a.recall()),
              a.note()));
    }
    s.append(
            "\n## Per-process cost\n\nCPU seconds over the whole run; share = % of one core during")
        .append(
            " the highest step attempted. Memory: VmHWM (peak RSS since start) for the JVMs; for")
        .append(" PostgreSQL the largest sampled sum of VmRSS over the postmaster and its children")
        .append(
            " (shared buffers counted in every process that touched them, so an overstatement).\n\n");
    s.append(
        "| process | PID | CPU s | CPU % at top step | peak RSS MiB |\n|---|---:|---:|---:|---:|\n");
    for (BenchReport.ProcessRow p : r.processes()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %s | %s |\n",
              p.component(),
              p.pid() < 0 ? "not running" : Long.toString(p.pid()),
              p.cpuSeconds(),
              p.cpuSharePercentAtTopStep() == null
                  ? "n/a"
                  : String.format(Locale.ROOT, "%.0f", p.cpuSharePercentAtTopStep()),
              p.peakRssMib() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", p.peakRssMib())));
    }
    s.append("\n**Bottleneck:** ").append(r.bottleneck()).append("\n");
    if (!r.notes().isEmpty()) {
      s.append("\n## Notes\n\n");
      r.notes().forEach(n -> s.append("- ").append(n).append("\n"));
    }
    return s.toString();
  }

  private static void latencyRow(
      StringBuilder s, BenchReport.LatencyPhase p, String path, Percentiles q, String note) {
    s.append(
        String.format(
            Locale.ROOT,
            "| %s | %,.0f | %,.0f | %s | %d | %s | %s | %s | %s | %s |\n",
            p.name(),
            p.ratePerS(),
            p.ackedPerS(),
            path,
            q.count(),
            num(q.p50()),
            num(q.p95()),
            num(q.p99()),
            num(q.max()),
            q.count() > 0 && q.fewSamples()
                ? (note.isEmpty() ? "" : note + "; ")
                    + "fewer than "
                    + Percentiles.FEW_SAMPLES
                    + " samples"
                : note));
  }

  private static void row(StringBuilder s, String k, String v) {
    s.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private static void fig(StringBuilder s, String k, String v, String unit) {
    s.append("| ").append(k).append(" | ").append(v).append(" | ").append(unit).append(" |\n");
  }

  static String num(Double d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", d);
  }

  static String ratio(Double d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d);
  }
}
