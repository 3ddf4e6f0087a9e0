package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.Equipment;
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

/** EQP-004 (mechanised work in a no-machinery zone) on the pure engine. */
class Eqp004RuleTest {
  private static final String ID = "EQP-004";
  private static RegulationCatalogue catalogue;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    engine = newEngineWithPlayground();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** A 110 m × 110 m playground from 95 m to 205 m north of the track's start. */
  private static RuleEngine newEngineWithPlayground() {
    RegistryState registry = new RegistryState();
    registry.zone(Places.squareZone("play-1", "no-machinery", north(150), 37.62, 55));
    registry.publishPlaces();
    return new RuleEngine(
        catalogue,
        RegulationTestSupport.EXACT_CLOCK,
        Clock.fixed(Instant.parse("2026-01-15T07:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  private static double north(double metres) {
    return 55.70 + metres / Track.METRES_PER_DEGREE;
  }

  /** Brush on, 3.6 km/h (1 m/s), a fix every 10 s: 0 m, 10 m, … northwards. */
  private static Track sweeping(String vehicleId) {
    return Track.of(vehicleId).equipment(null, true, null, null, null, null);
  }

  @Test
  void opensAtTheFirstWorkingFixInsideTheZoneAndClosesWhenTheVehicleLeaves() {
    // 0..90 m outside, 100..200 m inside (fixes at 100..200 s), 210 m outside again
    List<TelemetryPoint> points = sweeping("v1").fixes(25, 10, 3.6).points();

    List<ViolationEvent> events = only(engine.process(points));

    assertEquals(List.of(OPENED, UPDATED, UPDATED, UPDATED, CLOSED), statuses(events));
    ViolationEvent opened = events.get(0);
    assertEquals(ViolationEvent.episodeId(ID, "v1/play-1", t(100)), opened.violationId());
    assertEquals(t(100), opened.startedAt());
    assertEquals(t(100), opened.eventTime(), "instantaneous: opened by the first fix inside");
    assertEquals("HIGH", opened.severity());
    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(t(200), closed.endedAt(), "the last working fix inside the zone");
    assertEquals(t(210), closed.eventTime());
    assertEquals(100.0, closed.measurements().get("durationS"));
  }

  @Test
  void doesNotFireWhenDrivingThroughTheZoneWithEverythingOff() {
    List<TelemetryPoint> points =
        Track.of("v1").equipment(false, false, false, null, null, true).fixes(25, 10, 3.6).points();

    assertEquals(List.of(), only(engine.process(points)));
  }

  @Test
  void doesNotFireWhenWorkingOnlyOutsideTheZone() {
    List<TelemetryPoint> points = sweeping("v1").fixes(10, 10, 3.6).points(); // 0..90 m

    assertEquals(List.of(), only(engine.process(points)));
  }

  @Test
  void oneWorkingFixInsideIsEnough() {
    List<TelemetryPoint> points =
        sweeping("v1")
            .fixes(11, 10, 3.6) // 0..100 m, only the last one inside
            .equipment(null, false, null, null, null, null)
            .fixes(1, 10, 3.6)
            .points();

    List<ViolationEvent> events = only(engine.process(points));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(100), events.get(0).startedAt());
    assertEquals(t(100), events.get(1).endedAt());
    assertEquals(0.0, events.get(1).measurements().get("durationS"));
  }

  @Test
  void theBrushGoingOffAtTheZoneEdgeFiresNothing() {
    List<TelemetryPoint> points =
        sweeping("v1")
            .fixes(10, 10, 3.6) // 0..90 m, outside
            .equipment(null, false, null, null, null, null)
            .fixes(10, 10, 3.6) // 100..190 m inside, brush off
            .points();

    assertEquals(List.of(), only(engine.process(points)));
  }

  @Test
  void theSpreaderOrPloughAlsoCountsAsWork() {
    List<TelemetryPoint> points =
        Track.of("v1").fixes(15, 10, 3.6, true).points(); // plough down, 0..140 m

    List<ViolationEvent> events = only(engine.process(points));

    assertEquals(OPENED, events.get(0).status());
    assertEquals(t(100), events.get(0).startedAt());
  }

  @Test
  void shuffledAndSplitDeliveriesGiveTheSameEventsAsInOrder() {
    List<TelemetryPoint> inOrder = new ArrayList<>();
    inOrder.addAll(sweeping("v1").fixes(25, 10, 3.6).points());
    inOrder.addAll(Track.of("v2").equipment(Equipment.plough(true)).fixes(18, 10, 3.6).points());
    List<ViolationEvent> expected = engine.process(inOrder);
    List<TelemetryPoint> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(7));

    List<ViolationEvent> fromShuffled;
    try (RuleEngine fresh = newEngineWithPlayground()) {
      fromShuffled = fresh.process(shuffled);
    }
    List<ViolationEvent> fromBatches = new ArrayList<>();
    try (RuleEngine fresh = newEngineWithPlayground()) {
      List<TelemetryPoint> v1 = inOrder.subList(0, 25);
      List<TelemetryPoint> v2 = inOrder.subList(25, inOrder.size());
      fromBatches.addAll(fresh.process(v2)); // one vehicle's black box first
      for (int from = 0; from < v1.size(); from += 4) {
        fromBatches.addAll(fresh.process(v1.subList(from, Math.min(v1.size(), from + 4))));
      }
    }

    assertEquals(2, expected.stream().filter(e -> e.status() == OPENED).count());
    assertEquals(sorted(expected), sorted(fromShuffled));
    assertEquals(sorted(expected), sorted(fromBatches));
  }

  @Test
  void aVehicleHoldsOneEpisodeWhileInsideAndNothingAfterwards() {
    engine.process(sweeping("v1").fixes(15, 10, 3.6).points()); // inside from 100 m
    assertEquals(1, engine.factCount("v1", "EQP-004"));

    engine.process(sweeping("v1").at(150).position(north(500), 37.62).fixes(1, 10, 3.6).points());
    assertEquals(0, engine.factCount("v1", "EQP-004"));
  }

  static List<ViolationEvent> only(List<ViolationEvent> events) {
    return events.stream().filter(e -> e.regulationId().equals(ID)).toList();
  }

  static List<ViolationEvent> sorted(List<ViolationEvent> events) {
    List<ViolationEvent> copy = new ArrayList<>(events);
    copy.sort(
        java.util.Comparator.comparing(ViolationEvent::vehicleId)
            .thenComparing(ViolationEvent::eventTime)
            .thenComparing(e -> e.status().ordinal()));
    return copy;
  }

  private static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }
}
