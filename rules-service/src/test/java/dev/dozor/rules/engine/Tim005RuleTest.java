package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.PlaceRuleSupport.LON0;
import static dev.dozor.rules.engine.PlaceRuleSupport.assertOrderIndependent;
import static dev.dozor.rules.engine.PlaceRuleSupport.engine;
import static dev.dozor.rules.engine.PlaceRuleSupport.north;
import static dev.dozor.rules.engine.PlaceRuleSupport.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TIM-005 (yard work at night / yard not done by 09:00) on the pure engine; Moscow local time. */
class Tim005RuleTest {
  private static final String ID = "TIM-005";

  /** 00:00 Moscow time. */
  private static final Instant MIDNIGHT = Instant.parse("2026-01-15T21:00:00Z");

  /** The deadline: 09:00 Moscow time on 2026-01-15. */
  private static final Instant NINE = Instant.parse("2026-01-15T06:00:00Z");

  /**
   * Yard yard-1 from -50 m to 50 m around the start. s2 and s3 are assigned to it for the shift
   * 05:00–13:00 Moscow; s4 for 10:00–18:00 (its next 09:00 is after the shift: no deadline).
   */
  private static final Consumer<RegistryState> PLACES =
      r -> {
        r.zone(Places.squareZone("yard-1", "yard", north(0), LON0, 50));
        r.assignment(yardShift("s2", "02:00", "10:00"));
        r.assignment(yardShift("s3", "02:00", "10:00"));
        r.assignment(yardShift("s4", "07:00", "15:00"));
      };

  private static AssignmentRecord yardShift(String v, String fromUtc, String toUtc) {
    return AssignmentRecord.of(
        "a-" + v,
        v,
        Instant.parse("2026-01-15T" + fromUtc + ":00Z"),
        Instant.parse("2026-01-15T" + toUtc + ":00Z"),
        "yard-1",
        List.of(),
        null,
        null);
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

  private static Instant at(Instant base, int seconds) {
    return base.plusSeconds(seconds);
  }

  /** Brush on inside the yard, slowly north from -40 m: count fixes 10 s apart, then brush off. */
  private static Track sweepYard(String vehicleId, Instant start, int count) {
    Track track = new Track(vehicleId, start).position(north(-40), LON0);
    track.equipment(null, true, null, null, null, null).fixes(count, 10, 1.8);
    track.equipment(null, false, null, null, null, null).fixes(1, 10, 1.8);
    return track;
  }

  /** Brush off, standing 500 m north of the yard from start for minutes (a fix a minute). */
  private static Track waitOutside(Track track, int minutes) {
    return track
        .position(north(500), LON0)
        .equipment(null, false, null, null, null, null)
        .fixes(minutes, 60, 0);
  }

  // ---- (a) night work ----

  @Test
  void sweepingAYardAtMidnightOpensAtOnceAndClosesWhenTheBrushGoesOff() {
    List<ViolationEvent> events = run(sweepYard("s1", MIDNIGHT, 5).points());

    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(events));
    assertEquals(ViolationEvent.episodeId(ID, "s1/yard-1", MIDNIGHT), events.get(0).violationId());
    assertEquals(MIDNIGHT, events.get(0).eventTime(), "instantaneous");
    assertEquals(1.0, events.get(0).measurements().get("nightWork"));
    assertEquals(at(MIDNIGHT, 40), events.get(2).endedAt());
  }

  @Test
  void sweepingTheYardInTheDayOrOutsideItAtNightIsAllowed() {
    assertEquals(List.of(), run(sweepYard("s1", NINE, 30).points()), "09:00 in the yard");
    Track outside = new Track("s5", MIDNIGHT).position(north(200), LON0);
    outside.equipment(null, true, null, null, null, null).fixes(30, 10, 1.8);
    assertEquals(List.of(), run(outside.points()), "midnight outside the yard");
  }

  @Test
  void theNightIsFrom23To7LocalHalfOpen() {
    Instant sevenAm = Instant.parse("2026-01-15T04:00:00Z");
    assertEquals(
        List.of(OPENED, CLOSED), statuses(run(sweepYard("s1", at(sevenAm, -10), 1).points())));
    assertEquals(List.of(), run(sweepYard("s5", sevenAm, 1).points()), "07:00:00 is day");

    Instant elevenPm = Instant.parse("2026-01-15T20:00:00Z");
    assertEquals(List.of(), run(sweepYard("s6", at(elevenPm, -10), 1).points()), "22:59:50");
    assertEquals(List.of(OPENED, CLOSED), statuses(run(sweepYard("s7", elevenPm, 1).points())));
  }

  @Test
  void nightWorkIsTheSameShuffledOrBatched() {
    List<TelemetryPoint> points = new ArrayList<>(sweepYard("s1", MIDNIGHT, 12).points());
    points.addAll(sweepYard("s5", at(MIDNIGHT, 30), 3).points());

    List<ViolationEvent> events = assertOrderIndependent(ID, PLACES, points);

    assertEquals(2, events.stream().filter(e -> e.status() == CLOSED).count());
  }

  // ---- (b) the 09:00 deadline ----

  @Test
  void aYardNotWorkedByNineOpensAtNineAndClosesWhenWorkBegins() {
    Track s2 = new Track("s2", at(NINE, -30 * 60));
    waitOutside(s2, 50); // 08:30..09:19 Moscow outside the yard
    s2.position(north(-40), LON0).equipment(null, true, null, null, null, null).fixes(3, 60, 1);

    List<ViolationEvent> events = run(s2.points());

    assertEquals(OPENED, events.get(0).status());
    assertEquals(NINE, events.get(0).startedAt());
    assertEquals(
        ViolationEvent.episodeId(ID, "s2/a-s2", NINE), events.get(0).violationId(), "per shift");
    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    assertEquals(at(NINE, 20 * 60), closed.endedAt(), "work began at 09:20");
    assertEquals(20.0, closed.measurements().get("delayMin"));
    assertEquals(9.0, closed.parameters().get("deadlineH"));
  }

