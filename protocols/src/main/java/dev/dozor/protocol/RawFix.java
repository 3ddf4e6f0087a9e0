package dev.dozor.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One position as a tracker reported it, before the device profile maps its inputs. Every decoder
 * produces these; nothing here knows which vehicle or which equipment.
 *
 * @param fixTime time of the GPS fix, UTC
 * @param lat WGS84 latitude, degrees (south negative)
 * @param lon WGS84 longitude, degrees (west negative)
 * @param valid the tracker marked the fix as valid (EGTS VLD flag, Wialon fields present, ...)
 * @param speedKmh ground speed, km/h, or null when not reported
 * @param headingDeg course, degrees from north in [0, 360), or null
 * @param altitudeM altitude, metres, or null
 * @param satellites satellites in use, or null
 * @param odometerKm odometer, km, or null
 * @param inputs numeric raw inputs by name ({@link InputNames}), never null
 * @param text non-numeric raw parameters by name, never null
 */
public record RawFix(
    Instant fixTime,
    double lat,
    double lon,
    boolean valid,
    Double speedKmh,
    Double headingDeg,
    Double altitudeM,
    Integer satellites,
    Double odometerKm,
    Map<String, Double> inputs,
    Map<String, String> text) {

  public RawFix {
    Objects.requireNonNull(fixTime, "fixTime");
    inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    text = text == null ? Map.of() : Map.copyOf(text);
  }

  /** A valid fix with position, speed and heading only. */
  public static RawFix of(
      Instant fixTime, double lat, double lon, Double speedKmh, Double heading) {
    return new RawFix(
        fixTime, lat, lon, true, speedKmh, heading, null, null, null, Map.of(), Map.of());
  }
}
