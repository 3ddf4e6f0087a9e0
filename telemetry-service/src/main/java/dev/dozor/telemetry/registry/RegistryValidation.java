package dev.dozor.telemetry.registry;

import dev.dozor.events.SchemaVersions;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks vehicle requests and holds the checks every registry request shares; throws {@link
 * ApiException}. Devices: {@link DeviceValidation}.
 */
public final class RegistryValidation {
  /** Vehicle types the regulations know. */
  public static final List<String> VEHICLE_TYPES =
      List.of("plough", "sweeper", "spreader", "flusher", "refuse", "loader");

  /** Longest free text (plate, contractor, profile name, ...). */
  public static final int MAX_TEXT = 200;

  /** Ids end up in Kafka keys and URLs: keep them plain. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private RegistryValidation() {}

  public static VehicleRecord vehicle(String id, VehicleRequest body) {
    requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with plate and type is required");
    }
    String plate = requireText("plate", body.plate());
    if (body.type() == null || !VEHICLE_TYPES.contains(body.type())) {
      throw ApiException.invalid(
          "type", "type must be one of " + VEHICLE_TYPES + ", was '" + body.type() + "'");
    }
    optionalId("contractorId", body.contractorId());
    optionalId("homeDistrictId", body.homeDistrictId());
    optionalId("depotZoneId", body.depotZoneId());
    return new VehicleRecord(
        SchemaVersions.VEHICLE,
        id,
        plate,
        body.type(),
        optionalText("contractor", body.contractor()),
        optionalText("district", body.district()),
        body.contractorId(),
        body.homeDistrictId(),
        body.depotZoneId());
  }

  public static void requireId(String id) {
    requireId("id", id);
  }

  /** An id (path id or a reference such as {@code profileId}): plain, as it goes into keys. */
  public static void requireId(String field, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiException.invalid(
          field, field + " must be 1-100 characters of letters, digits and . _ : -");
    }
  }

  /** An optional reference: absent, or a plain id. */
  public static void optionalId(String field, String id) {
    if (id != null) {
      requireId(field, id);
    }
  }

  public static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, field + " is required");
    }
    return optionalText(field, value.strip());
  }

  public static String optionalText(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ApiException.invalid(field, field + " is longer than " + MAX_TEXT + " characters");
    }
    return value;
  }

  /** A required ISO-8601 instant (e.g. {@code 2024-01-15T02:00:00Z}). */
  public static Instant requireInstant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(
          field, field + " is required (ISO-8601, e.g. 2024-01-15T02:00:00Z)");
    }
    return optionalInstant(field, value);
  }

  /** An optional ISO-8601 instant; null when absent. */
  public static Instant optionalInstant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          field,
          field
              + " must be an ISO-8601 instant in UTC, e.g. 2024-01-15T02:00:00Z; was '"
              + value
              + "'");
    }
  }

  /**
   * A query window: both ends optional; when both are given, {@code to} must be after {@code from}.
   */
  public static void requireOrdered(String fromField, Instant from, String toField, Instant to) {
    if (from != null && to != null && !to.isAfter(from)) {
      throw ApiException.invalid(toField, toField + " must be after " + fromField);
    }
  }
}
