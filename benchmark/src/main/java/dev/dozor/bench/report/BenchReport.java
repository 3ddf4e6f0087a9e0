package dev.dozor.bench.report;

import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.proc.MachineInfo;
import dev.dozor.bench.stats.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code bench} run measured; written as {@code benchmarks.json} (snake_case keys)
 * and rendered as {@code benchmarks.md}. Figures that could not be measured are null with a note.
 *
 * @param machine cores, RAM, CPU, Java
 * @param date ISO-8601 start of the run (UTC)
 * @param command the scenario as a command line
 * @param runId vehicle-id prefix of the run
 * @param developmentRun true when the run was too short to be quoted
 * @param copyRows rows of the COPY reference
 * @param copySeconds its wall time
 * @param copyPointsPerS raw COPY rows/s into the scratch positions table
 * @param steps the stepped load
 * @param sustainedPointsPerS highest step that held (offered rate), null when none held
 * @param ratioToCopy sustained / COPY
 * @param latency the fixed-rate latency phases
 * @param p99ViolationLatencyMsAtHalfLoad gateway ack → board OPENED p99 at 50 % of sustained
 * @param acknowledged distinct points the gateway acknowledged (202)
 * @param storedRows rows stored for the run's vehicles
 * @param storedDistinct distinct (vehicle, fix time) stored
 * @param lost acknowledged − distinct stored
 * @param duplicated stored − distinct stored
 * @param unacknowledgedAtEnd fixes still buffered by the load when it stopped (not counted)
 * @param accuracy precision / recall per regulation
 * @param processes per-process CPU and memory
 * @param bottleneck the process with the highest CPU share at the highest step, and whose lag grew
 * @param targets the targets, met or not
 * @param notes caveats of this run
 */
public record BenchReport(
    MachineInfo machine,
    String date,
    String command,
    String runId,
    boolean developmentRun,
    long copyRows,
    double copySeconds,
    Double copyPointsPerS,
    List<Step> steps,
    Double sustainedPointsPerS,
    Double ratioToCopy,
    List<LatencyPhase> latency,
    Double p99ViolationLatencyMsAtHalfLoad,
    long acknowledged,
    long storedRows,
    long storedDistinct,
    long lost,
    long duplicated,
    long unacknowledgedAtEnd,
    Map<String, AccuracyScore> accuracy,
    List<ProcessRow> processes,
    String bottleneck,
    List<Target> targets,
    List<String> notes) {

  /**
   * One load step.
   *
   * @param index 1-based
   * @param offeredPerS target points/s
   * @param generatedPerS points/s the load actually generated
   * @param ackedPerS points/s the gateway acknowledged
   * @param lagTelemetry final lag of dozor-telemetry, records
   * @param lagRules final lag of dozor-rules, records
   * @param slopeTelemetryPerS lag slope of dozor-telemetry over the second half, records/s
   * @param slopeRulesPerS lag slope of dozor-rules, records/s
   * @param held whether the step held
   * @param reasons why not
   * @param cpuSharePercent CPU used per process during the step, % of one core
   */
  public record Step(
      int index,
      double offeredPerS,
      double generatedPerS,
      double ackedPerS,
      long lagTelemetry,
      long lagRules,
      double slopeTelemetryPerS,
      double slopeRulesPerS,
      boolean held,
      List<String> reasons,
      Map<String, Double> cpuSharePercent) {}

  /**
   * A fixed-rate phase.
   *
   * @param name e.g. "50 %"
   * @param ratePerS offered points/s
   * @param ackedPerS acknowledged points/s
   * @param postgisMs gateway receipt → row committed in PostGIS, ms
   * @param violationMs gateway ack of the completing point → OPENED on the board WebSocket, ms
   * @param note caveats (few samples…)
   */
  public record LatencyPhase(
      String name,
      double ratePerS,
      double ackedPerS,
      Percentiles postgisMs,
      Percentiles violationMs,
      String note) {}

  /**
   * Cost of one process over the whole run.
   *
   * @param component gateway, telemetry, rules, dispatch, kafka, postgres, bench
   * @param pid main PID
   * @param cpuSeconds CPU seconds used during the run
   * @param cpuSharePercentAtTopStep % of one core during the highest step attempted
   * @param peakRssMib peak resident memory, MiB
   */
  public record ProcessRow(
      String component,
      long pid,
      double cpuSeconds,
      Double cpuSharePercentAtTopStep,
      Double peakRssMib) {}

  /**
   * A target from the issue, reported (never asserted).
   *
   * @param name what
   * @param target the threshold
   * @param value measured
   * @param met null when not measured
   */
  public record Target(String name, String target, String value, Boolean met) {}
}
