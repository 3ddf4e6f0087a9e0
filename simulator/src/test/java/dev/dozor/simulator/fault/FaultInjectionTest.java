package dev.dozor.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each fault, checked against the regulation's condition with the REGULATIONS.md numbers. */
class FaultInjectionTest {
  static final Instant START = Instant.parse("2026-01-15T06:00:00Z");

  /** Everything a run produced: the points in delivery order and the ground truth. */
  record Run(
      Fleet fleet, List<TelemetryPoint> delivered, List<GroundTruthEntry> truth, Instant end) {
    /** Each vehicle's distinct fixes sorted by fix time (what actually happened). */
    Map<String, List<TelemetryPoint>> tracks() {
      Map<String, List<TelemetryPoint>> byVehicle = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (TelemetryPoint p : delivered) {
        if (seen.add(p.vehicleId() + "@" + p.fixTime())) {
          byVehicle.computeIfAbsent(p.vehicleId(), k -> new ArrayList<>()).add(p);
        }
      }
      byVehicle.values().forEach(l -> l.sort(Comparator.comparing(TelemetryPoint::fixTime)));
      return byVehicle;
    }

    List<GroundTruthEntry> truth(String regulationOrFault) {
      return truth.stream()
          .filter(
              e ->
                  regulationOrFault.equals(e.regulationId()) || regulationOrFault.equals(e.fault()))
          .toList();
    }

    Assignment assignment(String vehicleId) {
      return fleet.assignments().stream()
          .filter(a -> a.vehicleId().equals(vehicleId))
          .findFirst()
          .orElseThrow();
    }
  }

  static Run run(FleetConfig config, Duration span) {
    Fleet fleet = Fleet.create(config, START);
    List<TelemetryPoint> all = new ArrayList<>();
    for (Instant t = START; !t.isAfter(START.plus(span)); t = t.plus(config.interval())) {
      all.addAll(fleet.step(t));
    }
    return new Run(fleet, all, fleet.groundTruth(), START.plus(span));
  }

  static FleetConfig config(int vehicles, List<VehicleType> types, FaultType fault, double rate) {
    return FleetConfig.defaults()
        .withVehicles(vehicles)
        .withOffenders(0)
        .withInterval(Duration.ofSeconds(5))
        .withTypes(types)
        .withFaults(FaultPlan.none().with(fault, rate));
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

  private static double metres(TelemetryPoint a, TelemetryPoint b) {
    return Geo.haversineMetres(new GeoPoint(a.lat(), a.lon()), new GeoPoint(b.lat(), b.lon()));
  }

  private static void assertRate(int episodes, double expected, String what) {
    assertTrue(
        episodes >= expected * 0.75 && episodes <= expected * 1.25,
        what + ": " + episodes + " episodes, expected about " + expected);
  }

  @Test
  void overspeedEpisodesSatisfySpd001AndNothingElseDoes() {
    Run run =
        run(
            config(10, List.of(VehicleType.PLOUGH), FaultType.OVERSPEED_PLOUGH, 2),
            Duration.ofHours(10));
    List<GroundTruthEntry> truth = run.truth("SPD-001");
    assertRate(truth.size(), 2 * 10 * 10, "overspeed");
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("overspeed-plough", e.fault());
      List<TelemetryPoint> in =
          tracks.get(e.vehicleId()).stream().filter(p -> within(p, e)).toList();
      assertTrue(Duration.between(e.start(), e.end()).getSeconds() >= 60, e::toString);
      assertEquals(in.get(0).fixTime(), e.start());
      assertEquals(in.get(in.size() - 1).fixTime(), e.end());
      for (TelemetryPoint p : in) {
        assertTrue(p.equipment().isPloughDown(), p::toString);
        assertTrue(p.speedKmh() >= 55 && p.speedKmh() <= 65, p::toString);
      }
    }
    // outside the injected episodes no plough is down above 40 km/h
    for (TelemetryPoint p : run.delivered()) {
      if (!inAny(p, truth, run) && p.equipment().isPloughDown()) {
        assertTrue(p.speedKmh() <= 40, () -> "plough down too fast outside ground truth: " + p);
      }
    }
  }

