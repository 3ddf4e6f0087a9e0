package dev.dozor.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A vehicle worked a road segment ({@link Topics#COVERAGE}, key segment id): from {@code startedAt}
 * to {@code endedAt} it was on the segment with {@code equipment} working.
 *
 * @param passId deterministic ({@link #passId}), so a re-delivered pass is stored once
 * @param equipment the working channel: {@code plough}, {@code brush}, {@code spreader}, or several
 *     joined by {@code +} in channel order
 * @param coveredFraction the part of the segment's length the vehicle's points covered, 0..1
 * @param source who matched the pass: {@code telemetry-service} or {@code rules-service}
 */
public record SegmentPass(
    int schemaVersion,
    String passId,
    String segmentId,
    String vehicleId,
    Instant startedAt,
    Instant endedAt,
    String equipment,
    double coveredFraction,
    String source)
    implements Versioned {

  public static SegmentPass of(
      String segmentId,
      String vehicleId,
      Instant startedAt,
      Instant endedAt,
      String equipment,
      double coveredFraction,
      String source) {
    return new SegmentPass(
        SchemaVersions.SEGMENT_PASS,
        passId(segmentId, vehicleId, startedAt),
        segmentId,
        vehicleId,
        startedAt,
        endedAt,
        equipment,
        coveredFraction,
        source);
  }

  /** The same segment, vehicle and start give the same id. */
  public static String passId(String segmentId, String vehicleId, Instant startedAt) {
    String key = segmentId + '|' + vehicleId + '|' + startedAt.toEpochMilli();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
