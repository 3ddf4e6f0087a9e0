package dev.dozor.telemetry.planning;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentRequest;
import dev.dozor.telemetry.registry.RegistryValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an assignment request and turns it into the contract record; 400 names the field. What
 * exists in the database (vehicle, zone and its kind, segments) is checked by {@link
 * AssignmentRepository}.
 */
public final class AssignmentValidation {
  /** Longest shift one assignment may cover; longer plans are several assignments. */
  public static final Duration MAX_SHIFT = Duration.ofDays(7);

  /** Most segments one assignment may list (a district has about a thousand). */
  public static final int MAX_SEGMENTS = 20_000;

  private AssignmentValidation() {}

  public static AssignmentRecord assignment(String id, AssignmentRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid(
          "body", "a JSON body with vehicleId, shiftStart, shiftEnd and zoneId or segmentIds");
    }
    RegistryValidation.requireId("vehicleId", body.vehicleId());
    Instant start = RegistryValidation.requireInstant("shiftStart", body.shiftStart());
    Instant end = RegistryValidation.requireInstant("shiftEnd", body.shiftEnd());
    if (!end.isAfter(start)) {
      throw ApiException.invalid("shiftEnd", "shiftEnd must be after shiftStart");
    }
    if (Duration.between(start, end).compareTo(MAX_SHIFT) > 0) {
      throw ApiException.invalid(
          "shiftEnd", "a shift may last at most " + MAX_SHIFT.toDays() + " days");
    }
    RegistryValidation.optionalId("zoneId", body.zoneId());
    List<String> segments = segments(body.segmentIds());
    if (body.zoneId() == null && segments.isEmpty()) {
      throw ApiException.invalid(
          "segmentIds", "an assignment needs a zoneId, at least one of segmentIds, or both");
    }
    Double corridor = body.corridorM();
    if (corridor != null && !(Double.isFinite(corridor) && corridor > 0)) {
      throw ApiException.invalid(
          "corridorM", "corridorM must be a positive number of metres, was " + corridor);
    }
    return AssignmentRecord.of(
        id,
        body.vehicleId(),
        start,
        end,
        body.zoneId(),
        segments,
        corridor,
        RegistryValidation.optionalText("note", body.note()));
  }

  /** The segment ids in their order, repeats dropped. */
  private static List<String> segments(List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > MAX_SEGMENTS) {
      throw ApiException.invalid(
          "segmentIds", "at most " + MAX_SEGMENTS + " segments per assignment");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      RegistryValidation.requireId("segmentIds[" + i + "]", ids.get(i));
      unique.add(ids.get(i));
    }
    return new ArrayList<>(unique);
  }
}