  @Test
  void spreadingWhileStandingSatisfiesEqp003WithADensity() {
    Run run =
        run(
            config(10, List.of(VehicleType.SPREADER), FaultType.SPREADING_STANDING, 1),
            Duration.ofHours(10));
    List<GroundTruthEntry> truth = run.truth("EQP-003");
    assertRate(truth.size(), 100, "spreading while standing");
    for (GroundTruthEntry e : truth) {
      assertTrue(Duration.between(e.start(), e.end()).getSeconds() >= 60, e::toString);
      List<TelemetryPoint> in =
          run.tracks().get(e.vehicleId()).stream().filter(p -> within(p, e)).toList();
      assertEquals(e.start(), in.get(0).fixTime());
      for (TelemetryPoint p : in) {
        assertTrue(p.equipment().isSpreaderOn() && p.speedKmh() < 3, p::toString);
        assertTrue(p.equipment().spreadRateGm2() >= 15 && p.equipment().spreadRateGm2() <= 35);
      }
    }
    for (TelemetryPoint p : run.delivered()) {
      if (!inAny(p, truth, run) && p.equipment().isSpreaderOn()) {
        assertTrue(p.speedKmh() >= 3, () -> "spreading while standing outside ground truth: " + p);
      }
    }
  }

  @Test
  void routeDeviationLeavesTheCorridorForTwoFixesAnd200Metres() {
    Run run =
        run(
            config(8, FleetConfig.DEFAULT_TYPES, FaultType.ROUTE_DEVIATION, 1),
            Duration.ofHours(8));
    List<GroundTruthEntry> truth = run.truth("GEO-001");
    assertTrue(truth.size() >= 40, "deviations: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      Assignment a = run.assignment(e.vehicleId());
      List<TelemetryPoint> in =
          tracks.get(e.vehicleId()).stream().filter(p -> within(p, e)).toList();
      assertTrue(in.size() >= 2, e::toString);
      double outside = 0;
      for (int i = 0; i < in.size(); i++) {
        GeoPoint p = new GeoPoint(in.get(i).lat(), in.get(i).lon());
        assertTrue(a.distanceToRouteMetres(p, run.fleet().roads()) > 50, in.get(i)::toString);
        assertFalse(in.get(i).equipment().isAnyImplementWorking(), in.get(i)::toString);
        if (i > 0) {
          outside += metres(in.get(i - 1), in.get(i));
        }
      }
      double driven = outside;
      assertTrue(driven >= 200, () -> e + " only " + driven + " m outside");
    }
    for (TelemetryPoint p : run.delivered()) {
      if (!inAny(p, truth, run)) {
        double d =
            run.assignment(p.vehicleId())
                .distanceToRouteMetres(new GeoPoint(p.lat(), p.lon()), run.fleet().roads());
        assertTrue(d <= 50, () -> "off the route outside ground truth (" + d + " m): " + p);
      }
    }
  }

  @Test
  void telemetryGapsAreLongerThanFiveMinutesAndTheOnlyGaps() {
    Run run =
        run(
            config(10, FleetConfig.DEFAULT_TYPES, FaultType.TELEMETRY_GAP, 0.5),
            Duration.ofHours(20));
    List<GroundTruthEntry> truth = run.truth("INT-001");
    assertRate(truth.size(), 0.5 * 10 * 20, "gaps");
    Set<String> gaps = new HashSet<>();
    truth.forEach(e -> gaps.add(e.vehicleId() + "@" + e.start() + "/" + e.end()));
    run.tracks()
        .forEach(
            (vehicle, track) -> {
              for (int i = 1; i < track.size(); i++) {
                Instant a = track.get(i - 1).fixTime();
                Instant b = track.get(i).fixTime();
                if (gaps.contains(vehicle + "@" + a + "/" + b)) {
                  long s = Duration.between(a, b).getSeconds();
                  assertTrue(s > 300 && s <= 600 + 10, vehicle + " gap of " + s + " s at " + a);
                } else {
                  assertEquals(Duration.ofSeconds(5), Duration.between(a, b), vehicle + " at " + a);
                }
              }
            });
    assertEquals(truth.size(), gaps.size());
  }

