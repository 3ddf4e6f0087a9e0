package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The shared sanity check every simulated fix must pass. */
final class FixSanity {
  /** Fastest any simulated vehicle may go (offender 60, transport 55), km/h. */
  static final double MAX_PLAUSIBLE_KMH = 60;

  private FixSanity() {}

  static void checkPoint(TelemetryPoint p) {
    assertTrue(p.lat() > 55.7 && p.lat() < 56.0, () -> "latitude off the demo area: " + p);
    assertTrue(p.lon() > 37.4 && p.lon() < 37.9, () -> "longitude off the demo area: " + p);
    assertTrue(p.speedKmh() >= 0 && p.speedKmh() <= MAX_PLAUSIBLE_KMH, () -> "speed: " + p);
    assertTrue(p.headingDeg() != null && p.headingDeg() >= 0 && p.headingDeg() < 360, p::toString);
    assertEquals(Boolean.TRUE, p.equipment().ignition(), p::toString);
    assertEquals(SimVehicle.deviceIdFor(p.vehicleId()), p.deviceId());
  }

  /**
   * Per vehicle: times strictly increasing by the interval, and the distance between consecutive
   * fixes consistent with the reported speeds (at most one turn per interval on 250 m blocks, so
   * the chord is at least 1/√2 of the path).
   */
  static void checkTracks(List<TelemetryPoint> points, Duration interval) {
    Map<String, List<TelemetryPoint>> byVehicle =
        points.stream().collect(Collectors.groupingBy(TelemetryPoint::vehicleId));
    double dt = interval.toMillis() / 1000.0;
    byVehicle.forEach(
        (vehicle, track) -> {
          for (int i = 1; i < track.size(); i++) {
            TelemetryPoint a = track.get(i - 1);
            TelemetryPoint b = track.get(i);
            checkPoint(b);
            assertTrue(b.fixTime().isAfter(a.fixTime()), () -> "time not increasing: " + b);
            assertEquals(interval, Duration.between(a.fixTime(), b.fixTime()), b::toString);
            double metres =
                Geo.haversineMetres(new GeoPoint(a.lat(), a.lon()), new GeoPoint(b.lat(), b.lon()));
            double fastest = Math.max(a.speedKmh(), b.speedKmh()) / 3.6 * dt;
            double slowest = Math.min(a.speedKmh(), b.speedKmh()) / 3.6 * dt;
            assertTrue(
                metres <= fastest * 1.01 + 0.5,
                () ->
                    vehicle
                        + " jumped "
                        + metres
                        + " m at "
                        + b.fixTime()
                        + " (max "
                        + fastest
                        + ")");
            assertTrue(
                metres >= slowest * 0.70 - 0.5,
                () ->
                    vehicle
                        + " crept "
                        + metres
                        + " m at "
                        + b.fixTime()
                        + " (min "
                        + slowest
                        + ")");
          }
        });
  }
}
