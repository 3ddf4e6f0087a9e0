package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EQP-002 (assigned route driven with equipment off) on the pure engine. v1's shift 06:00–08:00 has
 * the route 31-0 + 32-0: 1,000 m due north, driven at 36 km/h with a fix every 5 s (20 steps of 50
 * m); the last {@code k} steps with the plough up make k × 5 % of the route idle.
 */
class Eqp002RuleTest {
  private static final int H = 3600;
  private static final double LAT = 55.70;
  private static final double LON = 37.62;
  private static RegulationCatalogue catalogue;
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.segment(Places.segment("31-0", LAT, LON, 0, 500, 3, 60, "D1"));
    registry.segment(
        Places.segment("32-0", LAT + 500 / Track.METRES_PER_DEGREE, LON, 0, 500, 3, 60, "D1"));
    registry.publishPlaces();
    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.T0, Track.t(2 * H), null, List.of("31-0", "32-0"), null, null));
    engine = newEngine(registry);
  }

  private static RuleEngine newEngine(RegistryState registry) {
    return new RuleEngine(
        catalogue,
        RegulationTestSupport.EXACT_CLOCK,
        Clock.fixed(Instant.parse("2026-01-15T20:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** The route with the plough down for the first 20 - idleSteps steps, then up. */
  private static List<TelemetryPoint> route(int idleSteps) {
    return Track.of("v1")
        .at(600)
        .position(LAT, LON)
        .fixes(21 - idleSteps, 5, 36, true)
        .fixes(idleSteps, 5, 36, false)
        .points();
  }

  /** A fix of another vehicle of v1's partition: moves the event clock. */
  private List<TelemetryPoint> clockAt(int seconds) {
    String other = "x0";
    for (int i = 0; engine.partitionOf(other) != engine.partitionOf("v1"); i++) {
      other = "x" + i;
    }
    return new Track(other, Track.t(seconds)).fixes(1, 5, 0, false).points();
  }

  private List<ViolationEvent> eqp002(List<TelemetryPoint> points) {
    return engine.process(points).stream().filter(e -> e.regulationId().equals("EQP-002")).toList();
  }

  @Test
  void aRefuseTruckOrFlusherIsNotJudgedItCarriesNoRouteImplement() {
    for (String type : List.of("refuse", "flusher")) {
      RegistryState r = new RegistryState();
      r.segment(Places.segment("31-0", LAT, LON, 0, 500, 3, 60, "D1"));
      r.segment(
          Places.segment("32-0", LAT + 500 / Track.METRES_PER_DEGREE, LON, 0, 500, 3, 60, "D1"));
      r.publishPlaces();
      r.vehicle(dev.dozor.events.VehicleRecord.of("v1", "A1", type, "c", "D1"));
      r.assignment(
          AssignmentRecord.of(
              "a1", "v1", Track.T0, Track.t(2 * H), null, List.of("31-0", "32-0"), null, null));
      try (RuleEngine other = newEngine(r)) {
        other.process(route(20));
        assertEquals(0, other.factCount("v1", "EQP-002"), type + ": no account is kept");
      }
    }
  }

  @Test
  void firesAtTheShiftEndWhenAQuarterOfTheRouteWasDrivenIdle() {
    assertEquals(List.of(), eqp002(route(5)));
    assertEquals(List.of(), eqp002(clockAt(2 * H - 1)), "judged only at the shift end");

    List<ViolationEvent> events = eqp002(clockAt(2 * H));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    ViolationEvent closed = events.get(1);
    assertEquals(ViolationEvent.episodeId("EQP-002", "v1/a1", Track.T0), closed.violationId());
    assertEquals(Track.T0, closed.startedAt());
    assertEquals(Track.t(2 * H), closed.endedAt());
    assertEquals(Track.t(2 * H), events.get(0).eventTime());
    assertEquals(1000.0, closed.measurements().get("drivenM"), 1e-6);
    assertEquals(250.0, closed.measurements().get("idleM"), 1e-6);
    assertEquals(25.0, closed.measurements().get("idleSharePct"), 1e-6);
    assertEquals(20.0, closed.parameters().get("maxIdleSharePct"));
    assertEquals(0, engine.factCount("v1", "EQP-002"), "the account is dropped once judged");
  }

  @Test
  void doesNotFireWhenTheRouteWasWorked() {
    List<ViolationEvent> events = new ArrayList<>(eqp002(route(0)));
    events.addAll(eqp002(clockAt(3 * H)));
    assertEquals(List.of(), events);
    assertEquals(0, engine.factCount("v1", "EQP-002"));
  }

  @Test
  void exactlyTwentyPercentIdleIsAllowed() {
    List<ViolationEvent> events = new ArrayList<>(eqp002(route(4)));
    events.addAll(eqp002(clockAt(3 * H)));
    assertEquals(List.of(), events);
  }

  @Test
  void doesNotJudgeLessThanMinDrivenOrDrivingOffTheRoute() {
    // 400 m of the route idle (below 500 m), then 1 km idle 200 m east of it
    List<TelemetryPoint> points =
        new ArrayList<>(Track.of("v1").at(600).position(LAT, LON).fixes(9, 5, 36, false).points());
    points.addAll(
        Track.of("v1").at(900).position(LAT, LON + 0.0032).fixes(21, 5, 36, false).points());
    List<ViolationEvent> events = new ArrayList<>(eqp002(points));
    events.addAll(eqp002(clockAt(3 * H)));
    assertEquals(List.of(), events);
  }

  @Test
  void oneShuffledBatchOrSmallBatchesGiveTheSameEventsAsInOrder() {
    List<TelemetryPoint> all = new ArrayList<>(route(6));
    all.addAll(clockAt(2 * H));
    List<ViolationEvent> expected = eqp002(all);
    assertEquals(List.of(OPENED, CLOSED), statuses(expected));

    List<TelemetryPoint> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(11));
    engine.close();
    engine = newEngine(registry);
    assertEquals(expected, eqp002(shuffled), "one shuffled batch");

    engine.close();
    engine = newEngine(registry);
    List<ViolationEvent> split = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 4) {
      split.addAll(eqp002(all.subList(i, Math.min(all.size(), i + 4))));
    }
    assertEquals(expected, split, "batches of four");
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }
}
