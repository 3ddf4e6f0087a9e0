package dev.dozor.bench.gateway;

import dev.dozor.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code bin/dozor bench gateway}, written as {@code docs/benchmarks-gateway.md} and
 * {@code docs/benchmarks-gateway.json}.
 */
record GatewayBenchReport(
    String date, String machine, String command, List<Phase> phases, List<String> notes) {

  /**
   * One measured load.
   *
   * @param rate acknowledged units per second over the window
   * @param published points the gateway published to Kafka in the window (its own counter)
   * @param dropped fixes the gateway dropped as implausible in the window
   * @param cpuCores CPU used during the window per component, in cores (1.0 = one core busy)
   * @param rssMb peak resident memory per component, MiB
   */
  record Phase(
      String name,
      String scenario,
      String unit,
      double target,
      double rate,
      long acknowledged,
      long published,
      long dropped,
      double seconds,
      Map<String, Long> failures,
      Map<String, Double> cpuCores,
      Map<String, Long> rssMb,
      JfrProfile.Summary profile) {

    /** Published points per second: what reached Kafka, not merely what was answered. */
    double publishedRate() {
      return seconds <= 0 ? 0 : published / seconds;
    }

    boolean meetsTarget() {
      return rate >= target && publishedRate() >= target;
    }
  }

  Path write(Path docs) throws IOException {
    return ReportFiles.write(docs, "benchmarks-gateway", this, markdown());
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Gateway benchmark\n\n")
        .append("Written by `")
        .append(command)
        .append("` on ")
        .append(date)
        .append(". Machine: ")
        .append(machine)
        .append(".\n\n")
        .append(
            "The gateway alone, with Kafka (telemetry, rules and dispatch stopped): devices are")
        .append(" registered straight on `dozor.registry.v1`, and a point counts only when the")
        .append(" gateway acknowledged it, i.e. after Kafka acknowledged it (`acks=all`); the")
        .append(" gateway's own counters (`/api/v1/stats`) give the points it published and the")
        .append(
            " implausible fixes it dropped, and a goal is met only when both rates reach it. The load")
        .append(" generator runs on the same two cores, so its CPU is listed too.\n\n")
        .append("| phase | scenario | acknowledged | rate | published to Kafka | dropped | goal |")
        .append(" met | failures |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
    for (Phase p : phases) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d %s in %.0f s | **%,.0f %s/s** | %,d points (%,.0f/s) | %,d | %s |"
                  + " %s | %s |%n",
              p.name(),
              p.scenario(),
              p.acknowledged(),
              p.unit(),
              p.seconds(),
              p.rate(),
              p.unit(),
              p.published(),
              p.publishedRate(),
              p.dropped(),
              p.target() <= 0 ? "—" : String.format(Locale.ROOT, "%,.0f", p.target()),
              p.target() <= 0 ? "—" : p.meetsTarget() ? "yes" : "no",
              p.failures().isEmpty() ? "none" : p.failures().toString()));
    }
    b.append("\n## Where the time goes\n\n");
    for (Phase p : phases) {
      b.append("### ").append(p.name()).append("\n\n");
      b.append("CPU during the window (cores): ");
      b.append(join(p.cpuCores(), "%.2f")).append(". Peak RSS (MiB): ");
      b.append(join(p.rssMb(), "%d")).append(".\n\n");
      JfrProfile.Summary s = p.profile();
      if (s == null || s.samples() == 0) {
        b.append("No JFR profile was recorded (`--no-profile`).\n\n");
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "JFR execution samples of the gateway: %,d. By thread group:%n%n",
              s.samples()));
      shareTable(b, "thread group", s.byThread());
      b.append("By the code that did the work (first frame outside the JDK):\n\n");
      shareTable(b, "code area", s.byCode());
      b.append("Hottest methods (self time):\n\n");
      shareTable(b, "method", s.topMethods());
    }
    if (!notes.isEmpty()) {
      b.append("## Notes\n\n");
      for (String n : notes) {
        b.append("- ").append(n).append('\n');
      }
    }
    return b.toString();
  }

  private static void shareTable(StringBuilder b, String what, Map<String, Double> shares) {
    b.append("| ").append(what).append(" | share |\n|---|---:|\n");
    shares.forEach(
        (k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", k, v * 100)));
    b.append('\n');
  }

  private static String join(Map<String, ? extends Number> values, String format) {
    StringBuilder b = new StringBuilder();
    values.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k).append(' ').append(String.format(Locale.ROOT, format, v));
        });
    return b.toString();
  }
}
