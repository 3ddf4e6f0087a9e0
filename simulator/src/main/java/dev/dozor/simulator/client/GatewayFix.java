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
 */
public record GatewayFix(
    String fixTime,
    double lat,
    double lon,
    double speedKmh,
    Double headingDeg,
    Equipment equipment) {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static GatewayFix of(TelemetryPoint p) {
    return new GatewayFix(
        formatTime(p.fixTime()), p.lat(), p.lon(), p.speedKmh(), p.headingDeg(), p.equipment());
  }

  /** {@code 2026-01-15T06:00:02.000Z}: milliseconds even when zero. */
  public static String formatTime(Instant t) {
    return ISO_MILLIS.format(t);
  }
}
