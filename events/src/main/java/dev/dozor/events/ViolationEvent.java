package dev.dozor.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A state change of a violation episode, published on {@link Topics#VIOLATIONS} keyed by vehicle.
 *
 * @param schemaVersion {@link SchemaVersions#VIOLATION_EVENT}
 * @param violationId deterministic episode id, see {@link #episodeId}
 * @param regulationId e.g. {@code SPD-001}
 * @param regulationVersion version of the regulation that raised it
 * @param title short human title of the regulation
 * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH}
 * @param vehicleId the vehicle
 * @param status OPENED, UPDATED or CLOSED
 * @param startedAt fix time at which the condition began
 * @param endedAt fix time at which it stopped (CLOSED only), else null
 * @param eventTime fix time of the point that produced this event
 * @param parameters thresholds in force, by name (units in the name: {@code speedLimitKmh})
 * @param measurements what an official needs (e.g. {@code maxSpeedKmh}, {@code durationS})
 * @param evidence fixes that prove it
 */
public record ViolationEvent(
    int schemaVersion,
    String violationId,
    String regulationId,
    int regulationVersion,
    String title,
    String severity,
    String vehicleId,
    ViolationStatus status,
    Instant startedAt,
    Instant endedAt,
    Instant eventTime,
    Map<String, Double> parameters,
    Map<String, Double> measurements,
    List<EvidencePoint> evidence)
    implements Versioned {

  public ViolationEvent {
    Objects.requireNonNull(violationId, "violationId");
    Objects.requireNonNull(regulationId, "regulationId");
    Objects.requireNonNull(vehicleId, "vehicleId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /**
   * The deterministic id of an episode: the same regulation, vehicle and start always give the same
   * id, so re-processing a topic never doubles a violation.
   */
  public static String episodeId(String regulationId, String vehicleId, Instant startedAt) {
    String name =
        regulationId
            + '|'
            + vehicleId
            + '|'
            + startedAt.truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
