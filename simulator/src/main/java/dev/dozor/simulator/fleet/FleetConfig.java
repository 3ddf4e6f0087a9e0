package dev.dozor.simulator.fleet;

import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.grid.GridSpec;
import dev.dozor.simulator.road.RoadGraph;
import java.time.Duration;
import java.util.List;

/**
 * What fleet to simulate.
 *
 * @param vehicles number of vehicles; vehicle i has type {@code types[i % types.size()]}
 * @param interval time between two fixes of one vehicle
 * @param offenders how many ploughs (sim-plough-01, -02, …) deliberately violate SPD-001
 * @param seed makes routes, speeds, faults and plates reproducible
 * @param grid the street grid they drive on when {@code roads} is null
 * @param offenderSchedule the offenders' too-fast / lawful cycle
 * @param types the type mix, repeated over the vehicles (default plough, sweeper)
 * @param roads a road graph to drive instead of the grid (e.g. {@code RoadNetwork.fromGeoJson}), or
 *     null for the grid
 * @param faults faults to inject at random (offenders get none)
 * @param shift when vehicles work
 */
public record FleetConfig(
    int vehicles,
    Duration interval,
    int offenders,
    long seed,
    GridSpec grid,
    OffenderSchedule offenderSchedule,
    List<VehicleType> types,
    RoadGraph roads,
    FaultPlan faults,
    ShiftPlan shift) {
  public static final int DEFAULT_VEHICLES = 12;
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  public static final int DEFAULT_OFFENDERS = 1;
  public static final long DEFAULT_SEED = 42;
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  /** Most vehicles of the {@code demo} command. */
  public static final int MAX_VEHICLES = 10_000;

  /** Most vehicles of one fleet (firehose runs a city's whole fleet). */
  public static final int MAX_FLEET = 100_000;

  /** Plough, sweeper, plough, … as in the skeleton. */
  public static final List<VehicleType> DEFAULT_TYPES =
      List.of(VehicleType.PLOUGH, VehicleType.SWEEPER);

  public FleetConfig {
    if (vehicles < 1 || vehicles > MAX_FLEET) {
      throw new IllegalArgumentException("vehicles must be 1.." + MAX_FLEET + ", got " + vehicles);
    }
    if (interval == null
        || interval.compareTo(MIN_INTERVAL) < 0
        || interval.compareTo(MAX_INTERVAL) > 0
        || interval.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "interval must be whole milliseconds in 100ms..1h, got " + interval);
    }
    types = types == null || types.isEmpty() ? DEFAULT_TYPES : List.copyOf(types);
    faults = faults == null ? FaultPlan.none() : faults;
    shift = shift == null ? ShiftPlan.endless() : shift;
    int ploughs = ploughCount(vehicles, types);
    if (offenders < 0 || offenders > ploughs) {
      throw new IllegalArgumentException(
          "offenders must be 0.."
              + ploughs
              + " (the number of ploughs among "
              + vehicles
              + " vehicles), got "
              + offenders);
    }
    if (grid == null || offenderSchedule == null) {
      throw new IllegalArgumentException("grid and offenderSchedule are required");
    }
  }

  /** The skeleton's constructor: plough/sweeper mix on the grid, no faults, endless shifts. */
  public FleetConfig(
      int vehicles,
      Duration interval,
      int offenders,
      long seed,
      GridSpec grid,
      OffenderSchedule offenderSchedule) {
    this(
        vehicles,
        interval,
        offenders,
        seed,
        grid,
        offenderSchedule,
        DEFAULT_TYPES,
        null,
        FaultPlan.none(),
        ShiftPlan.endless());
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
    return new FleetConfig(
        n, interval, offenders, seed, grid, offenderSchedule, types, roads, faults, shift);
  }

  public FleetConfig withOffenders(int n) {
    return new FleetConfig(
        vehicles, interval, n, seed, grid, offenderSchedule, types, roads, faults, shift);
  }

  public FleetConfig withSeed(long s) {
    return new FleetConfig(
        vehicles, interval, offenders, s, grid, offenderSchedule, types, roads, faults, shift);
  }

  public FleetConfig withInterval(Duration d) {
    return new FleetConfig(
        vehicles, d, offenders, seed, grid, offenderSchedule, types, roads, faults, shift);
  }

  /** Vehicle i gets {@code mix[i % mix.size()]}. */
  public FleetConfig withTypes(List<VehicleType> mix) {
    return new FleetConfig(
        vehicles, interval, offenders, seed, grid, offenderSchedule, mix, roads, faults, shift);
  }

  /** Drive {@code graph} instead of the grid (null: back to the grid). */
  public FleetConfig withRoads(RoadGraph graph) {
    return new FleetConfig(
        vehicles, interval, offenders, seed, grid, offenderSchedule, types, graph, faults, shift);
  }

  public FleetConfig withFaults(FaultPlan plan) {
    return new FleetConfig(
        vehicles, interval, offenders, seed, grid, offenderSchedule, types, roads, plan, shift);
  }

  public FleetConfig withShift(ShiftPlan plan) {
    return new FleetConfig(
        vehicles, interval, offenders, seed, grid, offenderSchedule, types, roads, faults, plan);
  }

  public FleetConfig withGrid(GridSpec spec) {
    return new FleetConfig(
        vehicles, interval, offenders, seed, spec, offenderSchedule, types, roads, faults, shift);
  }

  /** Longest fix interval at which {@link FaultType#SENSOR_FLAPPING} fits 12 toggles in 60 s. */
  public static final Duration MAX_FLAPPING_INTERVAL = Duration.ofSeconds(5);

  /**
   * Checks that the faults fit the rest of the config (called by {@link Fleet#create}; separate
   * from the constructor so the {@code with…} calls may come in any order).
   *
   * @throws IllegalArgumentException naming the fault and what it needs
   */
  public void checkFaults() {
    if (faults.rate(FaultType.SENSOR_FLAPPING) > 0
        && interval.compareTo(MAX_FLAPPING_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "sensor-flapping needs a fix interval of at most 5s (12 toggles within a minute), got "
              + interval.toMillis()
              + " ms");
    }
    if (faults.rate(FaultType.ODOMETER_DRIFT) > 0 && shift.isEndless()) {
      throw new IllegalArgumentException(
          "odometer-drift lasts a whole shift: it needs a finite shift (--shift D)");
    }
  }

  /** The type of vehicle {@code index} (0-based). */
  public VehicleType typeOf(int index) {
    return types.get(index % types.size());
  }

  /** Ploughs among the vehicles of this config. */
  public int ploughs() {
    return ploughCount(vehicles, types);
  }

  /** Ploughs are the vehicles at even positions (0, 2, …) of the default mix. */
  public static int ploughCount(int vehicles) {
    return (vehicles + 1) / 2;
  }

  /** Ploughs among {@code vehicles} with the repeated {@code mix}. */
  public static int ploughCount(int vehicles, List<VehicleType> mix) {
    List<VehicleType> m = mix == null || mix.isEmpty() ? DEFAULT_TYPES : mix;
    int count = 0;
    for (int i = 0; i < vehicles; i++) {
      if (m.get(i % m.size()) == VehicleType.PLOUGH) {
        count++;
      }
    }
    return count;
  }
}
