package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.RuleTestSupport.concat;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INT-003 (odometer vs GPS): per shift or local day, reported when the period is over. */
class Int003RuleTest {
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.vehicle(vehicle("v1", "plough", null, null));
    registry.assignment(shift("a1", "v1", t(0), t(3600)));
    engine = RuleTestSupport.engine(registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /**
   * 0..600 s at 36 km/h (6 km of GPS), the odometer counting factor × that; a fix after the shift.
   */
  private static List<TelemetryPoint> shiftWithOdometer(double factor, int seconds) {
    return Track.of("v1")
        .odometer(1000, factor)
        .fixes(seconds / 10 + 1, 10, 36)
        .at(3700)
        .fixes(1, 10, 0)
        .points();
  }

  @Test
  void anOdometerCountingThirtyPercentMoreIsReportedWhenTheShiftIsOver() {
    List<ViolationEvent> events = of("INT-003", engine.process(shiftWithOdometer(1.3, 600)));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    ViolationEvent closed = events.get(1);
    assertEquals(
        ViolationEvent.episodeId("INT-003", "v1/assignment:a1", t(0)), closed.violationId());
    assertEquals(t(0), closed.startedAt());
    assertEquals(t(600), closed.endedAt(), "the last fix of the shift");
    Map<String, Double> m = closed.measurements();
    assertEquals(6.0, m.get("gpsKm"), 1e-6);
    assertEquals(7.8, m.get("odometerKm"), 1e-6);
    assertEquals(1.3, m.get("ratio"), 1e-6);
    assertEquals(30.0, m.get("deviationPct"), 1e-6);
  }

  @Test
  void anOdometerAgreeingWithGpsIsNoViolation() {
    assertEquals(List.of(), of("INT-003", engine.process(shiftWithOdometer(1.0, 600))));
  }

  @Test
  void twentyPercentIsAllowedAndJustAboveIsNot() {
    // the limit is a comparison of float sums: checked 0.1 % either side, above and below GPS
    assertEquals(List.of(), fresh(1.199));
    assertEquals(List.of(), fresh(0.801));
    assertEquals(List.of(OPENED, CLOSED), statuses(fresh(1.201)));
    assertEquals(List.of(OPENED, CLOSED), statuses(fresh(0.799)));
  }

  private List<ViolationEvent> fresh(double factor) {
    try (RuleEngine other = RuleTestSupport.engine(registry)) {
      return of("INT-003", other.process(shiftWithOdometer(factor, 600)));
    }
  }

  @Test
  void aShiftWithLessThanMinGpsKmIsNotJudged() {
    // 900 m of GPS, the odometer says double
    assertEquals(List.of(), of("INT-003", engine.process(shiftWithOdometer(2.0, 90))));
  }

  @Test
  void aVehicleWithoutOdometerKeepsNoState() {
    List<ViolationEvent> events = engine.process(Track.of("v1").fixes(61, 10, 36).points());

    assertEquals(List.of(), of("INT-003", events));
    assertEquals(0, engine.factCount("v1", "INT-003"));
  }

  @Test
  void otherVehiclesTrafficPassingTheShiftEndReportsIt() {
    String other = RuleTestSupport.samePartitionAs(engine, "v1", "other-");
    List<TelemetryPoint> shift =
        Track.of("v1").odometer(1000, 1.5).fixes(61, 10, 36).points(); // no fix after the shift
    engine.process(shift);
    assertEquals(1, engine.factCount("v1", "INT-003"), "one tally while the shift runs");

    List<ViolationEvent> events =
        of("INT-003", engine.process(Track.of(other).at(3600).fixes(1, 10, 20).points()));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(0, engine.factCount("v1", "INT-003"), "the tally is dropped after the report");
  }

  @Test
  void withoutAnAssignmentTheLocalDayIsThePeriod() {
    registry.removeAssignment("a1");
    // 09:00 Moscow; the local day ends at 21:00 UTC; the next fix is at 22:00 UTC
    List<TelemetryPoint> points =
        concat(
            Track.of("v1").odometer(500, 0.5).fixes(61, 10, 36).points(),
            Track.of("v1").at(16 * 3600).fixes(1, 10, 0).points());

    List<ViolationEvent> events = of("INT-003", engine.process(points));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    long dayStart = java.time.Instant.parse("2026-01-14T21:00:00Z").toEpochMilli();
    assertEquals(
        ViolationEvent.episodeId("INT-003", "v1/day:" + dayStart, t(0)),
        events.get(0).violationId());
    assertEquals(0.5, events.get(1).measurements().get("ratio"), 1e-6);
  }

  @Test
  void shuffledAndBatchedInputGivesTheSameEvents() {
    List<TelemetryPoint> points = shiftWithOdometer(1.4, 600);
    List<ViolationEvent> expected = of("INT-003", engine.process(points));

    RuleEngine shuffledEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> fromShuffled = of("INT-003", shuffledEngine.process(shuffled(points)));
    shuffledEngine.close();
    RuleEngine batchedEngine = RuleTestSupport.engine(registry);
    List<ViolationEvent> fromBatches = new java.util.ArrayList<>();
    RuleTestSupport.batches(points, 9)
        .forEach(b -> fromBatches.addAll(of("INT-003", batchedEngine.process(b))));
    batchedEngine.close();

    assertEquals(List.of(OPENED, CLOSED), statuses(expected));
    assertEquals(expected, fromShuffled);
    assertEquals(expected, fromBatches);
  }
}
