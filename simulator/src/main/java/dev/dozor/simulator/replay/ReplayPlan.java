package dev.dozor.simulator.replay;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a recorded trace into fixes re-timed onto a new start, pure. Relative timing is kept (all
 * trucks share the shift, so the first fix of the whole trace lands on {@code start}), divided by
 * {@code speedup}. Per truck, fixes are sorted by time, a fix at the same time as the previous one
 * is dropped, speed and heading come from the previous fix (speed over real, not compressed, time),
 * the odometer is converted from miles, and the plough is derived — the trace has no sensor: down
 * while moving at 5–60 km/h, up otherwise.
 */
public final class ReplayPlan {
  public static final double MILES_TO_KM = 1.609344;
  public static final double PLOUGH_MIN_KMH = 5;
  public static final double PLOUGH_MAX_KMH = 60;

  /** Speeds above this (GPS noise between close fixes) are reported as this. */
  public static final double MAX_REPORTED_KMH = 200;

  private ReplayPlan() {}

  /** The vehicle id of a trace truck. */
  public static String vehicleIdFor(String truck) {
    return "syr-" + truck;
  }

  /** Fixes per vehicle id, oldest first, re-timed so the trace's first fix is at {@code start}. */
  public static Map<String, List<TelemetryPoint>> retime(
      List<TraceFix> trace, Instant start, double speedup) {
    if (!(speedup >= 1)) {
      throw new IllegalArgumentException("speedup must be >= 1, got " + speedup);
    }
    Map<String, List<TelemetryPoint>> result = new LinkedHashMap<>();
    if (trace.isEmpty()) {
      return result;
    }
    Instant first = trace.stream().map(TraceFix::time).min(Comparator.naturalOrder()).orElseThrow();
    Map<String, List<TraceFix>> byTruck = new LinkedHashMap<>();
    for (TraceFix f : trace) {
      byTruck.computeIfAbsent(f.truck(), k -> new ArrayList<>()).add(f);
    }
    byTruck.forEach(
        (truck, fixes) -> {
          fixes.sort(Comparator.comparing(TraceFix::time));
          String vehicleId = vehicleIdFor(truck);
          String deviceId = "dev-" + vehicleId;
          List<TelemetryPoint> points = new ArrayList<>();
          TraceFix previous = null;
          for (TraceFix f : fixes) {
            if (previous != null && !f.time().isAfter(previous.time())) {
              continue; // same instant twice: the identity (vehicle, fixTime) must be unique
            }
            double speed = 0;
            Double heading = null;
            if (previous != null) {
              GeoPoint a = new GeoPoint(previous.lat(), previous.lon());
              GeoPoint b = new GeoPoint(f.lat(), f.lon());
              double metres = Geo.haversineMetres(a, b);
              double seconds = Duration.between(previous.time(), f.time()).toMillis() / 1000.0;
              speed = Math.min(MAX_REPORTED_KMH, Math.round(metres / seconds * 36) / 10.0);
              heading = metres > 0 ? Math.round(Geo.bearingDegrees(a, b) * 10) / 10.0 % 360 : null;
            }
            boolean ploughDown = speed >= PLOUGH_MIN_KMH && speed <= PLOUGH_MAX_KMH;
            long offsetNanos = Duration.between(first, f.time()).toNanos();
            Instant at = start.plusNanos(Math.round(offsetNanos / speedup));
            points.add(
                new TelemetryPoint(
                    dev.dozor.events.SchemaVersions.TELEMETRY_POINT,
                    vehicleId,
                    deviceId,
                    at,
                    null,
                    f.lat(),
                    f.lon(),
                    speed,
                    heading,
                    f.odometerMiles() == null
                        ? null
                        : Math.round(f.odometerMiles() * MILES_TO_KM * 1000) / 1000.0,
                    new Equipment(ploughDown, null, null, null, null, true, null),
                    Map.of()));
            previous = f;
          }
          result.put(vehicleId, points);
        });
    return result;
  }
}
