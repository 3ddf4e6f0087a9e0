package dev.dozor.bench.rules;

import dev.dozor.bench.Progress;
import dev.dozor.bench.accuracy.AccuracyScore;
import dev.dozor.bench.accuracy.Episode;
import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.EngineSettings;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.simulator.city.CityLayout;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.ShiftPlan;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Phase 4: precision and recall per regulation. The simulator's fleet runs in-process with every
 * fault it can inject (all five vehicle types, 5 s fixes so sensor flapping is possible, a finite
 * shift so odometer drift is), its fixes go to an in-process engine over the class-path catalogue
 * in step-sized batches (offline uploads arrive late and shuffled, duplicates twice, as the
 * simulator delivers them), and the raised episodes are scored against the ground truth by time
 * overlap per vehicle and regulation ({@link AccuracyScore}).
 */
final class FaultAccuracy {
  /**
   * The accuracy run.
   *
   * @param vehicles simulated vehicles
   * @param hours simulated hours (the shift plus the way home)
   * @param points fixes fed to the engine
   * @param faultsPerHour injected rate per eligible vehicle-hour, by fault name
   * @param scores per regulation (every regulation injected or raised)
   * @param roads where the vehicles drove
   */
  record Result(
      int vehicles,
      double hours,
      long points,
      Map<String, Double> faultsPerHour,
      List<AccuracyScore> scores,
      String roads) {}

  /**
   * Fix time the accuracy fleet starts at: 22:30 Moscow time, so the shift crosses 23:00 and the
   * night regulations (TIM-004 collection hours, TIM-005 night yard work) can be injected; the
   * other regulations do not depend on the hour.
   */
  static final Instant START = Instant.parse("2026-01-15T19:30:00Z");

  private FaultAccuracy() {}

