package dev.dozor.events;

import java.time.Instant;
import java.util.List;

/**
 * Planned work of one vehicle in one shift ({@link Topics#REGISTRY}, key {@link
 * RegistryKeys#assignment}): a zone, a list of road segments, or both.
 *
 * @param shiftStart start of the shift window (inclusive)
 * @param shiftEnd end of the shift window (exclusive)
 * @param zoneId a zone of kind {@code work-zone}, or null
 * @param segmentIds road segments to service (the route corridor), possibly empty
 * @param corridorM how far from an assigned segment the vehicle may drive, metres, or null
 */
public record AssignmentRecord(
    int schemaVersion,
    String id,
    String vehicleId,
    Instant shiftStart,
    Instant shiftEnd,
    String zoneId,
    List<String> segmentIds,
    Double corridorM,
    String note)
    implements Versioned, java.io.Serializable {

  public AssignmentRecord {
    segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
  }

  public static AssignmentRecord of(
      String id,
      String vehicleId,
      Instant shiftStart,
      Instant shiftEnd,
      String zoneId,
      List<String> segmentIds,
      Double corridorM,
      String note) {
    return new AssignmentRecord(
        SchemaVersions.ASSIGNMENT,
        id,
        vehicleId,
        shiftStart,
        shiftEnd,
        zoneId,
        segmentIds,
        corridorM,
        note);
  }
}
