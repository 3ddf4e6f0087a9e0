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

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPD-004 (speeding in transport mode) on the pure engine. */
class Spd004RuleTest {
  private static final String SPD_004 = "SPD-004";
  private static final Equipment ALL_OFF =
      new Equipment(false, false, false, null, null, true, null);

  /** A registered plough; no road data. */
  private static RegistryState fleet() {
    RegistryState registry = new RegistryState();
    registry.vehicle(VehicleRecord.of("truck-1", "А001АА77", "plough", "ГБУ Жилищник", null));
    registry.vehicle(VehicleRecord.of("truck-2", "А002АА77", "sweeper", "ГБУ Жилищник", null));
    registry.publishPlaces();
    return registry;
  }

  /** The fleet plus a 5 km road signed 40 km/h along the track (north from the start). */
  private static RegistryState fleetOnSignedRoad(String... vehicles) {
    RegistryState registry = new RegistryState();
    for (String v : vehicles) {
      registry.vehicle(VehicleRecord.of(v, "А001АА77", "plough", "ГБУ Жилищник", null));
    }
    registry.segment(Places.segment("1001-0", 55.70, 37.62, 0, 5_000, 1, 40, null));
    registry.publishPlaces();
    return registry;
  }

  private static Track truck(String id) {
    return Track.of(id).equipment(ALL_OFF);
  }

  private static List<ViolationEvent> run(RegistryState registry, List<TelemetryPoint> points) {
    return RegulationTestSupport.run(SPD_004, registry, points);
  }

  @Test
  void opensAfterThirtySecondsAboveTheVehicleTypeLimitAndClosesWhenTheSpeedDrops() {
    List<TelemetryPoint> points =
        truck("truck-1").fixes(9, 5, 70).fixes(1, 5, 50).points(); // 0..40 s at 70, 45 s at 50

    List<ViolationEvent> events = run(fleet(), points);

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId(SPD_004, "truck-1", t(0)), events.get(0).violationId());
    assertEquals(t(30), events.get(0).eventTime());
    assertEquals(t(40), events.get(1).endedAt());
    assertEquals(t(45), events.get(1).eventTime());
    Map<String, Double> m = events.get(1).measurements();
    assertEquals(60.0, m.get("limitKmh"));
    assertEquals(10.0, m.get("maxExcessKmh"), 1e-9);
    assertEquals(70.0, m.get("maxSpeedKmh"));
    assertEquals(
        Map.of(
            "defaultLimitKmh", 60.0, "toleranceKmh", 0.0, "minDurationS", 30.0, "maxGapS", 120.0),
        events.get(0).parameters());
  }

  @Test
  void doesNotFireWhileAnImplementWorksAtAnySpeed() {
    Equipment ploughDown = new Equipment(true, false, false, null, null, true, null);
    Equipment brushOn = new Equipment(false, true, false, null, null, true, null);
    Equipment spreaderOn = new Equipment(false, false, true, 20.0, null, true, null);
    for (Equipment working : List.of(ploughDown, brushOn, spreaderOn)) {
      assertEquals(
          List.of(),
          run(fleet(), Track.of("truck-1").equipment(working).fixes(30, 5, 80).points()),
          working.toString());
    }
  }

  @Test
  void doesNotFireAtExactlyTheLimitNorForAShortBurst() {
    assertEquals(List.of(), run(fleet(), truck("truck-1").fixes(60, 5, 60.0).points()));
    assertEquals(
        List.of(),
        run(fleet(), truck("truck-1").fixes(6, 5, 75).fixes(1, 5, 55).points()),
        "0..25 s fast");
  }

  @Test
  void opensJustAboveTheLimitAtExactlyThirtySeconds() {
    List<ViolationEvent> exactly =
        run(fleet(), truck("truck-1").fixes(7, 5, 60.1).fixes(1, 5, 40).points()); // 0..30 s
    List<ViolationEvent> shorter =
        run(
            fleet(),
            truck("truck-1").fixes(6, 5, 60.1).at(29).fixes(1, 5, 60.1).fixes(1, 5, 40).points());

    assertEquals(List.of(OPENED, CLOSED), statuses(exactly));
    assertEquals(30.0, exactly.get(0).measurements().get("durationS"));
    assertEquals(List.of(), shorter, "29 s above the limit");
  }

  @Test
  void theRoadsSignedLimitReplacesTheVehicleTypeLimit() {
    RegistryState registry = fleetOnSignedRoad("truck-1");

    List<ViolationEvent> onRoad = run(registry, truck("truck-1").fixes(10, 5, 50).points());
    List<ViolationEvent> offRoad =
        run(registry, truck("truck-1").position(55.70, 37.70).fixes(10, 5, 50).points());

    assertEquals(List.of(OPENED), statuses(onRoad), "50 km/h on a road signed 40");
    assertEquals(40.0, onRoad.get(0).measurements().get("limitKmh"));
    assertEquals(List.of(), offRoad, "50 km/h off the road: the type limit 60 applies");
  }

  @Test
  void aVehicleUnknownToTheRegistryIsCheckedOnlyOnSignedRoads() {
    RegistryState registry = fleetOnSignedRoad();

    assertEquals(
        List.of(OPENED),
        statuses(run(registry, truck("stranger").fixes(10, 5, 50).points())),
        "signed road");
    assertEquals(
        List.of(),
        run(registry, truck("stranger").position(55.70, 37.70).fixes(10, 5, 90).points()),
        "no road, no type: no limit known");
  }

  @Test
  void shuffledOrBatchedInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points = new ArrayList<>();
    points.addAll(truck("truck-1").fixes(20, 5, 75).fixes(3, 5, 40).fixes(12, 5, 80).points());
    points.addAll(truck("truck-2").fixes(8, 5, 90).fixes(1, 5, 30).points());
    RegistryState registry = fleet();
    List<ViolationEvent> inOrder = RegulationTestSupport.run(SPD_004, registry, points);
    assertEquals(
        List.of(OPENED, UPDATED, UPDATED, CLOSED, OPENED),
        statuses(inOrder.stream().filter(e -> e.vehicleId().equals("truck-1")).toList()));
    assertEquals(
        List.of(OPENED, CLOSED),
        statuses(inOrder.stream().filter(e -> e.vehicleId().equals("truck-2")).toList()));

    assertEquals(inOrder, runShuffled(SPD_004, registry, points, 11));
    assertEquals(inOrder, runInBatches(SPD_004, registry, points, 6));
  }

  @Test
  void holdsAtMostTheOneEpisode() {
    try (RuleEngine engine = RegulationTestSupport.engine(fleet())) {
      Track track = truck("truck-1");
      assertEquals(
          OPENED, of(SPD_004, engine.process(track.fixes(100, 5, 80).points())).get(0).status());
      assertEquals(1, engine.factCount("truck-1", "SPD-004"));

      List<TelemetryPoint> all = track.fixes(1, 5, 30).points();
      engine.process(all.subList(100, 101));
      assertEquals(0, engine.factCount("truck-1", "SPD-004"));
    }
  }
}
