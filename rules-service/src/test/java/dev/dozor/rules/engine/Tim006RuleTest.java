package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.RuleTestSupport.shuffled;
import static dev.dozor.rules.engine.RuleTestSupport.statuses;
import static dev.dozor.rules.engine.RuleTestSupport.vehicle;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TIM-006 (late roll-out or absent): no fix outside the depot by shift start + 30 min. */
class Tim006RuleTest {
  private static final double LAT = 55.70;
  private static final double LON = 37.62;

  private RegistryState registry;
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.zone(Places.squareZone("depot-1", "depot", LAT, LON, 300));
    registry.vehicle(vehicle("v1", "plough", null, "depot-1"));
    registry.assignment(shift("a1", "v1", t(0), t(4 * 3600)));
    registry.publishPlaces();
    engine = RuleTestSupport.engine(registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** Stands in the depot from 0 s, every 60 s, then leaves: its first fix 1 km north at outS. */
  private static List<TelemetryPoint> rollsOutAt(int outS) {
    Track track = Track.of("v1");
    for (int s = 0; s < outS; s += 60) {
      track.at(s).fixes(1, 60, 0);
    }
    return track.at(outS).jump(1000).fixes(10, 10, 30).points();
  }

  @Test
  void aLateRollOutOpensAtTheDeadlineAndClosesWithItsDelay() {
    List<ViolationEvent> events = of("TIM-006", engine.process(rollsOutAt(45 * 60)));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId("TIM-006", "v1/a1", t(0)), events.get(0).violationId());
    assertEquals(t(0), events.get(0).startedAt(), "from the shift start");
    assertEquals(t(31 * 60), events.get(0).eventTime(), "the first fix past the deadline");
    assertEquals(t(45 * 60), events.get(1).endedAt(), "the first fix outside the depot");
    assertEquals(45.0, events.get(1).measurements().get("delayMin"));
  }

  @Test
  void aRollOutWithinTheGraceTimeIsNoViolation() {
    assertEquals(List.of(), of("TIM-006", engine.process(rollsOutAt(10 * 60))));
  }

  @Test
  void aRollOutExactlyAtTheDeadlineIsInTimeAndOneSecondLaterIsNot() {
    Track atDeadline = Track.of("v1").fixes(1, 60, 0).at(1800).jump(1000).fixes(3, 10, 30);
    assertEquals(List.of(), of("TIM-006", engine.process(atDeadline.points())));

    RuleEngine other = RuleTestSupport.engine(registry);
    Track late = Track.of("v1").fixes(1, 60, 0).at(1801).jump(1000).fixes(3, 10, 30);
    List<ViolationEvent> events = of("TIM-006", other.process(late.points()));
    other.close();
    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(30 + 1 / 60.0, events.get(1).measurements().get("delayMin"), 1e-9);
  }

  @Test
  void anAbsentVehicleIsCaughtByOtherVehiclesTrafficAndClosedAtTheShiftEnd() {
    String other = RuleTestSupport.samePartitionAs(engine, "v1", "other-");
    registry.vehicle(vehicle(other, "sweeper", null, null));

    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            Track.of(other).fixes(1, 10, 20).points(),
            Track.of(other).at(1799).fixes(1, 10, 20).points(),
            Track.of(other).at(1801).fixes(1, 10, 20).points(),
            Track.of(other).at(5 * 3600).fixes(1, 10, 20).points());

    List<ViolationEvent> late = of("TIM-006", events);
    assertEquals(List.of(OPENED, CLOSED), statuses(late));
    assertEquals("v1", late.get(0).vehicleId());
    assertEquals(t(1801), late.get(0).eventTime(), "when the clock passed shift start + 30 min");
    assertEquals(t(4 * 3600), late.get(1).endedAt(), "absent: closed at the shift end");
    assertEquals(1.0, late.get(1).measurements().get("absent"));
  }

  @Test
  void withoutADepotZoneAnyFixOnShiftIsTheRollOut() {
    registry.vehicle(vehicle("v1", "plough", null, null));
    Track stays = Track.of("v1").fixes(40, 60, 0); // never moves, but reports from the start
    assertEquals(List.of(), of("TIM-006", engine.process(stays.points())));
  }

  @Test
  void aVehicleWithoutAnAssignmentIsNotChecked() {
    registry.removeAssignment("a1");
    assertEquals(List.of(), of("TIM-006", engine.process(rollsOutAt(45 * 60))));
  }

  @Test
  void shuffledAndLiveDeliveryGiveTheSameEpisode() {
    List<TelemetryPoint> points = rollsOutAt(40 * 60);
    List<ViolationEvent> inOrder = of("TIM-006", engine.process(points));

    RuleEngine shuffledEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> fromShuffled = of("TIM-006", shuffledEngine.process(shuffled(points)));
    shuffledEngine.close();
    RuleEngine liveEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> live =
        of(
            "TIM-006",
            RuleTestSupport.run(liveEngine, points.stream().map(List::of).toArray(List[]::new)));
    liveEngine.close();

    assertEquals(inOrder, fromShuffled);
    assertEquals(RuleTestSupport.episodes(inOrder), RuleTestSupport.episodes(live));
  }

  @Test
  void forgetsTheShiftWhenItEnds() {
    engine.process(rollsOutAt(10 * 60));
    assertEquals(1, engine.factCount("v1", "TIM-006"), "the watch of the shift under way");

    engine.process(Track.of("v1").at(4 * 3600 + 60).fixes(1, 10, 0).points());
    assertEquals(0, engine.factCount("v1", "TIM-006"));
  }
}
