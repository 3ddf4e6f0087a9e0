package dev.dozor.simulator.fault;

import static dev.dozor.simulator.fault.FaultInjectionTest.START;
import static dev.dozor.simulator.fault.FaultInjectionTest.config;
import static dev.dozor.simulator.fault.FaultInjectionTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The faults for SPD-002..004, TIM-007 and INT-003..005: each ground-truth entry spans exactly the
 * fixes that meet the regulation's condition (REGULATIONS.md defaults), and outside the entries the
 * fleet stays clear of it by the documented margin.
 */
class CatalogueFaultsTest {
  private static final Duration FIVE_S = Duration.ofSeconds(5);

  private static boolean within(TelemetryPoint p, GroundTruthEntry e) {
    return p.vehicleId().equals(e.vehicleId())
        && !p.fixTime().isBefore(e.start())
        && !p.fixTime().isAfter(e.end());
  }

  /** Inside a reported episode, or so late in the run that its episode may not be complete. */
  private static boolean inAny(TelemetryPoint p, List<GroundTruthEntry> entries, Run run) {
    return entries.stream().anyMatch(e -> within(p, e))
        || p.fixTime().isAfter(run.end().minus(Duration.ofMinutes(30)));
  }

  private static double metres(TelemetryPoint a, TelemetryPoint b) {
    return Geo.haversineMetres(new GeoPoint(a.lat(), a.lon()), new GeoPoint(b.lat(), b.lon()));
  }

  private static void assertRate(int episodes, double expected, String what) {
    assertTrue(
        episodes >= expected * 0.75 && episodes <= expected * 1.25,
        what + ": " + episodes + " episodes, expected about " + expected);
  }

  /**
   * Checks that {@code e} spans exactly a maximal run of fixes meeting {@code condition}: its start
   * and end are the first and last fix of the run, every fix between meets it, and the fixes just
   * before and after do not. Returns the run.
   */
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

  // ------------------------------------------------------------------------------ SPD-002

  private static boolean sweepingTooFast(TelemetryPoint p) {
    return p.equipment().isBrushOn() && p.speedKmh() > 10;
  }

