package dev.dozor.rules.whatif;

import java.time.Instant;
import java.util.List;

/**
 * The state of one what-if replay, as the API shows it.
 *
 * @param id the job id
 * @param regulationId the regulation whose candidate version is tried
 * @param activeVersion the version running in the engine
 * @param candidateVersion the version tried
 * @param district the district (OKTMO) or null
 * @param vehicles named vehicles, possibly empty
 * @param from start of the replayed period (inclusive)
 * @param to end of the replayed period (exclusive)
 * @param status RUNNING, DONE or FAILED
 * @param vehiclesInExport vehicles telemetry-service selected (-1 unknown)
 * @param points points replayed so far
 * @param replayedUntil fix time of the last replayed point
 * @param progressPct share of the period replayed, by fix time, 0..100
 * @param startedAt wall time the replay started
 * @param finishedAt wall time it ended, or null
 * @param error why it failed, or null
 * @param regulations the comparison per regulation (when DONE)
 */
public record WhatIfJob(
    String id,
    String regulationId,
    int activeVersion,
    int candidateVersion,
    String district,
    List<String> vehicles,
    Instant from,
    Instant to,
    String status,
    int vehiclesInExport,
    long points,
    Instant replayedUntil,
    double progressPct,
    Instant startedAt,
    Instant finishedAt,
    String error,
    List<EpisodeDiff.RegulationDiff> regulations) {

  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";

  WhatIfJob progress(int vehiclesInExport, long points, Instant until) {
    double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    double pct =
        until == null
            ? 0
            : Math.min(100, 100.0 * (until.toEpochMilli() - from.toEpochMilli()) / span);
    return new WhatIfJob(
        id,
        regulationId,
        activeVersion,
        candidateVersion,
        district,
        vehicles,
        from,
        to,
        status,
        vehiclesInExport,
        points,
        until,
        Math.round(pct * 10) / 10.0,
        startedAt,
        finishedAt,
        error,
        regulations);
  }

  WhatIfJob done(List<EpisodeDiff.RegulationDiff> result, Instant now) {
    return new WhatIfJob(
        id,
        regulationId,
        activeVersion,
        candidateVersion,
        district,
        vehicles,
        from,
        to,
        DONE,
        vehiclesInExport,
        points,
        replayedUntil,
        100,
        startedAt,
        now,
        null,
        result);
  }

  WhatIfJob failed(String why, Instant now) {
    return new WhatIfJob(
        id,
        regulationId,
        activeVersion,
        candidateVersion,
        district,
        vehicles,
        from,
        to,
        FAILED,
        vehiclesInExport,
        points,
        replayedUntil,
        progressPct,
        startedAt,
        now,
        why,
        null);
  }
}
