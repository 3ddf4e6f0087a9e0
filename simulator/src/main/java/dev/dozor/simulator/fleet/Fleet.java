package dev.dozor.simulator.fleet;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.grid.StreetGrid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic simulated fleet: the same config and start give the same vehicles and fixes. Time
 * is whatever the caller passes to {@link #step}, so tests run simulated hours in milliseconds and
 * the demo passes the wall clock. Not thread-safe: step from one thread.
 */
public final class Fleet {
  private static final String[] DISTRICTS = {"Свиблово", "Бабушкинский", "Лосиноостровский"};
  private static final String PLOUGH_CONTRACTOR = "ГБУ «Автомобильные дороги СВАО»";
  private static final String SWEEPER_CONTRACTOR = "ГБУ «Жилищник района Свиблово»";

  private final FleetConfig config;
  private final StreetGrid grid;
  private final Instant start;
  private final List<VehicleDriver> drivers;
  private final List<SimVehicle> vehicles;

  private Fleet(FleetConfig config, Instant start) {
    this.config = config;
    this.grid = StreetGrid.generate(config.grid());
    this.start = start.truncatedTo(ChronoUnit.MILLIS);
    SplittableRandom master = new SplittableRandom(config.seed());
    PlateGenerator plates = new PlateGenerator(master.split());
    List<VehicleDriver> built = new ArrayList<>();
    int ploughs = 0;
    int sweepers = 0;
    for (int i = 0; i < config.vehicles(); i++) {
      VehicleType type = i % 2 == 0 ? VehicleType.PLOUGH : VehicleType.SWEEPER;
      int number = type == VehicleType.PLOUGH ? ++ploughs : ++sweepers;
      String id = String.format("sim-%s-%02d", type.wireName(), number);
      SimVehicle vehicle =
          new SimVehicle(
              id,
              SimVehicle.deviceIdFor(id),
              plates.next(),
              type,
              type == VehicleType.PLOUGH ? PLOUGH_CONTRACTOR : SWEEPER_CONTRACTOR,
              DISTRICTS[i % DISTRICTS.length],
              type == VehicleType.PLOUGH && number <= config.offenders());
      built.add(
          new VehicleDriver(
              vehicle,
              grid,
              master.split(),
              config.offenderSchedule(),
              this.start,
              config.interval()));
    }
    this.drivers = List.copyOf(built);
    this.vehicles = drivers.stream().map(VehicleDriver::vehicle).toList();
  }

  /** A fleet whose first fixes are due at {@code start} (truncated to milliseconds). */
  public static Fleet create(FleetConfig config, Instant start) {
    return new Fleet(config, start);
  }

  public FleetConfig config() {
    return config;
  }

  public StreetGrid grid() {
    return grid;
  }

  public Instant start() {
    return start;
  }

  public Duration interval() {
    return config.interval();
  }

  /** The vehicles in creation order: sim-plough-01, sim-sweeper-01, sim-plough-02, … */
  public List<SimVehicle> vehicles() {
    return vehicles;
  }

  /**
   * Every fix due at or before {@code now} that was not returned yet, vehicle by vehicle, each
   * vehicle's fixes oldest first. Calling late catches up; calling early returns nothing.
   */
  public List<TelemetryPoint> step(Instant now) {
    List<TelemetryPoint> all = new ArrayList<>();
    for (VehicleDriver d : drivers) {
      all.addAll(d.fixesUntil(now));
    }
    return all;
  }

  /** Like {@link #step} but grouped by vehicle id (only vehicles with new fixes). */
  public Map<String, List<TelemetryPoint>> stepByVehicle(Instant now) {
    Map<String, List<TelemetryPoint>> byVehicle = new LinkedHashMap<>();
    for (VehicleDriver d : drivers) {
      List<TelemetryPoint> fixes = d.fixesUntil(now);
      if (!fixes.isEmpty()) {
        byVehicle.put(d.vehicle().id(), fixes);
      }
    }
    return byVehicle;
  }
}
