package dev.dozor.rules.engine;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule reports to the {@link ViolationSink}: one state change of one episode, before the
 * engine adds the regulation's metadata and parameters.
 *
 * @param regulationId the regulation
 * @param vehicleId the vehicle
 * @param status OPENED, UPDATED or CLOSED
 * @param startedAt fix time of the first violating fix
 * @param endedAt fix time of the last violating fix (CLOSED only)
 * @param eventTime fix time of the point that produced the change
 * @param measurements e.g. {@code maxSpeedKmh}, {@code durationS}
 * @param evidence fixes that prove it
 */
public record EpisodeChange(
    String regulationId,
    String vehicleId,
    ViolationStatus status,
    Instant startedAt,
    Instant endedAt,
    Instant eventTime,
    Map<String, Double> measurements,
    List<EvidencePoint> evidence) {

  public EpisodeChange {
    measurements = Map.copyOf(measurements);
    evidence = List.copyOf(evidence);
  }
}
