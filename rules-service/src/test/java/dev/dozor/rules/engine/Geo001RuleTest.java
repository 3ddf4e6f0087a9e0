package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GEO-001 (route deviation) on the pure engine. */
class Geo001RuleTest {
  private static final String ID = "GEO-001";

  /**
   * A 3 km segment due north from the start; v1 and v2 assigned to it with the default corridor, v3
   * with a 200 m corridor, v4 to a segment the geography does not know.
   */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.segment(
            Places.segment(
                "100-0", PlaceRuleSupport.LAT0, PlaceRuleSupport.LON0, 0, 3000, 1, 60, null));
        r.assignment(assign("v1", List.of("100-0"), null));
        r.assignment(assign("v2", List.of("100-0"), null));
        r.assignment(assign("v3", List.of("100-0"), 200.0));
        r.assignment(assign("v4", List.of("ghost-0"), null));
      };

  private static AssignmentRecord assign(String v, List<String> segments, Double corridorM) {
    return AssignmentRecord.of("a-" + v, v, t(-3600), t(7 * 3600), null, segments, corridorM, null);
  }

  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    engine = engine(PLACES);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private List<ViolationEvent> run(List<TelemetryPoint> points) {
    return PlaceRuleSupport.only(ID, engine.process(points));
  }

  /**
   * On the route for 3 fixes, then east (off the route) at 36.01 km/h for {@code offFixes} fixes 10
   * s apart (just over 100 m each, so float rounding cannot hide the 200 m threshold), then back
   * onto the road line.
   */
  private static Track detour(String vehicleId, double offsetM, int offFixes) {
    Track track = Track.of(vehicleId).fixes(3, 10, 36); // 0, 100, 200 m north, on the route
    track.bearing(90).jump(offsetM).bearing(0); // now offsetM east of the road
    track.fixes(offFixes, 10, 36.01); // driving north off the route, 100.03 m per fix
    track.bearing(270).jump(offsetM).bearing(0); // back on the road line
    track.fixes(2, 10, 36);
    return track;
  }

  @Test
  void twoFixesAndTwoHundredMetresOutsideTheCorridorOpen() {
    Track track = detour("v1", 80, 4); // off at 30..60 s, 80 m from the road

    List<ViolationEvent> events = run(track.points());

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    ViolationEvent opened = events.get(0);
    assertEquals(ViolationEvent.episodeId(ID, "v1/a-v1", t(30)), opened.violationId());
    assertEquals(t(50), opened.eventTime(), "3rd fix: 200 m driven outside");
    assertEquals(t(60), events.get(1).endedAt());
    assertEquals(80.0, events.get(1).measurements().get("maxDeviationM"), 1.0);
    assertEquals(300.0, events.get(1).measurements().get("distanceM"), 3.0);
    assertEquals(50.0, opened.parameters().get("corridorM"));
  }

  @Test
  void insideTheCorridorNothingFires() {
    assertEquals(List.of(), run(detour("v1", 45, 10).points()));
  }

  @Test
  void theAssignmentsOwnCorridorWins() {
    assertEquals(List.of(), run(detour("v3", 150, 10).points()));
    List<ViolationEvent> events = run(detour("v1", 150, 10).points());
    assertEquals(OPENED, events.get(0).status());
    assertEquals(CLOSED, events.get(events.size() - 1).status());
  }

  @Test
  void exactlyTwoHundredMetresOutsideOpensAndOneHundredDoesNot() {
    // 3 fixes 100 m apart outside: 200 m driven outside at the 3rd
    List<ViolationEvent> atThreshold = run(detour("v1", 80, 3).points());
    assertEquals(List.of(OPENED, CLOSED), statuses(atThreshold));
    assertEquals(t(50), atThreshold.get(0).eventTime());

    // 2 fixes outside: only 100 m driven outside
    assertEquals(List.of(), run(detour("v2", 80, 2).points()));
  }

  @Test
  void oneFixOutsideIsNotEnoughEvenFarAway() {
    Track track = Track.of("v1").fixes(3, 10, 36);
    track.bearing(90).jump(250).bearing(0).fixes(1, 10, 36); // 250 m east, one fix
    track.bearing(270).jump(250).bearing(0).fixes(3, 10, 36);
    assertEquals(List.of(), run(track.points()));
  }

  @Test
  void withoutAKnownRouteOrOutsideTheShiftNothingFires() {
    assertEquals(List.of(), run(detour("v4", 500, 10).points()), "unknown segment");
    assertEquals(List.of(), run(detour("v9", 500, 10).points()), "no assignment");
    Track afterShift = Track.of("v2").at(7 * 3600).fixes(3, 10, 36);
    afterShift.bearing(90).jump(300).bearing(0).fixes(10, 10, 36);
    assertEquals(List.of(), run(afterShift.points()), "after the shift end");
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameEvents() {
    List<TelemetryPoint> points = new ArrayList<>(detour("v1", 80, 6).points());
    points.addAll(detour("v2", 300, 12).points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(2, events.stream().filter(e -> e.status() == CLOSED).count());
  }

  @Test
  void stateIsOneEpisodeOffRouteAndNoneBackOnIt() {
    Track track = Track.of("v1").fixes(3, 10, 36);
    track.bearing(90).jump(80).bearing(0).fixes(4, 10, 36);
    engine.process(track.points());
    assertEquals(1, engine.factCount("v1", "GEO-001"));

    track.bearing(270).jump(80).bearing(0).fixes(1, 10, 36);
    engine.process(track.points().subList(7, 8));
    assertEquals(0, engine.factCount("v1", "GEO-001"));
  }
}
