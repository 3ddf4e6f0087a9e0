package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import java.util.Optional;

/**
 * Refuses points that can never be stored (a database error on them would block the partition
 * forever), so they go to the dead-letter topic instead. Plausibility checks belong to the gateway.
 */
public final class PointCheck {
  /** Larger magnitudes do not fit a {@code real} column. */
  private static final double MAX_REAL = 3.0e38;

  private PointCheck() {}

  /** What makes the point unstorable, or empty when it is fine. */
  public static Optional<String> problem(TelemetryPoint p) {
    if (p.vehicleId().isBlank()) {
      return Optional.of("vehicleId is blank");
    }
    if (!Double.isFinite(p.lat()) || p.lat() < -90 || p.lat() > 90) {
      return Optional.of("lat " + p.lat() + " is outside -90..90");
    }
    if (!Double.isFinite(p.lon()) || p.lon() < -180 || p.lon() > 180) {
      return Optional.of("lon " + p.lon() + " is outside -180..180");
    }
    if (!fitsReal(p.speedKmh())) {
      return Optional.of("speedKmh " + p.speedKmh() + " is not a storable number");
    }
    if (p.headingDeg() != null && !fitsReal(p.headingDeg())) {
      return Optional.of("headingDeg " + p.headingDeg() + " is not a storable number");
    }
    if (p.odometerKm() != null && !Double.isFinite(p.odometerKm())) {
      return Optional.of("odometerKm " + p.odometerKm() + " is not a finite number");
    }
    return Optional.empty();
  }

  private static boolean fitsReal(double v) {
    return Double.isFinite(v) && Math.abs(v) <= MAX_REAL;
  }
}
