package dev.dozor.simulator.fleet;

import dev.dozor.simulator.grid.GridSpec;
import java.time.Duration;

/**
 * What fleet to simulate.
 *
 * @param vehicles number of vehicles; types alternate plough, sweeper, plough, …
 * @param interval time between two fixes of one vehicle
 * @param offenders how many ploughs (sim-plough-01, -02, …) deliberately violate SPD-001
 * @param seed makes routes, speeds and plates reproducible
 * @param grid the street grid they drive on
 * @param offenderSchedule the offenders' too-fast / lawful cycle
 */
public record FleetConfig(
    int vehicles,
    Duration interval,
    int offenders,
    long seed,
    GridSpec grid,
    OffenderSchedule offenderSchedule) {
  public static final int DEFAULT_VEHICLES = 12;
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  public static final int DEFAULT_OFFENDERS = 1;
  public static final long DEFAULT_SEED = 42;
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);
  public static final int MAX_VEHICLES = 10_000;

  public FleetConfig {
    if (vehicles < 1 || vehicles > MAX_VEHICLES) {
      throw new IllegalArgumentException(
          "vehicles must be 1.." + MAX_VEHICLES + ", got " + vehicles);
    }
    if (interval == null
        || interval.compareTo(MIN_INTERVAL) < 0
        || interval.compareTo(MAX_INTERVAL) > 0
        || interval.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "interval must be whole milliseconds in 100ms..1h, got " + interval);
    }
    if (offenders < 0 || offenders > ploughCount(vehicles)) {
      throw new IllegalArgumentException(
          "offenders must be 0.."
              + ploughCount(vehicles)
              + " (the number of ploughs among "
              + vehicles
              + " vehicles), got "
              + offenders);
    }
    if (grid == null || offenderSchedule == null) {
      throw new IllegalArgumentException("grid and offenderSchedule are required");
    }
  }

  /** The demo defaults: 12 vehicles, 2 s, one offender, seed 42, 8 × 8 grid of 250 m. */
  public static FleetConfig defaults() {
    return new FleetConfig(
        DEFAULT_VEHICLES,
        DEFAULT_INTERVAL,
        DEFAULT_OFFENDERS,
        DEFAULT_SEED,
        GridSpec.defaults(),
        OffenderSchedule.defaults());
  }

  public FleetConfig withVehicles(int n) {
    return new FleetConfig(n, interval, offenders, seed, grid, offenderSchedule);
  }

  public FleetConfig withOffenders(int n) {
    return new FleetConfig(vehicles, interval, n, seed, grid, offenderSchedule);
  }

  public FleetConfig withSeed(long s) {
    return new FleetConfig(vehicles, interval, offenders, s, grid, offenderSchedule);
  }

  public FleetConfig withInterval(Duration d) {
    return new FleetConfig(vehicles, d, offenders, seed, grid, offenderSchedule);
  }

  /** Ploughs are the vehicles at even positions (0, 2, …). */
  public static int ploughCount(int vehicles) {
    return (vehicles + 1) / 2;
  }
}
