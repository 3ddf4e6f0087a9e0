package dev.dozor.rules.engine;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule reports to the {@link ViolationSink}: one state change of one episode, before the
 * engine adds the regulation's metadata.
 *
 * @param regulationId the regulation
 * @param vehicleId the vehicle
 * @param subjectId the zone, segment or assignment the episode is about, or null
 * @param status OPENED, UPDATED or CLOSED
 * @param startedAt fix time of the first violating fix
 * @param endedAt fix time of the last violating fix (CLOSED only)
 * @param eventTime fix time of the point that produced the change
 * @param parameters the thresholds in force when the episode started
 * @param measurements e.g. {@code maxSpeedKmh}, {@code durationS}
 * @param evidence fixes that prove it
 */
public record EpisodeChange(
    String regulationId,
    String vehicleId,
    String subjectId,
    ViolationStatus status,
    Instant startedAt,
    Instant endedAt,
    Instant eventTime,
    Map<String, Double> parameters,
    Map<String, Double> measurements,
    List<EvidencePoint> evidence) {

  public EpisodeChange {
    parameters = Map.copyOf(parameters);
    measurements = Map.copyOf(measurements);
    evidence = List.copyOf(evidence);
  }

  /**
   * The deterministic violation id: regulation, vehicle (and subject) and start, so re-processing
   * never doubles a violation.
   */
  public String violationId() {
    String who = subjectId == null ? vehicleId : vehicleId + '/' + subjectId;
    return ViolationEvent.episodeId(regulationId, who, startedAt);
  }
}
