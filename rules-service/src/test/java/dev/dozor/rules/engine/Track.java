package dev.dozor.rules.engine;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the fixes of one vehicle driving in a straight line (north by default), so distances are
 * exact: speed × time. Equipment, heading, odometer and the receive delay can be set between runs.
 */
final class Track {
  static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");
  static final double METRES_PER_DEGREE = Math.toRadians(1) * Geo.EARTH_RADIUS_M;

  private final String vehicleId;
  private final Instant start;
  private final List<TelemetryPoint> points = new ArrayList<>();
  private Instant t;
  private double lat = 55.70;
  private double lon = 37.62;
  private double bearingDeg;
  private Equipment equipment = Equipment.NONE;
  private Double odometerKm;
  private double odometerFactor = 1.0;
  private Duration receiveDelay = Duration.ofSeconds(1);

  Track(String vehicleId, Instant start) {
    this.vehicleId = vehicleId;
    this.start = start;
    this.t = start;
  }

  static Track of(String vehicleId) {
    return new Track(vehicleId, T0);
  }

  /** {@code count} fixes {@code stepS} apart with the plough down/up (null: not reported). */
  Track fixes(int count, int stepS, double speedKmh, Boolean plough) {
    Equipment before = equipment;
    equipment = plough == null ? Equipment.NONE : Equipment.plough(plough);
    fixes(count, stepS, speedKmh);
    equipment = before;
    return this;
  }

  /** {@code count} fixes {@code stepS} apart with the current equipment; position moves on. */
  Track fixes(int count, int stepS, double speedKmh) {
    for (int i = 0; i < count; i++) {
      points.add(
          new TelemetryPoint(
              dev.dozor.events.SchemaVersions.TELEMETRY_POINT,
              vehicleId,
              "dev-" + vehicleId,
              t,
              t.plus(receiveDelay),
              lat,
              lon,
              speedKmh,
              bearingDeg,
              odometerKm,
              equipment,
              Map.of()));
      double metres = speedKmh / 3.6 * stepS;
      move(metres);
      if (odometerKm != null) {
        odometerKm += metres / 1000.0 * odometerFactor;
      }
      t = t.plusSeconds(stepS);
    }
    return this;
  }

  /** The equipment of the next fixes. */
  Track equipment(Equipment e) {
    this.equipment = e;
    return this;
  }

  /** Brush, plough, spreader, rate, body tip, ignition (nulls: not reported). */
  Track equipment(
      Boolean plough,
      Boolean brush,
      Boolean spreader,
      Double spreadRateGm2,
      Boolean bodyTip,
      Boolean ignition) {
    return equipment(
        new Equipment(plough, brush, spreader, spreadRateGm2, bodyTip, ignition, null));
  }

  /** Puts the vehicle at this position. */
  Track position(double lat, double lon) {
    this.lat = lat;
    this.lon = lon;
    return this;
  }

  /** Moves the vehicle by metres in the current bearing without a fix. */
  Track jump(double metres) {
    move(metres);
    return this;
  }

  /** Direction of travel, degrees from north (90 = east). */
  Track bearing(double degrees) {
    this.bearingDeg = degrees;
    return this;
  }

  /** Starts reporting an odometer at this reading; it counts {@code factor} × the GPS distance. */
  Track odometer(double km, double factor) {
    this.odometerKm = km;
    this.odometerFactor = factor;
    return this;
  }

  /** Receive time minus fix time of the next fixes (negative: the tracker's clock runs ahead). */
  Track receiveDelay(Duration delay) {
    this.receiveDelay = delay;
    return this;
  }

  /** Moves the clock to {@code start + seconds} without a fix (a data gap, an exact time). */
  Track at(int secondsFromStart) {
    t = start.plus(Duration.ofSeconds(secondsFromStart));
    return this;
  }

  /** Moves the clock on without a fix. */
  Track pause(Duration d) {
    t = t.plus(d);
    return this;
  }

  double lat() {
    return lat;
  }

  double lon() {
    return lon;
  }

  Instant now() {
    return t;
  }

  List<TelemetryPoint> points() {
    return List.copyOf(points);
  }

  static Instant t(int secondsFromStart) {
    return T0.plusSeconds(secondsFromStart);
  }

  private void move(double metres) {
    double rad = Math.toRadians(bearingDeg);
    lat += metres * Math.cos(rad) / METRES_PER_DEGREE;
    lon += metres * Math.sin(rad) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
  }
}