  static Result run(RulesBenchOptions o, Progress progress) {
    RulesGeography geo = RulesGeography.load(o.sharedData(), 11);
    Map<FaultType, Double> rates = new EnumMap<>(FaultType.class);
    for (FaultType t : FaultType.values()) {
      if (t != FaultType.OFFENDER_CYCLE) {
        rates.put(t, o.faultRate());
      }
    }
    Duration shift = Duration.ofHours(o.accuracyShiftHours());
    FleetConfig config =
        FleetConfig.defaults()
            .withVehicles(o.accuracyVehicles())
            .withInterval(Duration.ofSeconds(5))
            .withTypes(List.of(VehicleType.values()))
            .withRoads(geo.roads())
            .withFaults(new FaultPlan(rates, FaultPlan.DEFAULT_OFFLINE_MIN, Duration.ofMinutes(8)))
            .withShift(ShiftPlan.of(shift))
            .withSeed(2026);
    Fleet fleet = Fleet.create(config, START);
    RegistryState registry = registry(geo, fleet, shift);
    RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();
    Set<String> implemented =
        catalogue.regulations().stream().map(Regulation::id).collect(Collectors.toSet());
    // every vehicle home and parked, and the clock past the last shift end (shift-end rules)
    Instant end =
        START.plus(shift).plus(config.shift().stagger().multipliedBy(9)).plus(Duration.ofHours(1));
    double hours = Duration.between(START, end).toSeconds() / 3600.0;
    progress.say(
        "accuracy: %d simulated vehicles (every type) for %.1f h of fix time, every fault at %.1f"
            + " per eligible vehicle-hour, %s",
        o.accuracyVehicles(), hours, o.faultRate(), EngineSetup.ids(catalogue));
    RaisedEpisodes raised = new RaisedEpisodes();
    long points = 0;
    try (RuleEngine engine =
        new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC(), registry)) {
      for (Instant t = START; !t.isAfter(end); t = t.plusSeconds(30)) {
        List<TelemetryPoint> batch = receivedAt(fleet.step(t), t);
        points += batch.size();
        raised.addAll(engine.process(batch));
      }
    }
    List<Episode> injected = new ArrayList<>();
    for (GroundTruthEntry g : fleet.groundTruth()) {
      if (!g.isDeliveryFault()) {
        injected.add(new Episode(g.vehicleId(), g.regulationId(), g.start(), g.end()));
      }
    }
    List<AccuracyScore> scores = AccuracyScore.score(injected, raised.episodes(), implemented);
    for (AccuracyScore s : scores) {
      progress.say(
          "accuracy: %s: injected %d, raised %d, TP %d, FP %d, FN %d, precision %s, recall %s",
          s.regulationId(),
          s.injected(),
          s.raised(),
          s.truePositives(),
          s.raised() - s.truePositives(),
          s.injected() - s.recalled(),
          RulesBenchReport.share(s.precision()),
          RulesBenchReport.share(s.recall()));
    }
    Map<String, Double> rateByName = new LinkedHashMap<>();
    rates.forEach((t, r) -> rateByName.put(t.flagName(), r));
    return new Result(
        o.accuracyVehicles(), hours, points, rateByName, scores, geo.roads().description());
  }

  /**
   * The registry the simulated fleet implies: geography, vehicles (home district and depot), the
   * city's zones as the demo registers them ({@link CityLayout}: depots, work zones, playgrounds,
   * the snow-melting station, yards, container sites) and each vehicle's route assignment for its
   * shift (its group's work zone and its route's segments).
   */
  static RegistryState registry(RulesGeography geo, Fleet fleet, Duration shift) {
    RegistryState r = new RegistryState();
    geo.districts().forEach(r::district);
    geo.segments().forEach(r::segment);
    r.publishPlaces();
    // the zones the demo registers (CityPlan): depots, work zones, playgrounds, the snow-melting
    // station, yards, container sites; the place faults drive into (or out of) exactly these
    CityLayout layout = fleet.layout();
    for (CityZone z : layout.zones()) {
      GeoPoint c = z.centre();
      r.zone(
          ZoneRecord.of(
              z.id(),
              z.name(),
              z.kind(),
              r.geography().districtAt(c.lat(), c.lon()),
              JsonSerde.mapper().valueToTree(z.geoJson())));
    }
    List<Assignment> assignments = fleet.assignments();
    List<SimVehicle> vehicles = fleet.vehicles();
    for (int i = 0; i < vehicles.size(); i++) {
      SimVehicle v = vehicles.get(i);
      Assignment a = assignments.get(i);
      r.vehicle(
          new VehicleRecord(
              SchemaVersions.VEHICLE,
              v.id(),
              v.plate(),
              v.type().wireName(),
              v.contractor(),
              v.district(),
              null,
              r.geography().districtAt(a.depot().lat(), a.depot().lon()),
              layout.depots().get(a.depotNode()).id()));
      Instant shiftStart =
          fleet.start().plus(fleet.config().shift().stagger().multipliedBy(i % 10));
      r.assignment(
          AssignmentRecord.of(
              "sim-asg-" + v.id(),
              v.id(),
              shiftStart,
              shiftStart.plus(shift),
              layout.workZones().get(a.depotNode()).id(),
              a.routeEdges().stream().sorted().map(RulesGeography::segmentId).toList(),
              50.0,
              "simulated route"));
    }
    r.publishPlaces();
    return r;
  }

  /**
   * The points as the gateway hands them on: stamped with the time they arrived (the simulated
   * step), so a tracker clock running ahead (the {@code clock-skew} fault) shows as INT-005 does in
   * the running center, and the engine keeps such fixes from moving the vehicle's track.
   */
  static List<TelemetryPoint> receivedAt(List<TelemetryPoint> points, Instant arrival) {
    List<TelemetryPoint> stamped = new ArrayList<>(points.size());
    for (TelemetryPoint p : points) {
      stamped.add(p.withReceivedAt(arrival));
    }
    return stamped;
  }
}
