package dev.dozor.simulator.fleet;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityLayout;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.fault.GroundTruthListener;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.grid.StreetGrid;
import dev.dozor.simulator.road.RoadGraph;
import dev.dozor.simulator.road.RoadNetwork;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic simulated fleet: the same config and start give the same vehicles and fixes. Time
 * is whatever the caller passes to {@link #step}, so tests run simulated hours in milliseconds and
 * the demo passes the wall clock. Not thread-safe: step from one thread.
 */
public final class Fleet {
  private static final String[] DISTRICTS = {"Свиблово", "Бабушкинский", "Лосиноостровский"};
  private static final String PLOUGH_CONTRACTOR = "ГБУ «Автомобильные дороги СВАО»";
  private static final String SWEEPER_CONTRACTOR = "ГБУ «Жилищник района Свиблово»";
  private static final String REFUSE_CONTRACTOR = "ООО «МКМ-Логистика»";

  private final FleetConfig config;
  private final StreetGrid grid;
  private final RoadGraph roads;
  private final Instant start;
  private final List<VehicleDriver> drivers;
  private final List<SimVehicle> vehicles;
  private final CityLayout layout;
  private final List<GroundTruthEntry> groundTruth = new ArrayList<>();
  private final List<GroundTruthListener> listeners = new CopyOnWriteArrayList<>();

  private Fleet(FleetConfig config, Instant start) {
    config.checkFaults();
    this.config = config;
    this.grid = StreetGrid.generate(config.grid());
    this.roads = config.roads() != null ? config.roads() : RoadNetwork.fromGrid(grid);
    this.start = start.truncatedTo(ChronoUnit.MILLIS);
    SplittableRandom master = new SplittableRandom(config.seed());
    SplittableRandom planning = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
    SplittableRandom faulting = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    // a stream of its own, so the odometers leave every other draw as it was
    SplittableRandom odometers = new SplittableRandom(config.seed() ^ 0x0D0E7E5L);
    PlateGenerator plates = new PlateGenerator(master.split());
    AssignmentPlanner planner = new AssignmentPlanner(roads);
    List<Integer> depots = planner.depots(planning.split());
    List<GeoPoint> depotPositions = depots.stream().map(roads::nodePosition).toList();
    Map<VehicleType, Integer> numbers = new EnumMap<>(VehicleType.class);
    List<SimVehicle> planned = new ArrayList<>();
    List<AssignmentPlanner.Tour> tours = new ArrayList<>();
    for (int i = 0; i < config.vehicles(); i++) {
      VehicleType type = config.typeOf(i);
      int number = numbers.merge(type, 1, Integer::sum);
      String id = String.format("sim-%s-%02d", type.wireName(), number);
      SimVehicle vehicle =
          new SimVehicle(
              id,
              SimVehicle.deviceIdFor(id),
              plates.next(),
              type,
              contractor(type),
              DISTRICTS[i % DISTRICTS.length],
              type == VehicleType.PLOUGH && number <= config.offenders());
      planned.add(vehicle);
      tours.add(planner.plan(id, type, depots.get(i % depots.size()), planning.split()));
    }
    // the zones the city registers around these tours (the place faults drive into them)
    this.layout =
        CityLayout.of(roads, tours.stream().map(AssignmentPlanner.Tour::assignment).toList());
    List<VehicleDriver> built = new ArrayList<>();
    for (int i = 0; i < config.vehicles(); i++) {
      Instant shiftStart = this.start.plus(config.shift().stagger().multipliedBy(i % 10));
      Instant shiftEnd =
          config.shift().isEndless() ? null : shiftStart.plus(config.shift().length());
      built.add(
          new VehicleDriver(
              planned.get(i),
              roads,
              tours.get(i),
              master.split(),
              faulting.split(),
              config.offenderSchedule(),
              config.faults(),
              this.start,
              config.interval(),
              shiftStart,
              shiftEnd,
              depotPositions,
              odometerStartKm(odometers),
              layout,
              this::onGroundTruth));
    }
    this.drivers = List.copyOf(built);
    this.vehicles = drivers.stream().map(VehicleDriver::vehicle).toList();
  }

  /** A used vehicle's odometer: 5,000–150,000 km, to 0.1 km. */
  private static double odometerStartKm(SplittableRandom random) {
    return Math.round((5_000 + random.nextDouble() * 145_000) * 10) / 10.0;
  }

  private static String contractor(VehicleType type) {
    return switch (type) {
      case PLOUGH, SPREADER -> PLOUGH_CONTRACTOR;
      case SWEEPER, FLUSHER -> SWEEPER_CONTRACTOR;
      case REFUSE -> REFUSE_CONTRACTOR;
    };
  }

  private void onGroundTruth(GroundTruthEntry entry) {
    synchronized (groundTruth) {
      groundTruth.add(entry);
    }
    for (GroundTruthListener l : listeners) {
      l.onFault(entry);
    }
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

  /** The road graph the vehicles drive: the configured one, or the grid as a graph. */
  public RoadGraph roads() {
    return roads;
  }

  /**
   * Where the city's zones lie around this fleet's tours ({@link CityLayout#of}): what {@code
   * CityPlan} registers and what the place faults drive into.
   */
  public CityLayout layout() {
    return layout;
  }

  /** Route assignments, in vehicle order. */
  public List<Assignment> assignments() {
    return drivers.stream().map(VehicleDriver::assignment).toList();
  }

  /**
   * Every injected fault whose episode is complete, in the order they completed (a copy). An
   * episode is reported once its last fix has been returned by {@link #step}; an offline period
   * when its buffered fixes are released.
   */
  public List<GroundTruthEntry> groundTruth() {
    synchronized (groundTruth) {
      return List.copyOf(groundTruth);
    }
  }

  /** Also tells {@code listener} about each fault as it completes (on the stepping thread). */
  public void addGroundTruthListener(GroundTruthListener listener) {
    listeners.add(listener);
  }

  public Instant start() {
    return start;
  }

  public Duration interval() {
    return config.interval();
  }

  /**
   * The vehicles in creation order, types repeating the configured mix: sim-plough-01,
   * sim-sweeper-01, sim-plough-02, … by default.
   */
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
