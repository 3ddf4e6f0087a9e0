package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.events.ViolationStatus.UPDATED;
import static dev.dozor.rules.engine.RuleTestSupport.episodes;
import static dev.dozor.rules.engine.RuleTestSupport.shift;
import static dev.dozor.rules.engine.RuleTestSupport.shuffled;
import static dev.dozor.rules.engine.RuleTestSupport.statuses;
import static dev.dozor.rules.engine.RuleTestSupport.vehicle;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.int001.Int001Watch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INT-001 (telemetry gap): opened live when the event clock, moved by other vehicles' traffic,
 * passes the last fix + maxSilenceS; closed by the next fix; a gap inside late data is found by the
 * fix that ends it.
 */
class Int001RuleTest {
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    registry.vehicle(vehicle("v1", "plough", null, null));
    registry.vehicle(vehicle("v2", "plough", null, null));
    registry.assignment(shift("a1", "v1", t(0), t(8 * 3600)));
    engine = RuleTestSupport.engine(registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** v2 drives on from fromS to toS (every 10 s), moving the event clock. */
  private static List<TelemetryPoint> traffic(int fromS, int toS) {
    return Track.of("v2").at(fromS).fixes((toS - fromS) / 10 + 1, 10, 20).points();
  }

  private static List<TelemetryPoint> v1(int fromS, int toS) {
    return Track.of("v1").at(fromS).fixes((toS - fromS) / 10 + 1, 10, 20).points();
  }

  private List<ViolationEvent> gaps(String vehicleId, List<ViolationEvent> events) {
    return RuleTestSupport.of("INT-001", events).stream()
        .filter(e -> e.vehicleId().equals(vehicleId))
        .toList();
  }

  @Test
  void opensLiveWhenOtherVehiclesTrafficPassesTheLimitAndClosesAtTheNextFix() {
    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(v1(0, 60), traffic(0, 60)),
            traffic(70, 360), // silent 300 s: not yet
            traffic(370, 400), // 340 s: opens
            traffic(410, 500),
            v1(600, 600));

    List<ViolationEvent> gap = gaps("v1", events);
    assertEquals(List.of(OPENED, UPDATED, CLOSED), statuses(gap));
    assertEquals(ViolationEvent.episodeId("INT-001", "v1/a1", t(60)), gap.get(0).violationId());
    assertEquals(t(60), gap.get(0).startedAt(), "from the last fix before the gap");
    assertEquals(t(400), gap.get(0).eventTime(), "seen when the clock passed the limit");
    assertEquals(t(500), gap.get(1).eventTime());
    assertEquals(t(600), gap.get(2).endedAt(), "ended by the next fix");
    assertEquals(540.0, gap.get(2).measurements().get("durationS"));
    assertEquals(
        List.of(t(60), t(600)), gap.get(2).evidence().stream().map(e -> e.fixTime()).toList());
  }

  @Test
  void silenceOfExactlyMaxSilenceDoesNotOpenAndOneSecondMoreDoes() {
    RuleTestSupport.run(engine, RuleTestSupport.concat(v1(0, 60), traffic(0, 60)));
    assertEquals(
        List.of(), gaps("v1", engine.process(Track.of("v2").at(360).fixes(1, 1, 20).points())));

    List<ViolationEvent> events = engine.process(Track.of("v2").at(361).fixes(1, 1, 20).points());

    assertEquals(List.of(OPENED), statuses(gaps("v1", events)));
  }

  @Test
  void aVehicleThatKeptReportingOpensAGapExactlyWhenItsSilenceIsTooLong() {
    // 0..600 s: the clock passes v1's due time twice while v1 reports, so it moves twice
    RuleTestSupport.run(engine, RuleTestSupport.concat(v1(0, 600), traffic(0, 600)));
    assertEquals(
        List.of(), gaps("v1", engine.process(Track.of("v2").at(900).fixes(1, 1, 20).points())));

    List<ViolationEvent> events = engine.process(Track.of("v2").at(901).fixes(1, 1, 20).points());

    assertEquals(List.of(OPENED), statuses(gaps("v1", events)));
    assertEquals(t(600), gaps("v1", events).get(0).startedAt());
  }

