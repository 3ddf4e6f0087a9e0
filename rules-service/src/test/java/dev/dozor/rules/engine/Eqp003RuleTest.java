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
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EQP-003 (spreading while standing) on the pure engine. */
class Eqp003RuleTest {
  private static final String EQP_003 = "EQP-003";
  private static final Equipment SPREADING =
      new Equipment(null, null, true, 20.0, null, true, null);
  private static final Equipment OFF = new Equipment(null, null, false, null, null, true, null);

  private static Track spreader(String id) {
    return Track.of(id).equipment(SPREADING);
  }

  private static List<ViolationEvent> run(List<TelemetryPoint> points) {
    return RegulationTestSupport.run(EQP_003, new RegistryState(), points);
  }

  @Test
  void opensAfterSixtySecondsStandingWithTheSpreaderOnAndClosesWhenTheVehicleMovesOff() {
    List<TelemetryPoint> points = spreader("s1").fixes(19, 5, 0).fixes(1, 5, 20).points();

    List<ViolationEvent> events = run(points);

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId(EQP_003, "s1", t(0)), events.get(0).violationId());
    assertEquals(t(60), events.get(0).eventTime());
    assertEquals(t(90), events.get(2).endedAt());
    assertEquals(t(95), events.get(2).eventTime());
    assertEquals(90.0, events.get(2).measurements().get("durationS"));
    assertEquals(
        Map.of("standingSpeedKmh", 3.0, "minDurationS", 60.0, "maxGapS", 120.0),
        events.get(0).parameters());
  }

  @Test
  void closesWhenTheSpreaderStops() {
    List<ViolationEvent> events =
        run(spreader("s1").fixes(15, 5, 0).equipment(OFF).fixes(1, 5, 0).points());

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(70), events.get(1).endedAt());
  }

  @Test
  void doesNotFireWhenSpreadingOnTheMoveOrStandingWithTheSpreaderOff() {
    assertEquals(List.of(), run(spreader("s1").fixes(60, 5, 10).points()));
    assertEquals(List.of(), run(Track.of("s1").equipment(OFF).fixes(60, 5, 0).points()));
    assertEquals(List.of(), run(Track.of("s1").fixes(60, 5, 0).points()), "no channel");
  }

  @Test
  void doesNotFireAtExactlyTheStandingSpeedNorForFiftyFiveSeconds() {
    assertEquals(List.of(), run(spreader("s1").fixes(60, 5, 3.0).points()));
    assertEquals(List.of(), run(spreader("s1").fixes(12, 5, 0).fixes(1, 5, 10).points()));
  }

  @Test
  void opensJustBelowTheStandingSpeedAtExactlySixtySeconds() {
    List<ViolationEvent> events = run(spreader("s1").fixes(13, 5, 2.9).points()); // 0..60 s

    assertEquals(List.of(OPENED), statuses(events));
    assertEquals(t(60), events.get(0).eventTime());
    assertEquals(
        List.of(),
        run(spreader("s1").fixes(12, 5, 2.9).at(59).fixes(1, 5, 2.9).fixes(1, 5, 5).points()),
        "59 s");
  }

  @Test
  void aGapLongerThanMaxGapSplitsTheStop() {
    List<TelemetryPoint> points =
        spreader("s1").fixes(10, 5, 0).at(200).fixes(10, 5, 0).fixes(1, 5, 10).points();

    assertEquals(List.of(), run(points), "45 s, a 155 s gap, 45 s");
  }

  @Test
  void shuffledOrBatchedInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points = new ArrayList<>();
    points.addAll(spreader("s1").fixes(30, 5, 1).fixes(2, 5, 30).fixes(20, 5, 0).points());
    points.addAll(spreader("s2").fixes(20, 5, 2).equipment(OFF).fixes(3, 5, 0).points());
    RegistryState registry = new RegistryState();
    List<ViolationEvent> inOrder = RegulationTestSupport.run(EQP_003, registry, points);
    assertEquals(
        List.of(OPENED, UPDATED, UPDATED, CLOSED, OPENED, UPDATED),
        statuses(inOrder.stream().filter(e -> e.vehicleId().equals("s1")).toList()));

    assertEquals(inOrder, runShuffled(EQP_003, registry, points, 5));
    assertEquals(inOrder, runInBatches(EQP_003, registry, points, 9));
  }

  @Test
  void holdsAtMostTheOneEpisode() {
    try (RuleEngine engine = RegulationTestSupport.engine()) {
      // no rate and no ignition: SPD-003 and TIM-007 keep no state, so the count is EQP-003's
      Track track =
          Track.of("s1").equipment(new Equipment(null, null, true, null, null, null, null));
      assertEquals(
          OPENED, of(EQP_003, engine.process(track.fixes(100, 5, 0).points())).get(0).status());
      assertEquals(1, engine.factCount("s1", "EQP-003"));

      List<TelemetryPoint> all = track.fixes(1, 5, 30).points();
      engine.process(all.subList(100, 101));
      assertEquals(0, engine.factCount("s1", "EQP-003"));
    }
  }
}