  @Test
  void sweepingFastAveragesAbove10KmhOverEveryTwoMinutesAndLawfulSweepingNeverAbove9() {
    Run run =
        run(
            config(10, List.of(VehicleType.SWEEPER), FaultType.SWEEPING_FAST, 2),
            Duration.ofHours(10));
    List<GroundTruthEntry> truth = run.truth("SPD-002");
    assertRate(truth.size(), 2 * 10 * 10, "sweeping too fast");
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("sweeping-fast", e.fault());
      List<TelemetryPoint> in =
          exactRun(tracks.get(e.vehicleId()), e, CatalogueFaultsTest::sweepingTooFast);
      assertTrue(seconds(e) >= 120 && seconds(e) <= 240, e::toString);
      for (TelemetryPoint p : in) {
        assertTrue(p.speedKmh() >= 14 && p.speedKmh() <= 20, p::toString);
      }
      // every 2-minute window inside the episode averages above 10 km/h
      for (TelemetryPoint from : in) {
        Instant to = from.fixTime().plusSeconds(120);
        if (to.isAfter(e.end())) {
          break;
        }
        double average =
            in.stream()
                .filter(p -> !p.fixTime().isBefore(from.fixTime()) && !p.fixTime().isAfter(to))
                .mapToDouble(TelemetryPoint::speedKmh)
                .average()
                .orElseThrow();
        assertTrue(average > 10, e + ": 2-minute average " + average);
      }
    }
    // outside: every brush-on fix reports at most 9 km/h, and brush-on stretches cover at most 9
    // km/h of ground
    int brushing = 0;
    for (List<TelemetryPoint> track : tracks.values()) {
      for (int i = 0; i < track.size(); i++) {
        TelemetryPoint b = track.get(i);
        if (!b.equipment().isBrushOn() || inAny(b, truth, run)) {
          continue;
        }
        brushing++;
        assertTrue(b.speedKmh() >= 8 && b.speedKmh() <= 9, () -> "brushing outside: " + b);
        TelemetryPoint a = i > 0 ? track.get(i - 1) : null;
        if (a != null && a.equipment().isBrushOn() && !inAny(a, truth, run)) {
          double kmh = metres(a, b) / 5 * 3.6;
          assertTrue(kmh <= 9.05, () -> "brushed " + kmh + " km/h of ground at " + b);
        }
      }
    }
    assertTrue(brushing > 10_000, "brush-on fixes outside the episodes: " + brushing);
  }

  // ------------------------------------------------------------------------------ SPD-003

  private static boolean overDosing(TelemetryPoint p) {
    Double rate = p.equipment().spreadRateGm2();
    return p.equipment().isSpreaderOn() && rate != null && rate > 40 * 1.2;
  }

  @Test
  void badSpreadRateDosesAbove48GramsForAtLeastAKilometreAndLawfulRatesStayIn10To30() {
    Run run =
        run(
            config(10, List.of(VehicleType.SPREADER), FaultType.BAD_SPREAD_RATE, 1),
            Duration.ofHours(10));
    List<GroundTruthEntry> truth = run.truth("SPD-003");
    assertRate(truth.size(), 10 * 10, "bad spread rate");
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("bad-spread-rate", e.fault());
      List<TelemetryPoint> in =
          exactRun(tracks.get(e.vehicleId()), e, CatalogueFaultsTest::overDosing);
      double driven = 0;
      for (int i = 0; i < in.size(); i++) {
        TelemetryPoint p = in.get(i);
        double rate = p.equipment().spreadRateGm2();
        assertTrue(rate >= 55 && rate <= 80, p::toString);
        assertTrue(p.speedKmh() >= 20 && p.speedKmh() <= 40, p::toString);
        if (i > 0) {
          driven += metres(in.get(i - 1), p);
        }
      }
      double metres = driven;
      assertTrue(metres >= 1000, () -> e + ": only " + metres + " m of GPS track");
    }
    int spreading = 0;
    for (TelemetryPoint p : run.delivered()) {
      if (!p.equipment().isSpreaderOn()) {
        assertEquals(null, p.equipment().spreadRateGm2(), p::toString);
      } else if (!inAny(p, truth, run)) {
        spreading++;
        double rate = p.equipment().spreadRateGm2();
        assertTrue(rate >= 10 && rate <= 30, () -> "rate outside the episodes: " + p);
      }
    }
    assertTrue(spreading > 10_000, "spreading fixes outside the episodes: " + spreading);
  }

  // ------------------------------------------------------------------------------ SPD-004

  private static boolean transportTooFast(TelemetryPoint p) {
    return !p.equipment().isAnyImplementWorking() && p.speedKmh() > 60;
  }

  @Test
  void transportSpeedingExceeds60KmhWithImplementsOffForThirtySecondsAndTransportElseAtMost55() {
    Run run =
        run(
            config(10, List.of(VehicleType.values()), FaultType.TRANSPORT_SPEEDING, 2),
            Duration.ofHours(10));
    List<GroundTruthEntry> truth = run.truth("SPD-004");
    assertRate(truth.size(), 2 * 10 * 10, "transport speeding");
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    Set<String> types = new HashSet<>();
    for (GroundTruthEntry e : truth) {
      assertEquals("transport-speeding", e.fault());
      List<TelemetryPoint> in =
          exactRun(tracks.get(e.vehicleId()), e, CatalogueFaultsTest::transportTooFast);
      assertTrue(seconds(e) >= 30 && seconds(e) <= 90, e::toString);
      for (TelemetryPoint p : in) {
        assertTrue(p.speedKmh() >= 85 && p.speedKmh() <= 95, p::toString);
        assertEquals(Boolean.TRUE, p.equipment().ignition(), p::toString);
        assertFalse(Boolean.TRUE.equals(p.equipment().pto()), p::toString);
      }
      types.add(e.vehicleId().split("-")[1]);
    }
    assertEquals(5, types.size(), "every type speeds: " + types);
    for (TelemetryPoint p : run.delivered()) {
      if (!p.equipment().isAnyImplementWorking() && !inAny(p, truth, run)) {
        assertTrue(p.speedKmh() <= 55, () -> "transport too fast outside the episodes: " + p);
      }
    }
  }

  // ------------------------------------------------------------------------------ TIM-007

  private static boolean standing(TelemetryPoint p) {
    return p.speedKmh() == 0 && Boolean.TRUE.equals(p.equipment().ignition());
  }

  @Test
  void idlingStandsWithTheIgnitionOnAwayFromTheDepotsOver15MinutesAndNothingElseStandsLong() {
    Run run =
        run(config(10, List.of(VehicleType.values()), FaultType.IDLING, 1), Duration.ofHours(12));
    List<GroundTruthEntry> truth = run.truth("TIM-007");
    assertRate(truth.size(), 10 * 12, "idling");
    List<GeoPoint> depots =
        run.fleet().assignments().stream().map(Assignment::depot).distinct().toList();
    Predicate<TelemetryPoint> awayFromDepots =
        p ->
            depots.stream()
                .allMatch(d -> Geo.haversineMetres(d, new GeoPoint(p.lat(), p.lon())) >= 300);
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    for (GroundTruthEntry e : truth) {
      assertEquals("idling", e.fault());
      List<TelemetryPoint> in = exactRun(tracks.get(e.vehicleId()), e, p -> standing(p));
      // a refuse truck may have stood at a container site (≤ 3 min) just before
      assertTrue(seconds(e) > 15 * 60 && seconds(e) <= 28 * 60, e::toString);
      for (TelemetryPoint p : in) {
        assertTrue(awayFromDepots.test(p), () -> "idling near a depot: " + p);
        assertFalse(p.equipment().isAnyImplementWorking(), p::toString);
      }
      assertEquals(1, in.stream().map(p -> p.lat() + "," + p.lon()).distinct().count());
    }
    // outside: nothing stands with the ignition on for more than 3 min (container stops)
    int stops = 0;
    for (List<TelemetryPoint> track : tracks.values()) {
      int i = 0;
      while (i < track.size()) {
        if (!standing(track.get(i)) || inAny(track.get(i), truth, run)) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < track.size()
            && standing(track.get(j + 1))
            && !inAny(track.get(j + 1), truth, run)) {
          j++;
        }
        long s = Duration.between(track.get(i).fixTime(), track.get(j).fixTime()).getSeconds();
        TelemetryPoint at = track.get(i);
        assertTrue(s <= 180, () -> "stood " + s + " s outside the episodes at " + at);
        stops++;
        i = j + 1;
      }
    }
    assertTrue(stops > 50, "short stops seen: " + stops);
  }

  // ------------------------------------------------------------------------------ INT-004

  private static Boolean channel(TelemetryPoint p) {
    Equipment e = p.equipment();
    return switch (p.vehicleId().split("-")[1]) {
      case "plough" -> e.isPloughDown();
      case "sweeper" -> e.isBrushOn();
      case "spreader" -> e.isSpreaderOn();
      default -> null;
    };
  }

  /** Fix times at which the implement channel differs from the previous fix of the track. */
  private static List<Instant> toggles(List<TelemetryPoint> track) {
    List<Instant> out = new ArrayList<>();
    for (int i = 1; i < track.size(); i++) {
      if (!channel(track.get(i)).equals(channel(track.get(i - 1)))) {
        out.add(track.get(i).fixTime());
      }
    }
    return out;
  }

  @Test
  void sensorFlappingToggles12To20TimesWithinAMinuteAndLawfulChannelsAtMost4() {
    FleetConfig config =
        config(
                6,
                List.of(VehicleType.PLOUGH, VehicleType.SWEEPER, VehicleType.SPREADER),
                FaultType.SENSOR_FLAPPING,
                2)
            .withInterval(Duration.ofSeconds(2));
    Run run = run(config, Duration.ofHours(8));
    List<GroundTruthEntry> truth = run.truth("INT-004");
    assertRate(truth.size(), 2 * 6 * 8, "sensor flapping");
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    Set<Integer> counts = new HashSet<>();
    for (GroundTruthEntry e : truth) {
      assertEquals("sensor-flapping", e.fault());
      List<TelemetryPoint> track = tracks.get(e.vehicleId());
      List<Instant> toggles = toggles(track);
      List<Instant> in = toggles.stream().filter(t -> !t.isBefore(e.start())).toList();
      in = in.stream().filter(t -> !t.isAfter(e.end())).toList();
      long fixes = track.stream().filter(p -> within(p, e)).count();
      assertEquals(fixes, in.size(), () -> e + ": every fix of the episode toggles");
      assertTrue(in.size() >= 12 && in.size() <= 20, e + ": " + in.size() + " toggles");
      assertTrue(seconds(e) <= 60, e::toString);
      assertEquals(e.start(), in.get(0));
      assertEquals(e.end(), in.get(in.size() - 1));
      counts.add(in.size());
      // steady for a minute before and after
      for (Instant t : toggles) {
        boolean justBefore = t.isBefore(e.start()) && !t.isBefore(e.start().minusSeconds(60));
        boolean justAfter = t.isAfter(e.end()) && !t.isAfter(e.end().plusSeconds(60));
        assertFalse(justBefore || justAfter, e + ": toggle at " + t);
      }
    }
    assertTrue(counts.size() >= 5, "toggle counts seen: " + counts);
    // outside the episodes no channel toggles more than 4 times within a minute
    tracks.forEach(
        (vehicle, track) -> {
          List<Instant> lawful =
              toggles(track).stream()
                  .filter(
                      t ->
                          truth.stream()
                              .noneMatch(
                                  e ->
                                      e.vehicleId().equals(vehicle)
                                          && !t.isBefore(e.start())
                                          && !t.isAfter(e.end())))
                  .toList();
          for (int i = 0; i < lawful.size(); i++) {
            int n = 0;
            for (int j = i; j < lawful.size(); j++) {
              if (!lawful.get(j).isAfter(lawful.get(i).plusSeconds(60))) {
                n++;
              }
            }
            int inMinute = n;
            Instant from = lawful.get(i);
            assertTrue(inMinute <= 4, vehicle + ": " + inMinute + " toggles in the minute " + from);
          }
        });
    // flapping breaks no other regulation: blade down slow, spreading at a lawful rate
    for (TelemetryPoint p : run.delivered()) {
      if (p.equipment().isPloughDown()) {
        assertTrue(p.speedKmh() <= 40, p::toString);
      }
      if (p.equipment().isBrushOn()) {
        assertTrue(p.speedKmh() <= 9, p::toString);
      }
      if (p.equipment().isSpreaderOn()) {
        assertTrue(p.equipment().spreadRateGm2() >= 15 && p.equipment().spreadRateGm2() <= 30);
      } else {
        assertEquals(null, p.equipment().spreadRateGm2(), p::toString);
      }
    }
  }

  @Test
  void sensorFlappingNeedsAnIntervalOfAtMostFiveSeconds() {
    FleetConfig five =
        config(3, List.of(VehicleType.PLOUGH), FaultType.SENSOR_FLAPPING, 4).withInterval(FIVE_S);
    Run run = run(five, Duration.ofHours(3));
    List<GroundTruthEntry> truth = run.truth("INT-004");
    assertTrue(truth.size() >= 20, "episodes: " + truth.size());
    for (GroundTruthEntry e : truth) {
      long fixes = run.tracks().get(e.vehicleId()).stream().filter(p -> within(p, e)).count();
      assertTrue(fixes == 12 || fixes == 13, e + ": " + fixes);
      assertTrue(seconds(e) <= 60, e::toString);
    }
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fleet.create(five.withInterval(Duration.ofSeconds(6)), START));
    assertTrue(
        error.getMessage().contains("sensor-flapping needs a fix interval"), error::toString);
  }

  // ------------------------------------------------------------------------------ INT-005

  @Test
  void clockSkewSendsThreeToSixFixesFiveToTenMinutesAheadAndNoOtherFixIsAhead() {
    FleetConfig config = config(10, FleetConfig.DEFAULT_TYPES, FaultType.CLOCK_SKEW, 2);
    Fleet fleet = Fleet.create(config, START);
    Instant end = START.plus(Duration.ofHours(5));
    Map<String, Instant> sentAt = new HashMap<>();
    List<TelemetryPoint> all = new ArrayList<>();
    for (Instant t = START; !t.isAfter(end); t = t.plus(config.interval())) {
      for (TelemetryPoint p : fleet.step(t)) {
        assertEquals(null, sentAt.put(p.vehicleId() + "@" + p.fixTime(), t), "twice: " + p);
        all.add(p);
      }
    }
    assertEquals(10 * (5 * 720 + 1), all.size(), "no fix lost or doubled");
    List<GroundTruthEntry> truth =
        fleet.groundTruth().stream().filter(e -> "INT-005".equals(e.regulationId())).toList();
    assertRate(truth.size(), 2 * 10 * 5, "clock skew");
    Set<TelemetryPoint> explained = new HashSet<>();
    for (GroundTruthEntry e : truth) {
      assertEquals("clock-skew", e.fault());
      List<TelemetryPoint> ahead =
          all.stream()
              .filter(p -> within(p, e))
              .filter(p -> p.fixTime().isAfter(sentAt.get(p.vehicleId() + "@" + p.fixTime())))
              .toList();
      assertTrue(ahead.size() >= 3 && ahead.size() <= 6, e + ": " + ahead.size() + " fixes");
      assertEquals(e.start(), ahead.get(0).fixTime());
      assertEquals(e.end(), ahead.get(ahead.size() - 1).fixTime());
      Set<Duration> skews = new HashSet<>();
      Instant previousSent = null;
      for (TelemetryPoint p : ahead) {
        Instant sent = sentAt.get(p.vehicleId() + "@" + p.fixTime());
        Duration skew = Duration.between(sent, p.fixTime());
        assertTrue(
            skew.compareTo(Duration.ofMinutes(5)) >= 0
                && skew.compareTo(Duration.ofMinutes(10)) <= 0,
            p + " ahead by " + skew);
        skews.add(skew);
        // consecutive fixes of the tracker, and off the 5 s grid of genuine fix times
        if (previousSent != null) {
          assertEquals(config.interval(), Duration.between(previousSent, sent), p::toString);
        }
        previousSent = sent;
        assertTrue(Duration.between(START, p.fixTime()).toMillis() % 5000 != 0, p::toString);
      }
      assertEquals(1, skews.size(), "one clock jump per episode: " + skews);
      explained.addAll(ahead);
    }
    for (TelemetryPoint p : all) {
      if (!explained.contains(p)) {
        assertFalse(
            p.fixTime().isAfter(sentAt.get(p.vehicleId() + "@" + p.fixTime())),
            () -> "ahead of the clock outside the ground truth: " + p);
      }
    }
  }

  // ------------------------------------------------------------------------------ INT-003

  /** Distance along the GPS fixes, metres. */
  private static double gpsMetres(List<TelemetryPoint> fixes) {
    double m = 0;
    for (int i = 1; i < fixes.size(); i++) {
      m += metres(fixes.get(i - 1), fixes.get(i));
    }
    return m;
  }

  @Test
  void theOdometerIsMonotonicAndFollowsTheDrivenDistanceOffTheRoadToo() {
    FleetConfig config =
        config(10, List.of(VehicleType.values()), FaultType.ROUTE_DEVIATION, 2)
            .withShift(ShiftPlan.of(Duration.ofHours(2)));
    Run run = run(config, Duration.ofHours(4));
    assertFalse(run.truth("GEO-001").isEmpty());
    Set<Double> starts = new HashSet<>();
    run.tracks()
        .forEach(
            (vehicle, track) -> {
              starts.add(track.get(0).odometerKm());
              for (int i = 1; i < track.size(); i++) {
                TelemetryPoint a = track.get(i - 1);
                TelemetryPoint b = track.get(i);
                assertNotNull(b.odometerKm(), b::toString);
                double counted = (b.odometerKm() - a.odometerKm()) * 1000;
                double fastest = Math.max(a.speedKmh(), b.speedKmh()) / 3.6 * 5;
                assertTrue(counted >= 0, () -> "odometer went back at " + b);
                assertTrue(counted >= metres(a, b) - 1.5, () -> "odometer short at " + b);
                assertTrue(counted <= fastest + 1.5, () -> "odometer long at " + b);
              }
              List<TelemetryPoint> shift =
                  track.stream()
                      .filter(p -> Boolean.TRUE.equals(p.equipment().ignition()))
                      .toList();
              double odometer =
                  (shift.get(shift.size() - 1).odometerKm() - shift.get(0).odometerKm()) * 1000;
              double ratio = odometer / gpsMetres(shift);
              assertTrue(ratio >= 1 && ratio <= 1.06, vehicle + ": odometer / GPS " + ratio);
              // parked: the odometer stands still
              List<TelemetryPoint> parked =
                  track.stream()
                      .filter(p -> p.fixTime().isAfter(shift.get(shift.size() - 1).fixTime()))
                      .toList();
              assertTrue(parked.size() > 100, vehicle + " parked fixes: " + parked.size());
              for (TelemetryPoint p : parked) {
                assertEquals(Boolean.FALSE, p.equipment().ignition(), p::toString);
                assertEquals(parked.get(0).odometerKm(), p.odometerKm(), p::toString);
              }
            });
    assertEquals(10, starts.size(), "every vehicle has its own odometer reading");
    for (double km : starts) {
      assertTrue(km >= 5_000 && km <= 150_000, "odometer " + km);
    }
  }

  @Test
  void odometerDriftCountsOneAndAHalfTimesTheDistanceForAWholeShift() {
    FleetConfig config =
        config(40, List.of(VehicleType.values()), FaultType.ODOMETER_DRIFT, 0.7)
            .withShift(ShiftPlan.of(Duration.ofHours(1)));
    Run run = run(config, Duration.ofHours(3));
    List<GroundTruthEntry> truth = run.truth("INT-003");
    // P(drift) = 1 - exp(-0.7 × 1 h) ≈ 0.50
    assertTrue(truth.size() >= 12 && truth.size() <= 28, "drifting shifts: " + truth.size());
    Map<String, GroundTruthEntry> byVehicle =
        truth.stream().collect(Collectors.toMap(GroundTruthEntry::vehicleId, e -> e));
    assertEquals(truth.size(), byVehicle.size(), "one shift per vehicle");
    run.tracks()
        .forEach(
            (vehicle, track) -> {
              List<TelemetryPoint> shift =
                  track.stream()
                      .filter(p -> Boolean.TRUE.equals(p.equipment().ignition()))
                      .toList();
              double odometer =
                  (shift.get(shift.size() - 1).odometerKm() - shift.get(0).odometerKm()) * 1000;
              double ratio = odometer / gpsMetres(shift);
              GroundTruthEntry e = byVehicle.get(vehicle);
              if (e != null) {
                assertEquals("odometer-drift", e.fault());
                assertEquals(shift.get(0).fixTime(), e.start());
                assertEquals(shift.get(shift.size() - 1).fixTime(), e.end());
                assertTrue(ratio >= 1.5 && ratio <= 1.6, vehicle + ": odometer / GPS " + ratio);
              } else {
                assertTrue(ratio >= 1 && ratio <= 1.06, vehicle + ": odometer / GPS " + ratio);
              }
            });
  }

  @Test
  void odometerDriftNeedsAFiniteShift() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Fleet.create(
                    config(2, FleetConfig.DEFAULT_TYPES, FaultType.ODOMETER_DRIFT, 1), START));
    assertTrue(error.getMessage().contains("needs a finite shift"), error::toString);
  }

  // ------------------------------------------------------------------------------ all together

  @Test
  void everyFaultTogetherIsDeterministicAndEachShowsUp() {
    FaultPlan plan = FaultPlan.none();
    for (FaultType t : FaultType.values()) {
      if (t != FaultType.OFFENDER_CYCLE) {
        plan = plan.with(t, 1);
      }
    }
    FleetConfig config =
        FleetConfig.defaults()
            .withVehicles(12)
            .withTypes(List.of(VehicleType.values()))
            .withFaults(plan)
            .withShift(ShiftPlan.of(Duration.ofHours(6)));
    Run a = run(config, Duration.ofHours(7));
    Run b = run(config, Duration.ofHours(7));
    assertEquals(a.truth(), b.truth());
    assertEquals(a.delivered(), b.delivered());
    Set<FaultType> seen = EnumSet.noneOf(FaultType.class);
    for (GroundTruthEntry e : a.truth()) {
      FaultType t =
          EnumSet.allOf(FaultType.class).stream()
              .filter(x -> x.wireName().equals(e.fault()))
              .findFirst()
              .orElseThrow();
      seen.add(t);
      if (t == FaultType.WORK_OUTSIDE_ZONE && "GEO-001".equals(e.regulationId())) {
        // the excursion out of the work zone is also a route deviation, written for both
        continue;
      }
      assertEquals(t.regulationId(), e.regulationId());
      assertFalse(e.end().isBefore(e.start()), e::toString);
    }
    // the run is by day (09:00–16:00 Moscow time): the night faults wait for the night
    Set<FaultType> expected = EnumSet.allOf(FaultType.class);
    expected.removeAll(EnumSet.of(FaultType.NIGHT_COLLECTION, FaultType.NIGHT_YARD_WORK));
    assertEquals(expected, seen);
    // ignition is reported on every fix, true until parked
    for (TelemetryPoint p : a.delivered()) {
      assertNotNull(p.equipment().ignition(), p::toString);
      assertNotNull(p.odometerKm(), p::toString);
    }
  }

  @Test
  void newFaultFlagsParse() {
    assertEquals(Map.entry(FaultType.SWEEPING_FAST, 2.0), FaultPlan.parseFlag("sweeping-fast=2/h"));
    assertEquals(
        Map.entry(FaultType.BAD_SPREAD_RATE, 1.0), FaultPlan.parseFlag("bad-spread-rate=1"));
    assertEquals(
        Map.entry(FaultType.TRANSPORT_SPEEDING, 0.5),
        FaultPlan.parseFlag("transport-speeding=0.5/h"));
    assertEquals(Map.entry(FaultType.IDLING, 60.0), FaultPlan.parseFlag("idling=1/min"));
    assertEquals(
        Map.entry(FaultType.SENSOR_FLAPPING, 1.0), FaultPlan.parseFlag("sensor-flapping=1/h"));
    assertEquals(Map.entry(FaultType.CLOCK_SKEW, 1.0), FaultPlan.parseFlag("clock-skew=1/h"));
    assertEquals(
        Map.entry(FaultType.ODOMETER_DRIFT, 1.0), FaultPlan.parseFlag("odometer-drift=1/h"));
    String message =
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parseFlag("x=1")).getMessage();
    assertTrue(message.contains("sweeping-fast") && message.contains("odometer-drift"), message);
    assertFalse(message.contains("offenders"), message);
  }
}