  @Test
  void theClockLooksAtAWatchAgainOnlyWhenItsSilenceCouldBeTooLong() {
    RuleTestSupport.run(engine, RuleTestSupport.concat(v1(0, 600), traffic(0, 650)));

    Int001Watch watch = watch("v1");
    // never later than a gap could start (last fix 600 + 300 s), and not due before the clock (650)
    // passes it, although the clock passed the due times of 0 + 300 s and 300 + 300 s
    assertEquals(true, watch.getDueMs() <= t(900).toEpochMilli(), "due " + watch.getDueMs());
    assertEquals(true, watch.getDueMs() > t(650).toEpochMilli(), "due " + watch.getDueMs());
  }

  @Test
  void aFixAfterAReportedGapWithoutAssignmentMakesTheNextSilenceCountAgain() {
    String v4 = RuleTestSupport.samePartitionAs(engine, "v2", "v4-");
    List<ViolationEvent> first =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(Track.of(v4).fixes(7, 10, 0).points(), traffic(0, 60)),
            traffic(70, 500));
    assertEquals(OPENED, statuses(gaps(v4, first)).get(0));
    assertEquals(Long.MAX_VALUE, watch(v4).getDueMs(), "reported until its next fix");

    List<ViolationEvent> second =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(
                Track.of(v4).at(510).fixes(1, 10, 0).points(), traffic(510, 1000)));

    List<ViolationEvent> gaps = gaps(v4, second);
    assertEquals(CLOSED, gaps.get(0).status(), "the first gap, by the fix");
    assertEquals(t(60), gaps.get(0).startedAt());
    assertEquals(OPENED, gaps.get(1).status(), "the silence after the fix, live");
    assertEquals(t(510), gaps.get(1).startedAt());
  }

  private Int001Watch watch(String vehicleId) {
    return engine.stateFacts(vehicleId).stream()
        .filter(Int001Watch.class::isInstance)
        .map(Int001Watch.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aGapInsideOneBatchIsFoundByTheFixThatEndsIt() {
    List<TelemetryPoint> exactly = RuleTestSupport.concat(v1(0, 60), v1(360, 400));
    assertEquals(List.of(), gaps("v1", engine.process(exactly)));

    RuleEngine other = RuleTestSupport.engine(registry);
    List<ViolationEvent> gap =
        gaps("v1", other.process(RuleTestSupport.concat(v1(0, 60), v1(361, 400))));
    other.close();
    assertEquals(List.of(OPENED, CLOSED), statuses(gap));
    assertEquals(t(60), gap.get(1).startedAt());
    assertEquals(t(361), gap.get(1).endedAt());
  }

  @Test
  void aLateUploadGivesTheSameEpisodeAsLiveDelivery() {
    List<ViolationEvent> live =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(v1(0, 60), traffic(0, 60)),
            traffic(70, 450),
            v1(500, 560));

    RuleEngine late = RuleTestSupport.engine(registry);
    // the black box uploads everything of v1 after the others' traffic, shuffled
    List<ViolationEvent> uploaded =
        RuleTestSupport.run(
            late, traffic(0, 450), shuffled(RuleTestSupport.concat(v1(0, 60), v1(500, 560))));
    late.close();

    assertEquals(episodes(gaps("v1", live)), episodes(gaps("v1", uploaded)));
    assertEquals(List.of(OPENED, CLOSED), statuses(gaps("v1", uploaded)));
  }

  @Test
  void aLateBatchThatFillsTheGapBeforeTheClockPassesOpensNothing() {
    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(v1(0, 60), traffic(0, 60)),
            traffic(70, 200),
            v1(70, 290), // late, but the clock (200 s) had not passed 60 + 300 s
            traffic(210, 500));

    assertEquals(List.of(), gaps("v1", events));
  }

  @Test
  void silenceAfterTheShiftEndDoesNotCount() {
    registry.assignment(shift("a1", "v1", t(0), t(600)));
    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine, RuleTestSupport.concat(v1(0, 400), traffic(0, 400)), traffic(410, 2000));

    assertEquals(List.of(), gaps("v1", events), "only 200 s of the silence lie in the shift");
  }

  @Test
  void theShiftEndClosesAnOpenGap() {
    registry.assignment(shift("a1", "v1", t(0), t(1000)));
    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(v1(0, 100), traffic(0, 100)),
            traffic(110, 500),
            traffic(510, 1200));

    List<ViolationEvent> gap = gaps("v1", events);
    assertEquals(List.of(OPENED, CLOSED), statuses(gap));
    assertEquals(t(100), gap.get(1).startedAt());
    assertEquals(t(1000), gap.get(1).endedAt(), "the silence after the shift end does not count");
  }

  @Test
  void withoutAssignmentsOnlyASilenceAfterIgnitionOnOrUnknownCounts() {
    List<TelemetryPoint> off =
        Track.of("v3").equipment(null, null, null, null, null, false).fixes(7, 10, 0).points();
    List<TelemetryPoint> on =
        Track.of("v4").equipment(null, null, null, null, null, true).fixes(7, 10, 0).points();
    List<TelemetryPoint> unknown = Track.of("v5").fixes(7, 10, 0).points();

    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            RuleTestSupport.concat(RuleTestSupport.concat(off, on), unknown),
            traffic(0, 500));

    assertEquals(List.of(), gaps("v3", events), "parked with the ignition off");
    assertEquals(List.of(OPENED), statuses(gaps("v4", events)));
    assertEquals(List.of(OPENED), statuses(gaps("v5", events)));
    assertEquals(
        ViolationEvent.episodeId("INT-001", "v4", t(60)), gaps("v4", events).get(0).violationId());
  }

  @Test
  void aStaleUploadWithoutAssignmentIsJudgedByItsNextFixNotByTheClock() {
    // in v2's partition: a partition's session sees the event clock from the batch after the one
    // that created it (see the report), so the stale upload must land in a running session
    String v3 = RuleTestSupport.samePartitionAs(engine, "v2", "v3-");
    List<ViolationEvent> events =
        RuleTestSupport.run(
            engine,
            traffic(0, 3600),
            Track.of(v3).fixes(7, 10, 0).points(), // 0..60 s, an hour behind the clock
            traffic(3610, 3700));
    assertEquals(List.of(), gaps(v3, events));

    List<ViolationEvent> gap =
        gaps(v3, engine.process(Track.of(v3).at(1000).fixes(1, 10, 0).points()));

    assertEquals(List.of(OPENED, CLOSED), statuses(gap));
    assertEquals(t(60), gap.get(0).startedAt());
    assertEquals(t(1000), gap.get(1).endedAt());
  }

  @Test
  void shuffledInputGivesTheSameEventsAsInOrderInput() {
    List<TelemetryPoint> points =
        RuleTestSupport.concat(RuleTestSupport.concat(v1(0, 60), v1(700, 900)), traffic(0, 1500));
    List<ViolationEvent> expected = engine.process(points);

    RuleEngine other = RuleTestSupport.engine(registry);
    List<ViolationEvent> actual = other.process(shuffled(points));
    other.close();

    assertEquals(List.of(OPENED, CLOSED, OPENED), statuses(gaps("v1", expected)));
    assertEquals(expected, actual);
  }

  @Test
  void keepsOneWatchPerVehicleAndOneEpisodeWhileAGapIsOpen() {
    RuleTestSupport.run(engine, RuleTestSupport.concat(v1(0, 60), traffic(0, 60)));
    assertEquals(1, engine.factCount("v1", "INT-001"), "the watch of the last fix");

    engine.process(traffic(70, 400));
    assertEquals(2, engine.factCount("v1", "INT-001"), "watch + open episode");

    engine.process(v1(600, 700));
    assertEquals(1, engine.factCount("v1", "INT-001"));
  }
}
