package dev.dozor.rules.engine;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the fixes of one vehicle driving north, so distances are exact: speed × time. */
final class Track {
  static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");
  private static final double METRES_PER_DEGREE = Math.toRadians(1) * Geo.EARTH_RADIUS_M;

  private final String vehicleId;
  private final Instant start;
  private final List<TelemetryPoint> points = new ArrayList<>();
  private Instant t;
  private double lat = 55.70;

  Track(String vehicleId, Instant start) {
    this.vehicleId = vehicleId;
    this.start = start;
    this.t = start;
  }

  static Track of(String vehicleId) {
    return new Track(vehicleId, T0);
  }

  /** {@code count} fixes {@code stepS} apart, the first now; time and position move on after. */
  Track fixes(int count, int stepS, double speedKmh, Boolean plough) {
    for (int i = 0; i < count; i++) {
      points.add(
          TelemetryPoint.of(
              vehicleId,
              "dev-" + vehicleId,
              t,
              t.plusSeconds(1),
              lat,
              37.62,
              speedKmh,
              0.0,
              plough == null ? Equipment.NONE : Equipment.plough(plough)));
      t = t.plusSeconds(stepS);
      lat += speedKmh / 3.6 * stepS / METRES_PER_DEGREE;
    }
    return this;
  }

  /** Moves the clock to {@code start + seconds} without a fix (a data gap, an exact time). */
  Track at(int secondsFromStart) {
    t = start.plus(Duration.ofSeconds(secondsFromStart));
    return this;
  }

  List<TelemetryPoint> points() {
    return List.copyOf(points);
  }

  static Instant t(int secondsFromStart) {
    return T0.plusSeconds(secondsFromStart);
  }
}
