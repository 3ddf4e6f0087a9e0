package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.RuleTestSupport.batches;
import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.run;
import static dev.dozor.rules.engine.RuleTestSupport.shuffled;
import static dev.dozor.rules.engine.RuleTestSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INT-002 (GPS jump): the engine's jump flag, its effect on other rules, and the report. */
class Int002RuleTest {
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    engine = RuleTestSupport.engine(new RegistryState());
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** Fast ploughing 0..90 s with one fix at 45 s thrown 5 km away with the plough "up". */
  private static List<TelemetryPoint> ploughingWithOutlier() {
    return Track.of("v1")
        .fixes(10, 5, 60, true) // 0..45 s
        .jump(5000)
        .fixes(1, 5, 0, false) // 50 s: the outlier
        .jump(-5000)
        .fixes(9, 5, 60, true) // 55..95 s
        .fixes(1, 5, 0, true) // 100 s: stops
        .points();
  }

  @Test
  void anOutlierIsReportedAndExcludedFromTheOtherRegulations() {
    List<ViolationEvent> events = engine.process(ploughingWithOutlier());

    List<ViolationEvent> jumps = of("INT-002", events);
    assertEquals(List.of(OPENED, CLOSED), statuses(jumps));
    assertEquals(t(50), jumps.get(0).startedAt());
    assertEquals(t(50), jumps.get(1).endedAt(), "ended at the last jump fix");
    assertEquals(t(55), jumps.get(1).eventTime(), "closed by the next valid fix");
    assertEquals(1.0, jumps.get(1).measurements().get("jumpFixes"));
    assertTrue(jumps.get(1).measurements().get("maxImpliedSpeedKmh") > 150);
    // the outlier's "plough up, 0 km/h" would have ended SPD-001 at 50 s, before its 60 s
    List<ViolationEvent> speeding = of("SPD-001", events);
    assertEquals(
        List.of(OPENED, dev.dozor.events.ViolationStatus.UPDATED, CLOSED), statuses(speeding));
    assertEquals(t(0), speeding.get(0).startedAt());
    assertEquals(t(95), speeding.get(2).endedAt());
  }

  @Test
  void doesNotFireOnSteadyDriving() {
    assertEquals(
        List.of(), of("INT-002", engine.process(Track.of("v1").fixes(60, 5, 120).points())));
  }

  @Test
  void anImpliedSpeedAtTheLimitIsNoJumpAndJustAboveIs() {
    // 12 s apart: 150 km/h = 500 m. Exactly 500 m comes out of the haversine 1e-11 km/h above
    // the limit, so "at the limit" is 0.01 km/h below it; the test is strictly "above".
    List<TelemetryPoint> at = Track.of("v1").fixes(1, 12, 149.99).fixes(1, 12, 0).points();
    assertEquals(List.of(), of("INT-002", engine.process(at)));

    List<TelemetryPoint> above = Track.of("v2").fixes(1, 12, 150.1).fixes(1, 12, 0).points();
    assertEquals(List.of(OPENED), statuses(of("INT-002", engine.process(above))));
  }

  @Test
  void aHopAtMinJumpMIsNoJumpWhateverTheSpeed() {
    // 1 s apart: 720 km/h = 200 m (199.99 m: the haversine of exactly 200 m is 1e-9 m longer)
    List<TelemetryPoint> at = Track.of("v1").fixes(1, 1, 719.964).fixes(1, 1, 0).points();
    assertEquals(List.of(), of("INT-002", engine.process(at)));

    List<TelemetryPoint> above = Track.of("v2").fixes(1, 1, 723.6).fixes(1, 1, 0).points();
    assertEquals(List.of(OPENED), statuses(of("INT-002", engine.process(above))));
  }

  @Test
  void aRunOfAgreeingJumpsIsAcceptedAtAcceptAfterFixes() {
    // carried 10 km on a trailer: the first two fixes there are jumps, the third is accepted
    List<TelemetryPoint> points =
        Track.of("v1")
            .fixes(5, 5, 30, true) // 0..20 s
            .jump(10_000)
            .fixes(6, 5, 30, true) // 25..50 s at the new place
            .points();

    List<ViolationEvent> jumps = of("INT-002", engine.process(points));

    assertEquals(List.of(OPENED, CLOSED), statuses(jumps));
    assertEquals(t(25), jumps.get(0).startedAt());
    assertEquals(t(30), jumps.get(1).endedAt(), "two jump fixes, the third (35 s) is valid");
    assertEquals(t(35), jumps.get(1).eventTime());
    assertEquals(2.0, jumps.get(1).measurements().get("jumpFixes"));
    assertEquals(0, engine.factCount("v1", "INT-002"), "nothing kept after the run");
  }

  @Test
  void anAcceptedRunIsNotExcludedFromSpd001() {
    // after the accepted jump the vehicle ploughs fast at the new place: SPD-001 sees it from 35 s
    List<TelemetryPoint> points =
        Track.of("v1").fixes(5, 5, 30, true).jump(10_000).fixes(20, 5, 60, true).points();

    List<ViolationEvent> speeding = of("SPD-001", engine.process(points));

    assertEquals(t(35), speeding.get(0).startedAt(), "the two jump fixes (25, 30 s) are excluded");
  }

  @Test
  void shuffledAndBatchedInputGivesTheSameEvents() {
    List<TelemetryPoint> points = ploughingWithOutlier();
    List<ViolationEvent> expected = engine.process(points);

    RuleEngine shuffledEngine = RuleTestSupport.engine(new RegistryState());
    List<ViolationEvent> fromShuffled = shuffledEngine.process(shuffled(points));
    shuffledEngine.close();
    RuleEngine batchedEngine = RuleTestSupport.engine(new RegistryState());
    List<ViolationEvent> fromBatches = new ArrayList<>();
    batches(points, 4).forEach(b -> fromBatches.addAll(batchedEngine.process(b)));
    batchedEngine.close();

    assertEquals(expected, fromShuffled);
    assertEquals(expected, fromBatches);
  }

  @Test
  void holdsAtMostOneEpisodePerVehicleAndNoneAfterTheRun() {
    List<TelemetryPoint> points = ploughingWithOutlier();
    run(engine, points.subList(0, 11)); // up to the outlier
    assertEquals(1, engine.factCount("v1", "INT-002"));

    run(engine, points.subList(11, points.size()));
    assertEquals(0, engine.factCount("v1", "INT-002"));
  }
}
