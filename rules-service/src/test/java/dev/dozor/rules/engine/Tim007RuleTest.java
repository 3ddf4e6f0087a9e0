package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.RegulationTestSupport.of;
import static dev.dozor.rules.engine.RegulationTestSupport.runInBatches;
import static dev.dozor.rules.engine.RegulationTestSupport.runShuffled;
import static dev.dozor.rules.engine.RegulationTestSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TIM-007 (excessive idling) on the pure engine. Vehicle p1 has its depot depot-1 at the track's
 * start; another depot, depot-2, lies 5 km north; the idling happens 3 km north, outside both.
 */
class Tim007RuleTest {
  private static final String TIM_007 = "TIM-007";
  private static final Equipment IGNITION_ON =
      new Equipment(null, null, null, null, null, true, null);
  private static final Equipment IGNITION_OFF =
      new Equipment(null, null, null, null, null, false, null);
  private static final double DEPOT_2_LAT = 55.745;
  private static final double IDLE_LAT = 55.727;

  private static RegistryState registry(AssignmentRecord... assignments) {
    RegistryState registry = new RegistryState();
    registry.vehicle(
        new VehicleRecord(
            SchemaVersions.VEHICLE,
            "p1",
            "А001АА77",
            "plough",
            "ГБУ",
            null,
            null,
            null,
            "depot-1"));
    registry.vehicle(VehicleRecord.of("p2", "А002АА77", "plough", "ГБУ", null)); // no depot
    registry.zone(Places.squareZone("depot-1", "depot", 55.70, 37.62, 300));
    registry.zone(Places.squareZone("depot-2", "depot", DEPOT_2_LAT, 37.62, 300));
    for (AssignmentRecord a : assignments) {
      registry.assignment(a);
    }
    registry.publishPlaces();
    return registry;
  }

  /** A vehicle standing 3 km from its depot with the ignition on, a fix every 30 s. */
  private static Track idle(String id) {
    return Track.of(id).position(IDLE_LAT, 37.62).equipment(IGNITION_ON);
  }

  private static List<ViolationEvent> run(RegistryState registry, List<TelemetryPoint> points) {
    return RegulationTestSupport.run(TIM_007, registry, points);
  }

  @Test
  void opensOnceIdlingLastsLongerThanFifteenMinutesAndClosesWhenTheVehicleMoves() {
    List<TelemetryPoint> points = idle("p1").fixes(41, 30, 0).fixes(1, 30, 20).points();

    List<ViolationEvent> events = run(registry(), points);

    assertEquals(OPENED, events.get(0).status());
    assertEquals(ViolationEvent.episodeId(TIM_007, "p1", t(0)), events.get(0).violationId());
    assertEquals(t(930), events.get(0).eventTime(), "the first fix past 900 s");
    assertEquals(930.0, events.get(0).measurements().get("idleTotalS"));
    assertEquals(9, statuses(events).stream().filter(s -> s == UPDATED).count());
    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    assertEquals(t(1200), closed.endedAt());
    assertEquals(t(1230), closed.eventTime());
    assertEquals(1200.0, closed.measurements().get("durationS"));
    assertEquals(
        Map.of("idleSpeedKmh", 1.0, "maxIdleS", 900.0, "maxGapS", 120.0),
        events.get(0).parameters());
  }

