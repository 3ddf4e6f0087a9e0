package dev.dozor.simulator.fleet;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.grid.GridEdge;
import dev.dozor.simulator.grid.GridNode;
import dev.dozor.simulator.grid.StreetGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves one vehicle block by block along the grid and emits a fix every interval. Speed and
 * equipment change at crossings, and for the offender also at its schedule's phase boundaries.
 */
final class VehicleDriver {
  /** Below this many metres left on a block the vehicle counts as at the crossing. */
  private static final double ARRIVAL_EPSILON_M = 1e-6;

  private static final double MIN_STEP_S = 1e-6;

  private final SimVehicle vehicle;
  private final StreetGrid grid;
  private final SplittableRandom random;
  private final OffenderSchedule schedule;
  private final Instant start;
  private final Duration interval;

  private GridEdge edge;
  private double metresAlong;
  private Leg leg;
  private long phase;
  private Instant positionTime;
  private Instant nextFix;

  VehicleDriver(
      SimVehicle vehicle,
      StreetGrid grid,
      SplittableRandom random,
      OffenderSchedule schedule,
      Instant start,
      Duration interval) {
    this.vehicle = vehicle;
    this.grid = grid;
    this.random = random;
    this.schedule = vehicle.offender() ? schedule : null;
    this.start = start;
    this.interval = interval;
    GridNode origin = grid.nodes().get(random.nextInt(grid.nodes().size()));
    this.edge = GridEdge.between(origin, pick(grid.neighbours(origin), null));
    this.metresAlong = random.nextDouble() * edge.lengthMetres() * 0.5;
    this.phase = 0;
    this.leg =
        this.schedule != null
            ? this.schedule.legFor(0, random)
            : DrivingProfile.nextLeg(vehicle.type(), random);
    this.positionTime = start;
    this.nextFix = start;
  }

  SimVehicle vehicle() {
    return vehicle;
  }

  /** Fixes due at or before {@code now}, oldest first; none when {@code now} is before the next. */
  List<TelemetryPoint> fixesUntil(Instant now) {
    List<TelemetryPoint> fixes = new ArrayList<>();
    while (!nextFix.isAfter(now)) {
      advanceTo(nextFix);
      fixes.add(fix());
      nextFix = nextFix.plus(interval);
    }
    return fixes;
  }

  private void advanceTo(Instant t) {
    double remaining = seconds(Duration.between(positionTime, t));
    double elapsed = seconds(Duration.between(start, positionTime));
    while (remaining > 0) {
      double speed = leg.metresPerSecond();
      double toCrossing =
          speed > 0 ? (edge.lengthMetres() - metresAlong) / speed : Double.POSITIVE_INFINITY;
      double toPhase =
          schedule != null ? schedule.secondsToNextChange(elapsed) : Double.POSITIVE_INFINITY;
      // a floor on the step so rounding at a boundary can never stall the loop
      double step = Math.min(remaining, Math.max(MIN_STEP_S, Math.min(toCrossing, toPhase)));
      metresAlong += speed * step;
      elapsed += step;
      remaining -= step;
      if (edge.lengthMetres() - metresAlong <= ARRIVAL_EPSILON_M) {
        turnAtCrossing();
      }
      if (schedule != null) {
        long now = schedule.phaseAt(elapsed + 1e-9);
        if (now != phase) {
          phase = now;
          leg = schedule.legFor(phase, random);
        }
      }
    }
    positionTime = t;
  }

  private void turnAtCrossing() {
    GridNode at = edge.to();
    edge = GridEdge.between(at, pick(grid.neighbours(at), edge.from()));
    metresAlong = 0;
    if (schedule == null) {
      leg = DrivingProfile.nextLeg(vehicle.type(), random);
    }
  }

  /** A random neighbour, avoiding a U-turn back to {@code cameFrom} (a grid has no dead ends). */
  private GridNode pick(List<GridNode> candidates, GridNode cameFrom) {
    List<GridNode> onward = new ArrayList<>(candidates);
    if (cameFrom != null && onward.size() > 1) {
      onward.remove(cameFrom);
    }
    return onward.get(random.nextInt(onward.size()));
  }

  private TelemetryPoint fix() {
    GeoPoint p = edge.pointAt(metresAlong);
    return TelemetryPoint.of(
        vehicle.id(),
        vehicle.deviceId(),
        positionTime,
        null,
        round(p.lat(), 1e7),
        round(p.lon(), 1e7),
        leg.speedKmh(),
        round(edge.headingDeg(), 10),
        leg.equipment());
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
