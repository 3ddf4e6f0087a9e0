package dev.dozor.bench.telemetry;

import dev.dozor.bench.report.ReportFiles;
import dev.dozor.bench.stats.Percentiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code bin/dozor bench telemetry}, written as {@code docs/benchmarks-telemetry.md}
 * and {@code docs/benchmarks-telemetry.json}.
 */
record TelemetryBenchReport(
    String date,
    String machine,
    String command,
    Map<String, String> volumes,
    Ingest ingest,
    List<GrowthRow> growth,
    List<String> notes) {

  static final double INGEST_GOAL_PER_S = 60_000;
  static final double INGEST_GOAL_RATIO = 0.6;
  static final double TRACK_GOAL_MS = 300;
  static final double COVERAGE_GOAL_MS = 1000;

  /**
   * The ingest measurement.
   *
   * @param points backlog size
   * @param producedPerS rate the backlog was produced at (service stopped)
   * @param stored rows the service stored (exact count at the end)
   * @param rate the service's start-up, sustained and overall rates; null when it did not finish
   * @param copy raw COPY of the same rows into a scratch copy of the table (one transaction)
   * @param unnest the service's unnest statement over JDBC, same rows, per connection count
   */
  record Ingest(
      long points,
      int vehicles,
      double producedPerS,
      long stored,
      IngestRate.Result rate,
      CopyFigure copy,
      List<UnnestReference.Result> unnest) {

    Double ratio() {
      return rate == null || copy == null || copy.pointsPerS() <= 0
          ? null
          : rate.sustainedPerS() / copy.pointsPerS();
    }

    boolean meetsGoal() {
      return rate != null
          && rate.sustainedPerS() >= INGEST_GOAL_PER_S
          && ratio() != null
          && ratio() >= INGEST_GOAL_RATIO;
    }
  }

  /** The COPY reference's figures. */
  record CopyFigure(long rows, double seconds, double pointsPerS) {}

  /**
   * The queries timed with {@code days} days stored.
   *
   * @param positions rows in telemetry.positions
   * @param passes rows in the passes table
   * @param track the 24 h track of the 1 Hz vehicle on the benchmark day
   * @param coverageDay the district's coverage on the benchmark day
   * @param coverageAll the district's coverage over all stored days
   */
  record GrowthRow(
      int days,
      long positions,
      long passes,
      QueryTiming track,
      QueryTiming coverageDay,
      QueryTiming coverageAll) {}

  Path write(Path docs) throws IOException {
    return ReportFiles.write(docs, "benchmarks-telemetry", this, markdown());
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Telemetry-service benchmark\n\n")
        .append("Written by `")
        .append(command)
        .append("` on ")
        .append(date)
        .append(". Machine: ")
        .append(machine)
        .append(".\n\n")
        .append("The packaged telemetry-service alone with Kafka and PostgreSQL+PostGIS (gateway,")
        .append(" rules and dispatch stopped), on a database of its own (`dozor_bench`), so the")
        .append(" demo's data is untouched. The load generator runs on the same cores.\n\n");
    b.append("## Goals\n\n| measurement | figure | goal | met |\n|---|---|---|---|\n");
    goalRows(b);
    b.append("\n## Volumes\n\n| what | volume |\n|---|---|\n");
    volumes.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    ingestSection(b);
    querySection(b);
    growthSection(b);
    if (!notes.isEmpty()) {
      b.append("\n## Notes\n\n");
      for (String n : notes) {
        b.append("- ").append(n).append('\n');
      }
    }
    return b.toString();
  }

  private void goalRows(StringBuilder b) {
    if (ingest == null || ingest.rate() == null) {
      b.append(
          "| ingest (consumer → PostGIS) | not measured | ≥ 60,000 points/s, ≥ 0.6 of COPY | no |\n");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "| ingest (consumer → PostGIS) | %,.0f points/s sustained, %.2f of COPY (%,.0f/s) |"
                  + " ≥ %,.0f points/s and ≥ %.1f of COPY | %s |%n",
              ingest.rate().sustainedPerS(),
              ingest.ratio() == null ? Double.NaN : ingest.ratio(),
              ingest.copy() == null ? Double.NaN : ingest.copy().pointsPerS(),
              INGEST_GOAL_PER_S,
              INGEST_GOAL_RATIO,
              ingest.meetsGoal() ? "yes" : "no"));
    }
    GrowthRow first = growth.isEmpty() ? null : growth.get(0);
    goalRow(
        b,
        "track, 24 h at 1 Hz (86,400 points)",
        first == null ? null : first.track(),
        TRACK_GOAL_MS);
    goalRow(
        b, "coverage, district-day", first == null ? null : first.coverageDay(), COVERAGE_GOAL_MS);
  }

  private static void goalRow(StringBuilder b, String what, QueryTiming q, double goalMs) {
    String figure = q == null ? "not measured" : q.ok() ? latency(q.ms()) : q.detail();
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | p95 ≤ %,.0f ms | %s |%n",
            what,
            figure,
            goalMs,
            q != null && q.meets(goalMs) ? "yes" : "no"));
  }

  static String latency(Percentiles p) {
    return String.format(
        Locale.ROOT, "p50 %,.0f ms, p95 %,.0f ms, max %,.0f ms", p.p50(), p.p95(), p.max());
  }

  private void ingestSection(StringBuilder b) {
    b.append("\n## Ingest\n\n");
    if (ingest == null) {
      b.append("Not measured.\n");
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%,d points from %,d vehicles (10 s fixes in Moscow, the gateway's JSON) were"
                + " produced to a topic of the bench's own (12 partitions) at %,.0f/s with the"
                + " service stopped; then the service was started and its stored rows sampled"
                + " every second. The sustained rate is the slope between 10 %% and 90 %% of the"
                + " backlog stored, so start-up is excluded. The references copy or insert the"
                + " same rows into scratch copies of the partitioned table (same primary key and"
                + " GiST index) in the same run, after the service finished.%n%n",
            ingest.points(),
            ingest.vehicles(),
            ingest.producedPerS()));
    b.append("| path | rows | time | rate | ratio to COPY |\n|---|---:|---:|---:|---:|\n");
    double copy = ingest.copy() == null ? 0 : ingest.copy().pointsPerS();
    IngestRate.Result r = ingest.rate();
    if (r != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "| **telemetry-service: Kafka consumer → PostGIS** (sustained, 10–90 %%) | %,d |"
                  + " %.1f s drain after %.1f s start-up | **%,.0f/s** (overall %,.0f/s) | %s |%n",
              ingest.stored(),
              r.drainS(),
              r.startUpS(),
              r.sustainedPerS(),
              r.overallPerS(),
              ratio(r.sustainedPerS(), copy)));
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "| telemetry-service | %,d stored | did not reach 90 %% | — | — |%n",
              ingest.stored()));
    }
    if (ingest.copy() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "| raw COPY (text, one transaction) | %,d | %.1f s | %,.0f/s | 1.00 |%n",
              ingest.copy().rows(),
              ingest.copy().seconds(),
              copy));
    }
    for (UnnestReference.Result u : ingest.unnest()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| the service's `unnest … ON CONFLICT DO NOTHING` over JDBC, %,d-row batches, %d"
                  + " connection%s | %,d | %.1f s | %,.0f/s | %s |%n",
              u.batch(),
              u.connections(),
              u.connections() == 1 ? "" : "s",
              u.rows(),
              u.seconds(),
              u.pointsPerS(),
              ratio(u.pointsPerS(), copy)));
    }
  }

  private static String ratio(double rate, double copy) {
    return copy <= 0 ? "—" : String.format(Locale.ROOT, "%.2f", rate / copy);
  }

  private void querySection(StringBuilder b) {
    b.append("\n## Track and coverage (1 day stored)\n\n");
    if (growth.isEmpty()) {
      b.append("Not measured.\n");
      return;
    }
    GrowthRow g = growth.get(0);
    b.append("| query | request | status | timed | p50 | p95 | max | answer |\n")
        .append("|---|---|---|---:|---:|---:|---:|---|\n");
    queryRow(b, g.track());
    queryRow(b, g.coverageDay());
    b.append('\n');
    for (QueryTiming q : List.of(g.track(), g.coverageDay())) {
      if (q.ok() && !q.detail().isEmpty()) {
        b.append("- ").append(q.name()).append(": ").append(q.detail()).append('\n');
      }
    }
  }

  private static void queryRow(StringBuilder b, QueryTiming q) {
    if (!q.ok()) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %d | 0 | — | — | — | %s |%n",
              q.name(),
              q.request(),
              q.status(),
              q.detail()));
      return;
    }
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | `%s` | 200 | %d | %,.0f ms | %,.0f ms | %,.0f ms | %,d bytes, %s features |%n",
            q.name(),
            q.request(),
            q.millis().size(),
            q.ms().p50(),
            q.ms().p95(),
            q.ms().max(),
            q.bytes(),
            q.features() < 0 ? "no" : Integer.toString(q.features())));
  }

  private void growthSection(StringBuilder b) {
    b.append("\n## Growth with stored days\n\n");
    b.append(
        "The benchmark day stays the same; older days are added before each row. Times are p50 /"
            + " p95 of the timed requests.\n\n");
    b.append(
        "| days stored | positions | passes | track 24 h | coverage district-day |"
            + " coverage district, all stored days |\n|---:|---:|---:|---|---|---|\n");
    for (GrowthRow g : growth) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %,d | %s | %s | %s |%n",
              g.days(),
              g.positions(),
              g.passes(),
              cell(g.track()),
              cell(g.coverageDay()),
              cell(g.coverageAll())));
    }
  }

  static String cell(QueryTiming q) {
    if (q == null) {
      return "—";
    }
    if (!q.ok()) {
      return q.status() == 0 ? "no answer" : "HTTP " + q.status();
    }
    return String.format(Locale.ROOT, "%,.0f / %,.0f ms", q.ms().p50(), q.ms().p95());
  }
}