  @Test
  void doesNotFireAtExactlyFifteenMinutesButOneSecondMore() {
    List<TelemetryPoint> exactly = idle("p1").fixes(31, 30, 0).fixes(1, 30, 20).points();
    List<TelemetryPoint> longer =
        idle("p1").fixes(31, 30, 0).at(901).fixes(1, 30, 0).fixes(1, 30, 20).points();

    assertEquals(List.of(), run(registry(), exactly), "0..900 s");
    List<ViolationEvent> events = run(registry(), longer);
    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(901), events.get(0).eventTime());
  }

  @Test
  void doesNotFireWithTheIgnitionOffOrUnreportedOrWhenCreeping() {
    assertEquals(
        List.of(), run(registry(), idle("p1").equipment(IGNITION_OFF).fixes(80, 30, 0).points()));
    assertEquals(
        List.of(),
        run(registry(), idle("p1").equipment(Equipment.NONE).fixes(80, 30, 0).points()),
        "ignition not reported");
    assertEquals(
        List.of(), run(registry(), idle("p1").fixes(80, 30, 1.0).points()), "exactly 1 km/h");
  }

  @Test
  void doesNotFireInTheVehiclesOwnDepotButDoesInAnotherOne() {
    List<TelemetryPoint> inOwnDepot =
        Track.of("p1").equipment(IGNITION_ON).fixes(80, 30, 0).points();
    List<TelemetryPoint> inDepot2 =
        Track.of("p1")
            .position(DEPOT_2_LAT, 37.62)
            .equipment(IGNITION_ON)
            .fixes(80, 30, 0)
            .points();

    assertEquals(List.of(), run(registry(), inOwnDepot));
    assertEquals(OPENED, run(registry(), inDepot2).get(0).status(), "not its depot");
  }

  @Test
  void aVehicleWithoutADepotMayIdleInAnyDepot() {
    List<TelemetryPoint> inDepot2 =
        Track.of("p2")
            .position(DEPOT_2_LAT, 37.62)
            .equipment(IGNITION_ON)
            .fixes(80, 30, 0)
            .points();

    assertEquals(List.of(), run(registry(), inDepot2));
    assertEquals(
        OPENED, run(registry(), idle("p2").fixes(80, 30, 0).points()).get(0).status(), "outside");
  }

  @Test
  void reportsTheIdleTimeOfTheWholeDaySoFar() {
    List<TelemetryPoint> points =
        idle("p1")
            .fixes(21, 30, 0) // 0..600 s idle: 600 s, too short for an episode
            .fixes(10, 30, 20) // 630..900 s driving
            .fixes(32, 30, 0) // 930..1860 s idle: opens at 1860 (930 s)
            .points();

    List<ViolationEvent> events = run(registry(), points);

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(t(930), events.get(0).startedAt());
    assertEquals(600.0 + 930.0, events.get(0).measurements().get("idleTotalS"));
  }

  @Test
  void reportsTheIdleTimeOfTheShiftWhenTheVehicleHasOne() {
    AssignmentRecord shift =
        AssignmentRecord.of("a1", "p1", t(700), t(7200), null, List.of(), null, null);
    List<TelemetryPoint> points =
        idle("p1").fixes(21, 30, 0).fixes(10, 30, 20).fixes(32, 30, 0).points();

    List<ViolationEvent> events = run(registry(shift), points);

    assertEquals(930.0, events.get(0).measurements().get("idleTotalS"), "before the shift: not");
  }

  @Test
  void aGapLongerThanMaxGapEndsTheStretchAndIsNotCounted() {
    List<TelemetryPoint> points =
        idle("p1").fixes(21, 30, 0).at(800).fixes(32, 30, 0).points(); // 0..600, 800..1730

    List<ViolationEvent> events = run(registry(), points);

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(t(800), events.get(0).startedAt());
    assertEquals(t(1730), events.get(0).eventTime());
    assertEquals(600.0 + 930.0, events.get(0).measurements().get("idleTotalS"));
  }

  @Test
  void shuffledOrBatchedInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points = new ArrayList<>();
    points.addAll(idle("p1").fixes(40, 30, 0).fixes(2, 30, 25).fixes(40, 30, 0.5).points());
    points.addAll(idle("p2").fixes(35, 30, 0).equipment(IGNITION_OFF).fixes(2, 30, 0).points());
    RegistryState registry = registry();
    List<ViolationEvent> inOrder = RegulationTestSupport.run(TIM_007, registry, points);
    assertEquals(
        3,
        inOrder.stream().filter(e -> e.status() == OPENED).count(),
        "p1 twice (the second with the first's idle time), p2 once");

    assertEquals(inOrder, runShuffled(TIM_007, registry, points, 13));
    assertEquals(inOrder, runInBatches(TIM_007, registry, points, 17));
  }

  @Test
  void holdsTheIdleTotalAndAtMostOneEpisode() {
    try (RuleEngine engine = RegulationTestSupport.engine(registry())) {
      Track track = idle("p1");
      assertEquals(
          OPENED, of(TIM_007, engine.process(track.fixes(100, 30, 0).points())).get(0).status());
      assertEquals(2, engine.factCount("p1", "TIM-007"), "the idle total and the open episode");

      List<TelemetryPoint> all = track.fixes(1, 30, 30).points();
      engine.process(all.subList(100, 101));
      assertEquals(1, engine.factCount("p1", "TIM-007"), "the idle total only (constant size)");
    }
  }
}
