package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
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

/** EQP-001 (equipment working outside the assigned zone) on the pure engine. */
class Eqp001RuleTest {
  private static final String ID = "EQP-001";

  /**
   * Work zone wz-1: 200 m × 200 m from -100 m to +100 m north of the start; v1 and v2 are assigned
   * to it 05:00–13:00 UTC; v3 is assigned to a zone the geography does not know.
   */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.zone(Places.squareZone("wz-1", "work-zone", north(0), 37.62, 100));
        for (String v : List.of("v1", "v2")) {
          r.assignment(
              AssignmentRecord.of(
                  "a-" + v, v, t(-3600), t(7 * 3600), "wz-1", List.of(), null, null));
        }
        r.assignment(
            AssignmentRecord.of(
                "a-v3", "v3", t(-3600), t(7 * 3600), "ghost", List.of(), null, null));
      };

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

  /** Sweeping north at 36 km/h (10 m/s), a fix every 10 s: 0 m, 100 m, 200 m … */
  private static Track sweeping(String vehicleId) {
    return Track.of(vehicleId).equipment(null, true, null, null, null, null);
  }

  @Test
  void opensAfterTwoMinutesOfWorkOutsideTheZoneAndClosesWhenWorkStops() {
    // 0 and 100 m inside; 200..1700 m outside (fixes at 20..170 s); brush off at 180 s
    Track track = sweeping("v1").fixes(18, 10, 36);
    track.equipment(null, false, null, null, null, null).fixes(1, 10, 36);

    List<ViolationEvent> events = run(track.points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    ViolationEvent opened = events.get(0);
    assertEquals(ViolationEvent.episodeId(ID, "v1/wz-1", t(20)), opened.violationId());
    assertEquals(t(20), opened.startedAt());
    assertEquals(t(140), opened.eventTime(), "120 s after the first fix outside");
    ViolationEvent closed = events.get(2);
    assertEquals(t(170), closed.endedAt());
    assertEquals(t(180), closed.eventTime());
    assertEquals(1600.0, closed.measurements().get("maxOutsideM"), 16.0, "1 % projection error");
    assertEquals(150.0, closed.measurements().get("durationS"));
  }

  @Test
  void workingInsideTheZoneOrDrivingOutsideWithImplementsOffDoesNotFire() {
    Track inside = Track.of("v1").equipment(null, true, null, null, null, null);
    inside.fixes(30, 10, 0.5); // 0.5 km/h for 5 min: stays inside
    assertEquals(List.of(), run(inside.points()));

    Track transport = Track.of("v2").equipment(false, false, false, null, null, true);
    transport.fixes(30, 10, 36); // 0..2900 m, mostly outside, nothing on
    assertEquals(List.of(), run(transport.points()));
  }

  @Test
  void exactlyTwoMinutesOpensAndOneFixLessDoesNot() {
    Track atThreshold = sweeping("v1").fixes(15, 10, 36); // outside 20..140 s = 120 s
    atThreshold.equipment(null, false, null, null, null, null).fixes(1, 10, 36);
    List<ViolationEvent> events = run(atThreshold.points());
    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(120.0, events.get(1).measurements().get("durationS"));

    Track below = sweeping("v2").fixes(14, 10, 36); // outside 20..130 s = 110 s
    below.equipment(null, false, null, null, null, null).fixes(1, 10, 36);
    assertEquals(List.of(), run(below.points()));
  }

  @Test
  void noAssignmentOrAnUnknownZoneIsNeverOutside() {
    assertEquals(List.of(), run(sweeping("v9").fixes(30, 10, 36).points()));
    assertEquals(List.of(), run(sweeping("v3").fixes(30, 10, 36).points()));
  }

  @Test
  void workAfterTheShiftEndIsNotChecked() {
    Track late = sweeping("v1").at(7 * 3600).fixes(30, 10, 36);
    assertEquals(List.of(), run(late.points()));
  }

  @Test
  void shuffledAndBatchedInputGiveTheSameEvents() {
    List<TelemetryPoint> points = new ArrayList<>(sweeping("v1").fixes(25, 10, 36).points());
    Track v2 = sweeping("v2").fixes(16, 10, 36);
    v2.equipment(null, false, null, null, null, null).fixes(2, 10, 36);
    points.addAll(v2.points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(2, events.stream().filter(e -> e.status() == OPENED).count());
  }

  @Test
  void stateIsOneEpisodePerVehicleAndNoneAfterItCloses() {
    Track track = sweeping("v1").fixes(10, 10, 36);
    engine.process(track.points());
    assertEquals(1, engine.factCount("v1", "EQP-001"));

    track.equipment(null, false, null, null, null, null).fixes(1, 10, 36);
    engine.process(track.points().subList(10, 11));
    assertEquals(0, engine.factCount("v1", "EQP-001"));
  }
}