  @Test
  void gpsJumpsDisplaceOneFixFarBeyond150KmH() {
    Run run =
        run(config(10, FleetConfig.DEFAULT_TYPES, FaultType.GPS_JUMP, 2), Duration.ofHours(5));
    List<GroundTruthEntry> truth = run.truth("INT-002");
    assertRate(truth.size(), 100, "jumps");
    Set<String> jumps = new HashSet<>();
    for (GroundTruthEntry e : truth) {
      assertEquals(e.start(), e.end());
      jumps.add(e.vehicleId() + "@" + e.start());
    }
    run.tracks()
        .forEach(
            (vehicle, track) -> {
              for (int i = 1; i < track.size(); i++) {
                TelemetryPoint a = track.get(i - 1);
                TelemetryPoint b = track.get(i);
                double kmh = metres(a, b) / 5 * 3.6;
                boolean jumped =
                    jumps.contains(vehicle + "@" + b.fixTime())
                        || jumps.contains(vehicle + "@" + a.fixTime());
                if (jumps.contains(vehicle + "@" + b.fixTime())) {
                  assertTrue(metres(a, b) >= 1900, () -> "jump of only " + metres(a, b) + " m");
                }
                if (jumped) {
                  assertTrue(kmh > 150, vehicle + " jump at " + b.fixTime() + ": " + kmh);
                } else {
                  assertTrue(kmh <= 66, vehicle + " implied " + kmh + " km/h at " + b.fixTime());
                }
              }
            });
  }

  @Test
  void offlineDevicesDeliverEveryPointLateAndOutOfOrder() {
    FleetConfig config = config(6, FleetConfig.DEFAULT_TYPES, FaultType.OFFLINE, 1);
    Fleet fleet = Fleet.create(config, START);
    Map<String, Instant> deliveredAt = new HashMap<>();
    List<TelemetryPoint> all = new ArrayList<>();
    for (Instant t = START;
        !t.isAfter(START.plus(Duration.ofHours(6)));
        t = t.plus(config.interval())) {
      for (TelemetryPoint p : fleet.step(t)) {
        assertNull(deliveredAt.put(p.vehicleId() + "@" + p.fixTime(), t), "delivered twice: " + p);
        all.add(p);
      }
    }
    List<GroundTruthEntry> truth =
        fleet.groundTruth().stream().filter(e -> e.fault().equals("offline")).toList();
    assertRate(truth.size(), 36, "offline");
    for (GroundTruthEntry e : truth) {
      assertNull(e.regulationId());
      long minutes = Duration.between(e.start(), e.end()).toMinutes();
      assertTrue(minutes >= 4 && minutes <= 15, e::toString);
      List<TelemetryPoint> held = all.stream().filter(p -> within(p, e)).toList();
      // all of them arrive together, after the period, not in fix-time order
      Set<Instant> when =
          held.stream()
              .map(p -> deliveredAt.get(p.vehicleId() + "@" + p.fixTime()))
              .collect(Collectors.toSet());
      assertEquals(1, when.size(), e::toString);
      assertTrue(when.iterator().next().isAfter(e.end()));
      List<Instant> order = held.stream().map(TelemetryPoint::fixTime).toList();
      assertFalse(order.equals(order.stream().sorted().toList()), "not shuffled: " + e);
    }
    // nothing lost: every vehicle has a fix every interval up to the last release
    assertEquals(6 * (6 * 720 + 1), deliveredAt.size() + heldAtTheEnd(fleet, truth, all));
  }

  /** Fixes still held by a device offline at the end of the run. */
  private static int heldAtTheEnd(
      Fleet fleet, List<GroundTruthEntry> truth, List<TelemetryPoint> all) {
    return 6 * (6 * 720 + 1) - all.size();
  }

