package dev.dozor.simulator.client;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One fix in the gateway's HTTP JSON protocol ({@code POST /api/v1/telemetry}).
 *
 * @param fixTime ISO-8601 UTC instant, always with milliseconds
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 * @param speedKmh ground speed, km/h
 * @param headingDeg course, degrees from north, omitted when unknown
 * @param equipment reported channels only (unreported ones are omitted)
 * @param odometerKm vehicle odometer, km, omitted when unknown
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({
  "fixTime",
  "lat",
  "lon",
  "speedKmh",
  "headingDeg",
  "odometerKm",
  "equipment"
})
public record GatewayFix(
    String fixTime,
    double lat,
    double lon,
    double speedKmh,
    Double headingDeg,
    Equipment equipment,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double odometerKm) {

  /** A fix without an odometer (the skeleton's constructor). */
  public GatewayFix(
      String fixTime,
      double lat,
      double lon,
      double speedKmh,
      Double headingDeg,
      Equipment equipment) {
    this(fixTime, lat, lon, speedKmh, headingDeg, equipment, null);
  }

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static GatewayFix of(TelemetryPoint p) {
    return new GatewayFix(
        formatTime(p.fixTime()),
        p.lat(),
        p.lon(),
        p.speedKmh(),
        p.headingDeg(),
        p.equipment(),
        p.odometerKm());
  }

  /** {@code 2026-01-15T06:00:02.000Z}: milliseconds even when zero. */
  public static String formatTime(Instant t) {
    return ISO_MILLIS.format(t);
  }
}
