package dev.dozor.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * One GPS fix with equipment state, as published by the gateway on {@link Topics#TELEMETRY}. Times
 * are UTC instants truncated to milliseconds, so (vehicleId, fixTime) is a stable identity.
 *
 * @param schemaVersion {@link SchemaVersions#TELEMETRY_POINT}
 * @param vehicleId vehicle the device is bound to (the Kafka key)
 * @param deviceId device that sent the fix
 * @param fixTime time of the GPS fix (event time)
 * @param receivedAt time the gateway accepted it
 * @param lat WGS84 latitude, degrees
 * @param lon WGS84 longitude, degrees
 * @param speedKmh ground speed, km/h
 * @param headingDeg course over ground, degrees from north, or null
 * @param odometerKm vehicle odometer, km, or null
 * @param equipment normalised equipment channels, never null
 * @param attributes raw inputs the device profile did not map, never null
 */
public record TelemetryPoint(
    int schemaVersion,
    String vehicleId,
    String deviceId,
    Instant fixTime,
    Instant receivedAt,
    double lat,
    double lon,
    double speedKmh,
    Double headingDeg,
    Double odometerKm,
    Equipment equipment,
    Map<String, String> attributes)
    implements Versioned, java.io.Serializable {

  public TelemetryPoint {
    Objects.requireNonNull(vehicleId, "vehicleId");
    Objects.requireNonNull(fixTime, "fixTime");
    fixTime = fixTime.truncatedTo(ChronoUnit.MILLIS);
    receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MILLIS);
    equipment = equipment == null ? Equipment.NONE : equipment;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A point of the current schema version. */
  public static TelemetryPoint of(
      String vehicleId,
      String deviceId,
      Instant fixTime,
      Instant receivedAt,
      double lat,
      double lon,
      double speedKmh,
      Double headingDeg,
      Equipment equipment) {
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        vehicleId,
        deviceId,
        fixTime,
        receivedAt,
        lat,
        lon,
        speedKmh,
        headingDeg,
        null,
        equipment,
        Map.of());
  }

  /** This point as received at {@code at} (what the gateway stamps). */
  public TelemetryPoint withReceivedAt(Instant at) {
    return new TelemetryPoint(
        schemaVersion,
        vehicleId,
        deviceId,
        fixTime,
        at,
        lat,
        lon,
        speedKmh,
        headingDeg,
        odometerKm,
        equipment,
        attributes);
  }
}