  @Test
  void duplicatesResendTheLastBatchAndAreInTheGroundTruth() {
    FleetConfig config = config(6, FleetConfig.DEFAULT_TYPES, FaultType.DUPLICATE, 2);
    Run run = run(config, Duration.ofHours(5));
    List<GroundTruthEntry> truth = run.truth("duplicate");
    assertRate(truth.size(), 60, "duplicates");
    Map<String, Long> copies =
        run.delivered().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.vehicleId() + "@" + p.fixTime(), Collectors.counting()));
    long duplicated = copies.values().stream().filter(n -> n > 1).count();
    assertEquals(truth.size(), duplicated);
    for (GroundTruthEntry e : truth) {
      assertNull(e.regulationId());
      assertEquals(2L, copies.get(e.vehicleId() + "@" + e.start()));
    }
  }

  @Test
  void theSameSeedInjectsTheSameFaults() {
    FleetConfig config =
        config(6, List.of(VehicleType.PLOUGH, VehicleType.SPREADER), FaultType.GPS_JUMP, 2)
            .withFaults(
                FaultPlan.none()
                    .with(FaultType.GPS_JUMP, 2)
                    .with(FaultType.OVERSPEED_PLOUGH, 2)
                    .with(FaultType.TELEMETRY_GAP, 1)
                    .with(FaultType.SPREADING_STANDING, 1));
    Run a = run(config, Duration.ofHours(2));
    Run b = run(config, Duration.ofHours(2));
    assertEquals(a.truth(), b.truth());
    assertEquals(a.delivered(), b.delivered());
    assertFalse(a.truth().isEmpty());
    assertFalse(a.truth().equals(run(config.withSeed(1), Duration.ofHours(2)).truth()));
  }

  @Test
  void offenderCyclesAreGroundTruthToo() {
    Run run = run(FleetConfig.defaults(), Duration.ofSeconds(599));
    List<GroundTruthEntry> truth = run.truth("offender-cycle");
    // phases at 0, 150, 300 s have ended; the one starting at 450 s ends at 540 s
    assertEquals(4, truth.size());
    for (int i = 0; i < truth.size(); i++) {
      GroundTruthEntry e = truth.get(i);
      assertEquals("sim-plough-01", e.vehicleId());
      assertEquals("SPD-001", e.regulationId());
      assertEquals(START.plusSeconds(150L * i), e.start());
      assertEquals(START.plusSeconds(150L * i + 88), e.end());
    }
  }

  @Test
  void groundTruthLinesAreTheDocumentedJson() {
    GroundTruthEntry e =
        GroundTruthEntry.of(
            "sim-plough-01",
            FaultType.OVERSPEED_PLOUGH,
            Instant.parse("2026-01-15T06:01:00Z"),
            Instant.parse("2026-01-15T06:02:30.500Z"));
    String line = GroundTruthWriter.toJsonLine(e);
    assertEquals(
        "{\"vehicleId\":\"sim-plough-01\",\"regulationId\":\"SPD-001\","
            + "\"start\":\"2026-01-15T06:01:00Z\",\"end\":\"2026-01-15T06:02:30.500Z\","
            + "\"fault\":\"overspeed-plough\"}",
        line);
    assertEquals(e, GroundTruthWriter.parseLine(line));
    String offline =
        GroundTruthWriter.toJsonLine(
            GroundTruthEntry.of("sim-sweeper-01", FaultType.OFFLINE, e.start(), e.end()));
    assertTrue(offline.contains("\"regulationId\":null"), offline);
  }

  @Test
  void faultFlagsParseRatesAndNames() {
    assertEquals(Map.entry(FaultType.OVERSPEED_PLOUGH, 2.0), FaultPlan.parseFlag("overspeed=2/h"));
    assertEquals(Map.entry(FaultType.TELEMETRY_GAP, 0.5), FaultPlan.parseFlag("gaps=0.5"));
    assertEquals(Map.entry(FaultType.GPS_JUMP, 60.0), FaultPlan.parseFlag("jumps=1/min"));
    assertEquals(
        Map.entry(FaultType.SPREADING_STANDING, 1.0),
        FaultPlan.parseFlag("spreading-standing=1/h"));
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> FaultPlan.parseFlag("speeding=1/h"))
            .getMessage()
            .contains("unknown fault 'speeding'"));
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> FaultPlan.parseFlag("gaps=often"))
            .getMessage()
            .contains("invalid rate"));
  }
}
