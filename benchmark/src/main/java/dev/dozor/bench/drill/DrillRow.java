package dev.dozor.bench.drill;

import java.util.List;

/**
 * One line of the drill report: a fault (or the baseline) and what the accounting after it found.
 *
 * @param drill e.g. {@code kill -9 telemetry}
 * @param readyAfterS from the fault until the component was ready again, null for the baseline
 * @param lagNormalAfterS from the fault until consumer lag and buffered points were back under the
 *     threshold, null when it never happened within the recovery timeout
 * @param maxLag highest dozor-telemetry lag seen during recovery
 * @param maxBuffered most points held in the devices' black boxes during recovery
 * @param acknowledgedDelta points acknowledged since the previous row
 * @param store acknowledged versus stored, cumulative for the run
 * @param episodes expected versus raised SPD-001 violations, cumulative for the run
 * @param lostSincePrevious points lost since the previous row
 * @param episodesSincePrevious what changed in the violation comparison since the previous row
 * @param notes anything that went wrong while measuring, and the new mismatches
 */
public record DrillRow(
    String drill,
    Double readyAfterS,
    Double lagNormalAfterS,
    long maxLag,
    long maxBuffered,
    long acknowledgedDelta,
    StoreCheck.Result store,
    EpisodeCheck.Result episodes,
    long lostSincePrevious,
    EpisodeCheck.Result episodesSincePrevious,
    List<String> notes) {

  /** The component had no PID recorded by bin/dozor (external server): nothing was measured. */
  public boolean skipped() {
    return drill.endsWith("(skipped)");
  }

  /** Points lost or duplicated in the run so far. */
  public boolean pointsFailed() {
    return !skipped() && (store == null || store.lost() != 0 || store.duplicated() != 0);
  }

  /** Violations lost or doubled (or otherwise not as expected) in the run so far. */
  public boolean episodesFailed() {
    return !skipped() && (episodes == null || !episodes.clean());
  }

  /** This drill lost or duplicated points (not an earlier one). */
  public boolean pointsFailedHere() {
    return !skipped() && (store == null || lostSincePrevious > 0 || store.duplicated() != 0);
  }

  /** This drill lost, doubled or otherwise spoilt violations (not an earlier one). */
  public boolean episodesFailedHere() {
    return !skipped() && (episodesSincePrevious == null || !episodesSincePrevious.clean());
  }
}
