package dev.dozor.dispatch.violation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A violation episode as the dispatcher sees it: the latest state the rules service reported plus
 * the dispatcher's acknowledgement. Also the REST and WebSocket representation.
 */
public record Violation(
    String id,
    String regulationId,
    int regulationVersion,
    String title,
    String severity,
    String vehicleId,
    ViolationStatus status,
    Instant startedAt,
    Instant endedAt,
    Instant lastEventTime,
    Map<String, Double> parameters,
    Map<String, Double> measurements,
    List<EvidencePoint> evidence,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String ackComment,
    Instant createdAt,
    Instant updatedAt) {

  public Violation {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  @JsonIgnore
  public boolean isAcknowledged() {
    return acknowledgedBy != null;
  }

  /** OPENED or UPDATED: the condition still holds. */
  @JsonIgnore
  public boolean isActive() {
    return status != ViolationStatus.CLOSED;
  }

  /** This episode acknowledged by {@code user} at {@code at}. */
  public Violation acknowledged(String user, String comment, Instant at) {
    return new Violation(
        id,
        regulationId,
        regulationVersion,
        title,
        severity,
        vehicleId,
        status,
        startedAt,
        endedAt,
        lastEventTime,
        parameters,
        measurements,
        evidence,
        user,
        at,
        comment,
        createdAt,
        at);
  }
}
