package dev.dozor.bench.load;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.SimVehicle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One vehicle of the load: its own simulated clock and driving model (a one- or two-vehicle
 * simulator {@link Fleet}) and its black box of points not acknowledged yet. {@link #generate} is
 * called from one thread; the black box is guarded by this object's lock. At most one request per
 * vehicle is in flight, so its points reach the gateway in fix-time order.
 */
final class SimulatedVehicle {
  final String id;
  final String deviceId;
  final String token;
  final boolean offender;
  final SimVehicle registration;

  private final Fleet fleet;
  private final String fleetVehicleId;
  private final Duration interval;
  private Instant nextFix;

  private final ArrayDeque<TelemetryPoint> pending = new ArrayDeque<>();
  private boolean busy;
  private boolean accepted;
  private int failures;
  private long generated;

  SimulatedVehicle(
      String id,
      String token,
      boolean offender,
      boolean sweeper,
      long seed,
      Instant start,
      Duration interval) {
    this.id = id;
    this.deviceId = SimVehicle.deviceIdFor(id);
    this.token = token;
    this.offender = offender;
    this.interval = interval;
    FleetConfig config =
        FleetConfig.defaults()
            .withVehicles(sweeper ? 2 : 1)
            .withOffenders(offender ? 1 : 0)
            .withSeed(seed)
            .withInterval(interval);
    this.fleet = Fleet.create(config, start);
    SimVehicle model = fleet.vehicles().get(sweeper ? 1 : 0);
    this.fleetVehicleId = model.id();
    this.registration =
        new SimVehicle(
            id,
            deviceId,
            model.plate(),
            model.type(),
            model.contractor(),
            model.district(),
            offender);
    this.nextFix = fleet.start();
  }

  /**
   * Generates up to {@code max} fixes due at or before {@code now} into the black box.
   *
   * @return how many were generated (0 when the vehicle's clock caught up with {@code now})
   */
  int generate(int max, Instant now) {
    Instant until = nextFix.plus(interval.multipliedBy(max - 1L));
    if (until.isAfter(now)) {
      until = now;
    }
    if (until.isBefore(nextFix)) {
      return 0;
    }
    List<TelemetryPoint> fixes = new ArrayList<>();
    for (TelemetryPoint p : fleet.step(until)) {
      if (p.vehicleId().equals(fleetVehicleId)) {
        fixes.add(
            new TelemetryPoint(
                p.schemaVersion(),
                id,
                deviceId,
                p.fixTime(),
                null,
                p.lat(),
                p.lon(),
                p.speedKmh(),
                p.headingDeg(),
                p.odometerKm(),
                p.equipment(),
                p.attributes()));
      }
    }
    if (fixes.isEmpty()) {
      return 0;
    }
    nextFix = fixes.get(fixes.size() - 1).fixTime().plus(interval);
    synchronized (this) {
      pending.addAll(fixes);
      generated += fixes.size();
    }
    return fixes.size();
  }

  /**
   * Claims the vehicle for sending when it has points and is idle: true if the caller must send.
   */
  synchronized boolean claimIfIdle() {
    if (busy || pending.isEmpty()) {
      return false;
    }
    busy = true;
    return true;
  }

  /** The oldest {@code max} buffered points (a copy); the vehicle must be claimed. */
  synchronized List<TelemetryPoint> head(int max) {
    List<TelemetryPoint> batch = new ArrayList<>(Math.min(max, pending.size()));
    for (TelemetryPoint p : pending) {
      if (batch.size() == max) {
        break;
      }
      batch.add(p);
    }
    return batch;
  }

  /** Drops the {@code n} oldest points (acknowledged or refused) and resets the failure count. */
  synchronized void removeHead(int n, boolean wasAccepted) {
    for (int i = 0; i < n; i++) {
      pending.pollFirst();
    }
    if (wasAccepted) {
      accepted = true;
      failures = 0;
    }
  }

  /** Counts a failed attempt; returns the number of consecutive failures. */
  synchronized int failed() {
    return ++failures;
  }

  /** After a request: stays claimed (true, send again) when points remain, else becomes idle. */
  synchronized boolean releaseOrContinue() {
    if (pending.isEmpty()) {
      busy = false;
      return false;
    }
    return true;
  }

  synchronized boolean accepted() {
    return accepted;
  }

  synchronized int buffered() {
    return pending.size();
  }

  synchronized long generatedCount() {
    return generated;
  }

  synchronized boolean idle() {
    return !busy && pending.isEmpty();
  }
}
