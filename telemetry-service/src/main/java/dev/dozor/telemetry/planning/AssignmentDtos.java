package dev.dozor.telemetry.planning;

import java.time.Instant;
import java.util.List;

/** Request and answer bodies of {@code /api/v1/assignments}. */
public final class AssignmentDtos {
  private AssignmentDtos() {}

  /**
   * Body of {@code PUT /api/v1/assignments/{id}} (a full replacement); times are ISO-8601 UTC.
   *
   * @param zoneId a zone of kind {@code work-zone}; this and/or segmentIds is required
   * @param segmentIds imported road segments (the route corridor)
   * @param corridorM how far from an assigned segment the vehicle may drive, metres, > 0
   */
  public record AssignmentRequest(
      String vehicleId,
      String shiftStart,
      String shiftEnd,
      String zoneId,
      List<String> segmentIds,
      Double corridorM,
      String note) {}

  /** A stored assignment. */
  public record AssignmentView(
      String id,
      String vehicleId,
      Instant shiftStart,
      Instant shiftEnd,
      String zoneId,
      List<String> segmentIds,
      Double corridorM,
      String note,
      Instant updatedAt) {}
}