  @Test
  void workBeforeNineMeetsTheDeadline() {
    Track s2 = new Track("s2", at(NINE, -30 * 60)).position(north(-40), LON0);
    s2.equipment(null, true, null, null, null, null).fixes(5, 60, 1); // 08:30..08:34 in the yard
    waitOutside(s2, 120);

    assertEquals(List.of(), run(s2.points()));
  }

  @Test
  void workAtExactlyNineIsInTimeAndAMinuteLaterIsNot() {
    Track s2 = new Track("s2", at(NINE, -60));
    waitOutside(s2, 1);
    s2.position(north(-40), LON0).equipment(null, true, null, null, null, null).fixes(1, 60, 1);
    waitOutside(s2, 30);
    assertEquals(List.of(), run(s2.points()));

    Track s3 = new Track("s3", at(NINE, -60));
    waitOutside(s3, 2); // 08:59, 09:00
    s3.position(north(-40), LON0).equipment(null, true, null, null, null, null).fixes(1, 60, 1);
    waitOutside(s3, 30);
    List<ViolationEvent> late = run(s3.points());
    assertEquals(List.of(OPENED, CLOSED), statuses(late));
    assertEquals(1.0, late.get(1).measurements().get("delayMin"));
  }

  @Test
  void neverWorkedInTheShiftClosesAtTheShiftEnd() {
    Track s2 = new Track("s2", at(NINE, -60));
    waitOutside(s2, 5 * 60); // until 13:59 Moscow, the shift ends at 13:00

    List<ViolationEvent> events = run(s2.points());

    assertEquals(OPENED, events.get(0).status());
    ViolationEvent closed = events.get(events.size() - 1);
    assertEquals(CLOSED, closed.status());
    assertEquals(Instant.parse("2026-01-15T10:00:00Z"), closed.endedAt());
    assertEquals(240.0, closed.measurements().get("delayMin"));
    assertEquals(
        0, engine.factCount("s2", "TIM-005"), "deadline and episode forgotten after the shift");
  }

  @Test
  void aShiftStartingAfterNineHasNoDeadline() {
    Track s4 = new Track("s4", Instant.parse("2026-01-15T07:00:00Z"));
    waitOutside(s4, 8 * 60);
    assertEquals(List.of(), run(s4.points()));
  }

  @Test
  void aSilentVehicleIsReportedWhenOtherVehiclesMoveTheEventTimePastTheGrace() {
    String neighbour = samePartitionAs("s2");
    run(waitOutside(new Track("s2", at(NINE, -600)), 1).points()); // 08:50: deadline planned
    assertEquals(List.of(), run(waitOutside(new Track(neighbour, at(NINE, 300)), 1).points()));

    List<ViolationEvent> events = run(waitOutside(new Track(neighbour, at(NINE, 360)), 1).points());

    assertEquals(List.of(OPENED), statuses(events), "09:06 passed 09:00 + 300 s of grace");
    assertEquals("s2", events.get(0).vehicleId());
    assertEquals(NINE, events.get(0).startedAt());
  }

  @Test
  void aBlackBoxUploadAfterTheGraceIsJudgedWithItsOwnFixes() {
    String neighbour = samePartitionAs("s2");
    run(waitOutside(new Track(neighbour, at(NINE, 600)), 1).points()); // event time 09:10
    Track s2 = new Track("s2", at(NINE, -30 * 60)).position(north(-40), LON0);
    s2.equipment(null, true, null, null, null, null).fixes(3, 60, 1); // 08:30..08:32 in the yard
    waitOutside(s2, 5);
    assertEquals(List.of(), run(s2.points()), "the upload itself");

    assertEquals(List.of(), run(waitOutside(new Track(neighbour, at(NINE, 900)), 1).points()));
  }

  @Test
  void theDeadlineIsTheSameDeliveredInBatches() {
    Track s2 = new Track("s2", at(NINE, -30 * 60));
    waitOutside(s2, 50);
    s2.position(north(-40), LON0).equipment(null, true, null, null, null, null).fixes(3, 60, 1);
    List<TelemetryPoint> points = s2.points();
    List<ViolationEvent> expected = run(points);

    List<ViolationEvent> batched = new ArrayList<>();
    try (RuleEngine fresh = engine(PLACES)) {
      for (int from = 0; from < points.size(); from += 7) {
        batched.addAll(
            PlaceRuleSupport.only(
                ID, fresh.process(points.subList(from, Math.min(points.size(), from + 7)))));
      }
    }

    assertEquals(expected.get(0).violationId(), batched.get(0).violationId());
    assertEquals(CLOSED, batched.get(batched.size() - 1).status());
    assertEquals(
        expected.get(expected.size() - 1).measurements().get("delayMin"),
        batched.get(batched.size() - 1).measurements().get("delayMin"));
  }

  @Test
  void stateIsOneDeadlineDuringTheShift() {
    Track s2 = new Track("s2", at(NINE, -30 * 60)).position(north(-40), LON0);
    s2.equipment(null, true, null, null, null, null).fixes(2, 60, 1);
    engine.process(s2.points());
    assertEquals(1, engine.factCount("s2", "TIM-005"), "the yard deadline");
  }

  private String samePartitionAs(String vehicleId) {
    for (int i = 0; ; i++) {
      String candidate = "clock-" + i;
      if (engine.partitionOf(candidate) == engine.partitionOf(vehicleId)) {
        assertTrue(i < 1000);
        return candidate;
      }
    }
  }
}
