package dev.dozor.simulator.fault;

import static dev.dozor.simulator.fault.FaultInjectionTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityLayout;
import dev.dozor.simulator.city.CityPlan;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fault.FaultInjectionTest.Run;
import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.ShiftPlan;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The faults of the place and shift regulations EQP-001, EQP-004, TIM-004, TIM-005 and TIM-006,
 * judged against the zones the demo registers ({@link CityPlan}, {@link CityLayout}) with the
 * regulations' defaults: each ground-truth entry spans exactly the maximal run of fixes in the
 * condition, and outside the entries no fix meets it.
 */
class PlaceFaultsTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** 21:00 Moscow time: the runs cross 23:00 and 07:00. */
  private static final Instant EVENING = Instant.parse("2026-01-15T18:00:00Z");

  static Run runFrom(FleetConfig config, Instant start, Duration span) {
    Fleet fleet = Fleet.create(config, start);
    List<TelemetryPoint> all = new ArrayList<>();
    for (Instant t = start; !t.isAfter(start.plus(span)); t = t.plus(config.interval())) {
      all.addAll(fleet.step(t));
    }
    return new Run(fleet, all, fleet.groundTruth(), start.plus(span));
  }

  private static GeoPoint at(TelemetryPoint p) {
    return new GeoPoint(p.lat(), p.lon());
  }

  private static boolean working(TelemetryPoint p) {
    return p.equipment().isAnyImplementWorking();
  }

  private static int secondOfDay(Instant t) {
    return t.atZone(MOSCOW).toLocalTime().toSecondOfDay();
  }

  private static boolean night(Instant t) {
    int s = secondOfDay(t);
    return s < 7 * 3600 || s >= 23 * 3600;
  }

  private static boolean within(TelemetryPoint p, GroundTruthEntry e) {
    return p.vehicleId().equals(e.vehicleId())
        && !p.fixTime().isBefore(e.start())
        && !p.fixTime().isAfter(e.end());
  }

  /** Inside a reported episode, or so late in the run that its episode may not be complete. */
  private static boolean inAny(TelemetryPoint p, List<GroundTruthEntry> entries, Run run) {
    return entries.stream().anyMatch(e -> within(p, e))
        || p.fixTime().isAfter(run.end().minus(Duration.ofMinutes(15)));
  }

  /** {@code e} spans exactly a maximal run of fixes meeting {@code condition}; returns it. */
  private static List<TelemetryPoint> exactRun(
      List<TelemetryPoint> track, GroundTruthEntry e, Predicate<TelemetryPoint> condition) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < track.size(); i++) {
      if (within(track.get(i), e)) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    assertTrue(first >= 0, () -> "no fix inside " + e);
    assertEquals(e.start(), track.get(first).fixTime(), e::toString);
    assertEquals(e.end(), track.get(last).fixTime(), e::toString);
    for (int i = first; i <= last; i++) {
      TelemetryPoint p = track.get(i);
      assertTrue(condition.test(p), () -> e + ": not in the condition: " + p);
    }
    if (first > 0) {
      TelemetryPoint before = track.get(first - 1);
      assertFalse(condition.test(before), () -> e + " starts late, already at " + before);
    }
    if (last + 1 < track.size()) {
      TelemetryPoint after = track.get(last + 1);
      assertFalse(condition.test(after), () -> e + " ends early, still at " + after);
    }
    return track.subList(first, last + 1);
  }

  private static long seconds(GroundTruthEntry e) {
    return Duration.between(e.start(), e.end()).getSeconds();
  }

  private static CityPlan city(Run run) {
    return CityPlan.of(
        run.fleet().config(),
        run.fleet().vehicles(),
        run.fleet().assignments(),
        run.fleet().roads(),
        run.fleet().start(),
        List.of());
  }

  private static CityZone workZoneOf(CityPlan city, Run run, String vehicleId) {
    String zoneId =
        city.assignments().stream()
            .filter(a -> a.body().vehicleId().equals(vehicleId))
            .findFirst()
            .orElseThrow()
            .body()
            .zoneId();
    return city.zone(zoneId);
  }

  @Test
  void theLayoutIsWhatTheCityRegisters() {
    Fleet fleet =
        Fleet.create(config(15, List.of(VehicleType.values()), FaultType.NO_MACHINERY, 1), EVENING);
    CityPlan city =
        CityPlan.of(
            fleet.config(),
            fleet.vehicles(),
            fleet.assignments(),
            fleet.roads(),
            EVENING,
            List.of());
    assertEquals(fleet.layout().zones(), city.zones());
    assertEquals(CityPlan.YARDS, city.zones(CityZone.YARD).size());
    // no container site near a depot (trucks park there at night)
    for (CityZone site : city.zones(CityZone.CONTAINER_SITE)) {
      for (CityZone depot : city.zones(CityZone.DEPOT)) {
        assertTrue(Geo.haversineMetres(site.centre(), depot.centre()) >= 60, site.id());
      }
    }
    // yards: beside the fleet's roads, clear of every road, inside GEO-001's corridor
    for (CityZone yard : city.zones(CityZone.YARD)) {
      assertTrue(
          fleet.roads().edges().stream().allMatch(e -> e.distanceMetres(yard.centre()) >= 37),
          yard.id());
      assertTrue(
          fleet.assignments().stream()
              .anyMatch(a -> a.distanceToRouteMetres(yard.centre(), fleet.roads()) <= 45),
          yard.id());
    }
  }

  // ------------------------------------------------------------------------------ EQP-001

  @Test
  void outsideZoneWorksBeyondTheWorkZoneForTwoMinutesAndIsAlsoARouteDeviation() {
    Run run =
        FaultInjectionTest.run(
            config(
                12,
                List.of(VehicleType.PLOUGH, VehicleType.SWEEPER, VehicleType.SPREADER),
                FaultType.WORK_OUTSIDE_ZONE,
                2),
            Duration.ofHours(6));
    CityPlan city = city(run);
    List<GroundTruthEntry> truth = run.truth("EQP-001");
    List<GroundTruthEntry> deviations = run.truth("GEO-001");
    System.out.printf(
        "EQP-001 outside-zone: %d episodes, %d GEO-001%n", truth.size(), deviations.size());
    // 2/h × 12 vehicles × 6 h = 144 asked; the place condition lets ~85 % through on the grid
    assertTrue(truth.size() >= 100 && truth.size() <= 150, "episodes: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("work-outside-zone", e.fault());
      CityZone zone = workZoneOf(city, run, e.vehicleId());
      List<TelemetryPoint> in =
          exactRun(tracks.get(e.vehicleId()), e, p -> working(p) && !zone.contains(at(p)));
      assertTrue(seconds(e) >= 120 && seconds(e) <= 250, e.toString());
      assertTrue(in.size() >= 3, e.toString());
      for (TelemetryPoint p : in) {
        assertTrue(p.speedKmh() >= 5 && p.speedKmh() <= 9, p.toString());
      }
      // the same excursion leaves the route corridor: one GEO-001 entry around it
      GroundTruthEntry dev =
          deviations.stream()
              .filter(
                  d ->
                      d.vehicleId().equals(e.vehicleId())
                          && !d.start().isAfter(e.start())
                          && !d.end().isBefore(e.end()))
              .findFirst()
              .orElse(null);
      assertNotNull(dev, "no GEO-001 entry around " + e);
      assertEquals("work-outside-zone", dev.fault());
      Assignment a = run.assignment(e.vehicleId());
      exactRun(
          tracks.get(e.vehicleId()),
          dev,
          p -> a.distanceToRouteMetres(at(p), run.fleet().roads()) > 50);
    }
    assertEquals(truth.size(), deviations.size());
    // outside the episodes: no vehicle works outside its work zone, nor in a playground or yard
    List<CityZone> forbidden = new ArrayList<>(city.zones(CityZone.NO_MACHINERY));
    forbidden.addAll(city.zones(CityZone.YARD));
    Map<String, CityZone> zones = new HashMap<>();
    for (TelemetryPoint p : run.delivered()) {
      if (!working(p)) {
        continue;
      }
      CityZone zone = zones.computeIfAbsent(p.vehicleId(), v -> workZoneOf(city, run, v));
      if (!zone.contains(at(p))) {
        assertTrue(inAny(p, truth, run), "working outside the zone outside the truth: " + p);
      }
      assertTrue(forbidden.stream().noneMatch(z -> z.contains(at(p))), p.toString());
    }
  }

  // ------------------------------------------------------------------------------ EQP-004

  @Test
  void noMachineryWorksInsideAPlaygroundForTwoFixesOrMoreAndStaysOnTheRoute() {
    Run run =
        FaultInjectionTest.run(
            config(12, List.of(VehicleType.PLOUGH, VehicleType.SWEEPER), FaultType.NO_MACHINERY, 2),
            Duration.ofHours(8));
    CityPlan city = city(run);
    List<CityZone> playgrounds = city.zones(CityZone.NO_MACHINERY);
    List<GroundTruthEntry> truth = run.truth("EQP-004");
    System.out.printf("EQP-004 no-machinery: %d episodes%n", truth.size());
    // 2/h × 12 vehicles × 8 h = 192 asked; only where a playground is beside the route
    assertTrue(truth.size() >= 60 && truth.size() <= 192, "episodes: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("no-machinery", e.fault());
      List<TelemetryPoint> in =
          exactRun(
              tracks.get(e.vehicleId()),
              e,
              p -> working(p) && playgrounds.stream().anyMatch(z -> z.contains(at(p))));
      assertTrue(in.size() >= 2, e.toString());
      assertTrue(seconds(e) >= 10 && seconds(e) <= 120, e.toString());
    }
    for (TelemetryPoint p : run.delivered()) {
      boolean inPlayground = playgrounds.stream().anyMatch(z -> z.contains(at(p)));
      if (working(p) && inPlayground) {
        assertTrue(inAny(p, truth, run), "working in a playground outside the truth: " + p);
      }
      // never off the route (GEO-001) nor outside the work zone (EQP-001)
      assertTrue(
          run.assignment(p.vehicleId()).distanceToRouteMetres(at(p), run.fleet().roads()) <= 50,
          p.toString());
      assertTrue(workZoneOf(city, run, p.vehicleId()).contains(at(p)), p.toString());
    }
  }

  // ------------------------------------------------------------------------------ TIM-005

  @Test
  void nightYardWorkHappensOnlyAtNightInsideAYardAndNothingElseWorksInAYard() {
    Run run =
        runFrom(
            config(
                12, List.of(VehicleType.PLOUGH, VehicleType.SWEEPER), FaultType.NIGHT_YARD_WORK, 2),
            EVENING,
            Duration.ofHours(12));
    CityPlan city = city(run);
    List<CityZone> yards = city.zones(CityZone.YARD);
    List<GroundTruthEntry> truth = run.truth("TIM-005");
    System.out.printf("TIM-005 night-yard: %d episodes%n", truth.size());
    // 2/h × 12 vehicles × 8 night hours = 192 asked; only where a yard is beside the route
    assertTrue(truth.size() >= 60 && truth.size() <= 192, "episodes: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    Predicate<TelemetryPoint> condition =
        p -> working(p) && night(p.fixTime()) && yards.stream().anyMatch(z -> z.contains(at(p)));
    for (GroundTruthEntry e : truth) {
      assertEquals("night-yard-work", e.fault());
      List<TelemetryPoint> in = exactRun(tracks.get(e.vehicleId()), e, condition);
      assertTrue(in.size() >= 2, e.toString());
      assertTrue(night(e.start()) && night(e.end()), e.toString());
    }
    for (TelemetryPoint p : run.delivered()) {
      if (working(p) && yards.stream().anyMatch(z -> z.contains(at(p)))) {
        assertTrue(inAny(p, truth, run), "working in a yard outside the truth: " + p);
      }
      assertTrue(
          run.assignment(p.vehicleId()).distanceToRouteMetres(at(p), run.fleet().roads()) <= 50,
          p.toString());
    }
  }

  // ------------------------------------------------------------------------------ TIM-004

  private static boolean atSite(TelemetryPoint p, List<CityZone> sites) {
    return sites.stream().anyMatch(s -> Geo.haversineMetres(s.centre(), at(p)) <= 30);
  }

  @Test
  void nightCollectionStopsAtASiteOnlyAtNightAndLawfulStopsKeepTheHours() {
    Run run =
        runFrom(
            config(10, List.of(VehicleType.REFUSE), FaultType.NIGHT_COLLECTION, 2),
            EVENING,
            Duration.ofHours(12));
    CityPlan city = city(run);
    List<CityZone> sites = city.zones(CityZone.CONTAINER_SITE);
    List<GroundTruthEntry> truth = run.truth("TIM-004");
    System.out.printf("TIM-004 night-collection: %d episodes%n", truth.size());
    // 2/h × 10 trucks × 8 night hours = 160 asked
    assertTrue(truth.size() >= 120 && truth.size() <= 200, "episodes: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    Predicate<TelemetryPoint> standingAtSite = p -> p.speedKmh() < 1 && atSite(p, sites);
    for (GroundTruthEntry e : truth) {
      assertEquals("night-collection", e.fault());
      List<TelemetryPoint> in =
          exactRun(tracks.get(e.vehicleId()), e, p -> standingAtSite.test(p) && night(p.fixTime()));
      assertTrue(seconds(e) >= 60 && seconds(e) <= 190, e.toString());
      assertTrue(in.stream().allMatch(p -> night(p.fixTime())), e.toString());
    }
    // every other stop at a site is short, or lies wholly within 07:00–23:00
    int dayStops = 0;
    for (List<TelemetryPoint> track : tracks.values()) {
      int i = 0;
      while (i < track.size()) {
        if (!standingAtSite.test(track.get(i))) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < track.size() && standingAtSite.test(track.get(j + 1))) {
          j++;
        }
        TelemetryPoint first = track.get(i);
        TelemetryPoint last = track.get(j);
        boolean qualifies =
            Duration.between(first.fixTime(), last.fixTime()).getSeconds() >= 60
                && track.subList(i, j + 1).stream().anyMatch(p -> night(p.fixTime()));
        if (qualifies) {
          assertTrue(
              inAny(first, truth, run) && inAny(last, truth, run),
              "a stop at a site at night outside the truth: " + first + " .. " + last);
        } else if (Duration.between(first.fixTime(), last.fixTime()).getSeconds() >= 60) {
          dayStops++;
        }
        i = j + 1;
      }
    }
    assertTrue(dayStops > 20, "lawful day-time stops: " + dayStops);
  }

  // ------------------------------------------------------------------------------ TIM-006

  @Test
  void lateRollOutLeavesTheDepotFortyToSixtyMinutesAfterTheShiftStart() {
    FleetConfig config =
        config(40, List.of(VehicleType.values()), FaultType.LATE_ROLL_OUT, 1)
            .withShift(new ShiftPlan(Duration.ofHours(4), Duration.ofMinutes(5)));
    Run run = FaultInjectionTest.run(config, Duration.ofHours(5));
    CityPlan city = city(run);
    List<GroundTruthEntry> truth = run.truth("TIM-006");
    System.out.printf("TIM-006 late-roll-out: %d of 40 shifts%n", truth.size());
    // 1 - e^-1 = 63 % of 40 shifts
    assertTrue(truth.size() >= 17 && truth.size() <= 33, "late shifts: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (int i = 0; i < run.fleet().vehicles().size(); i++) {
      String id = run.fleet().vehicles().get(i).id();
      Instant shiftStart = run.fleet().start().plus(Duration.ofMinutes(5).multipliedBy(i % 10));
      CityZone depot = city.zone(city.refs(id).depotZoneId());
      TelemetryPoint out =
          tracks.get(id).stream()
              .filter(p -> !p.fixTime().isBefore(shiftStart) && !depot.contains(at(p)))
              .findFirst()
              .orElseThrow();
      GroundTruthEntry e =
          truth.stream().filter(g -> g.vehicleId().equals(id)).findFirst().orElse(null);
      long delayS = Duration.between(shiftStart, out.fixTime()).getSeconds();
      if (e == null) {
        assertTrue(delayS <= 120, id + " left the depot after " + delayS + " s");
        continue;
      }
      assertEquals("late-roll-out", e.fault());
      assertEquals(shiftStart, e.start(), e.toString());
      assertEquals(out.fixTime(), e.end(), e.toString());
      assertTrue(delayS >= 40 * 60 && delayS <= 62 * 60, e + ": " + delayS + " s");
      // standing in the depot, ignition off, until it rolls out
      tracks.get(id).stream()
          .filter(p -> !p.fixTime().isBefore(shiftStart) && p.fixTime().isBefore(out.fixTime()))
          .forEach(
              p -> {
                assertTrue(depot.contains(at(p)), p.toString());
              });
    }
  }

  // ------------------------------------------------------------------------------ together

  @Test
  void everyFaultTogetherAtNightIsDeterministicAndTheNightFaultsShowUp() {
    FaultPlan plan = FaultPlan.none();
    for (FaultType t : FaultType.values()) {
      if (t != FaultType.OFFENDER_CYCLE) {
        plan = plan.with(t, 1);
      }
    }
    FleetConfig config =
        FleetConfig.defaults()
            .withVehicles(15)
            .withInterval(Duration.ofSeconds(5))
            .withTypes(List.of(VehicleType.values()))
            .withFaults(plan)
            .withShift(ShiftPlan.of(Duration.ofHours(6)));
    Run a = runFrom(config, EVENING, Duration.ofHours(7));
    Run b = runFrom(config, EVENING, Duration.ofHours(7));
    assertEquals(a.truth(), b.truth());
    assertEquals(a.delivered(), b.delivered());
    java.util.Set<String> seen = new java.util.TreeSet<>();
    a.truth().forEach(e -> seen.add(e.regulationId() + " " + e.fault()));
    System.out.println("together at night: " + seen);
    for (String expected :
        List.of(
            "EQP-001 work-outside-zone",
            "GEO-001 work-outside-zone",
            "EQP-004 no-machinery",
            "TIM-004 night-collection",
            "TIM-005 night-yard-work",
            "TIM-006 late-roll-out")) {
      assertTrue(seen.contains(expected), expected + " missing from " + seen);
    }
  }
}
