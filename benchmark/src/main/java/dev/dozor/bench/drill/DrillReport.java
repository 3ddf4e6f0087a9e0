package dev.dozor.bench.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the drill rows as the Markdown of {@code docs/drills.md}. Pure. */
public final class DrillReport {
  private DrillReport() {}

  /**
   * @param machine e.g. {@code 2 cores, 23 GiB RAM, Linux 6.1}
   * @param date ISO date-time of the run
   * @param load one line describing the load
   * @param threshold the "normal" lag threshold in points
   */
  public static String markdown(
      String machine, String date, String load, long threshold, List<DrillRow> rows) {
    StringBuilder s = new StringBuilder();
    s.append("# Fault drills\n\n");
    s.append("Written by `bin/dozor drill`; do not edit by hand.\n\n");
    s.append("- machine: ").append(machine).append('\n');
    s.append("- date: ").append(date).append('\n');
    s.append("- load: ").append(load).append('\n');
    s.append("- normal lag: at most ")
        .append(threshold)
        .append(" points behind in `dozor-telemetry` and in the devices' black boxes\n");
    s.append("- verdict: ").append(verdict(rows)).append("\n\n");
    s.append(
        "Each row is measured after the load was paused, every device's black box was acknowledged"
            + " and the consumer groups `dozor-telemetry`, `dozor-rules` and `dozor-dispatch` had no"
            + " lag. Acknowledged, stored, lost and duplicated are cumulative for the run; SPD-001"
            + " columns compare the episodes the offenders' acknowledged fixes must produce with the"
            + " violations dispatch-service lists (cumulative too). The result column judges only"
            + " what changed since the previous row, so a failure is charged to the drill that"
            + " caused it.\n\n");
    s.append(
        "| drill | ready after | lag normal after | max lag | max buffered | acknowledged (+ since"
            + " previous) | stored distinct | lost | duplicated | SPD-001 expected / raised | lost"
            + " | doubled | other | result |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (DrillRow r : rows) {
      StoreCheck.Result st = r.store();
      EpisodeCheck.Result ep = r.episodes();
      s.append("| ")
          .append(r.drill())
          .append(" | ")
          .append(seconds(r.readyAfterS()))
          .append(" | ")
          .append(seconds(r.lagNormalAfterS()))
          .append(" | ")
          .append(fmt(r.maxLag()))
          .append(" | ")
          .append(fmt(r.maxBuffered()))
          .append(" | ")
          .append(
              st == null ? "?" : fmt(st.acknowledged()) + " (+" + fmt(r.acknowledgedDelta()) + ")")
          .append(" | ")
          .append(st == null ? "?" : fmt(st.storedDistinct()))
          .append(" | ")
          .append(st == null ? "?" : fmt(st.lost()))
          .append(" | ")
          .append(st == null ? "?" : fmt(st.duplicated()))
          .append(" | ")
          .append(ep == null ? "?" : ep.expected() + " / " + ep.raised())
          .append(" | ")
          .append(ep == null ? "?" : Integer.toString(ep.lost()))
          .append(" | ")
          .append(ep == null ? "?" : Integer.toString(ep.doubled()))
          .append(" | ")
          .append(ep == null ? "?" : other(ep))
          .append(" | ")
          .append(result(r))
          .append(" |\n");
    }
    List<String> details = new ArrayList<>();
    for (DrillRow r : rows) {
      for (String n : r.notes()) {
        details.add(r.drill() + ": " + n);
      }
    }
    if (!details.isEmpty()) {
      s.append("\n## Notes\n\n");
      for (String d : details) {
        s.append("- ").append(d).append('\n');
      }
    }
    return s.toString();
  }

  static String verdict(List<DrillRow> rows) {
    boolean points = rows.stream().anyMatch(DrillRow::pointsFailed);
    boolean episodes = rows.stream().anyMatch(DrillRow::episodesFailed);
    if (!points && !episodes) {
      return "PASS: no point lost or duplicated, every expected violation raised once";
    }
    return "FAIL:"
        + (points ? " points lost or duplicated;" : "")
        + (episodes ? " violations lost, doubled or wrong;" : "");
  }

  static String result(DrillRow r) {
    if (r.pointsFailedHere()) {
      return "**FAIL** (points)";
    }
    if (r.episodesFailedHere()) {
      return "**FAIL** (violations)";
    }
    return "pass";
  }

  private static String other(EpisodeCheck.Result ep) {
    List<String> parts = new ArrayList<>();
    if (ep.shifted() > 0) {
      parts.add(ep.shifted() + " shifted");
    }
    if (ep.spurious() > 0) {
      parts.add(ep.spurious() + " spurious");
    }
    if (ep.unclosed() > 0) {
      parts.add(ep.unclosed() + " not closed");
    }
    return parts.isEmpty() ? "0" : String.join(", ", parts);
  }

  static String seconds(Double s) {
    return s == null ? "–" : String.format(Locale.ROOT, "%.1f s", s);
  }

  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
