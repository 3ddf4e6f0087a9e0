package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine matches the valid points it evaluates to the registry's road segments. */
class SegmentPassEngineTest {
  private static final double LAT = 55.70;
  private static final double LON = 37.62;
  private static RegulationCatalogue catalogue;
  private RegistryState registry;
  private RuleEngine engine;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = RegulationCatalogue.fromClasspath();
  }

  @BeforeEach
  void newEngine() {
    registry = new RegistryState();
    // 400 m due north from (LAT, LON), then a second segment continuing it
    registry.segment(Places.segment("100-0", LAT, LON, 0, 400, 2, 60, null));
    registry.publishPlaces();
    engine = newEngine(registry);
  }

  private static RuleEngine newEngine(RegistryState registry) {
    return new RuleEngine(
        catalogue,
        EngineSettings.defaults(),
        Clock.fixed(Instant.parse("2026-01-15T07:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** 50 m before the segment to 50 m beyond it at 36 km/h, a fix every 5 s. */
  private static List<TelemetryPoint> ploughAlong(String vehicle, Boolean plough) {
    return Track.of(vehicle)
        .position(LAT - 50 / Track.METRES_PER_DEGREE, LON)
        .fixes(11, 5, 36, plough)
        .points();
  }

  @Test
  void aPloughWorkingASegmentYieldsAPassFromRulesService() {
    List<SegmentPass> passes = engine.processBatch(ploughAlong("v1", true)).passes();

    assertEquals(2, passes.size(), "once when it counts, once when it ends: " + passes);
    SegmentPass counted = passes.get(0);
    SegmentPass ended = passes.get(1);
    assertEquals(counted.passId(), ended.passId());
    assertEquals("100-0", ended.segmentId());
    assertEquals("v1", ended.vehicleId());
    assertEquals("plough", ended.equipment());
    assertEquals("rules-service", ended.source());
    assertEquals(1.0, ended.coveredFraction(), 0.03);
    assertTrue(counted.coveredFraction() >= 0.5 && counted.coveredFraction() < 0.53);
    // a chord sample within 20 m before the segment's start (2..4 s after the first fix) opens it
    assertTrue(
        !ended.startedAt().isBefore(Track.t(2)) && !ended.startedAt().isAfter(Track.t(4)),
        "started at " + ended.startedAt());
    assertEquals(Track.t(25), counted.endedAt(), "half of 400 m: 200 m in, 250 m after the start");
  }

  @Test
  void noPassWithTheEquipmentOffOrUnreported() {
    assertEquals(List.of(), engine.processBatch(ploughAlong("v1", false)).passes());
    assertEquals(List.of(), engine.processBatch(ploughAlong("v2", null)).passes());
  }

  @Test
  void processReturnsOnlyTheViolationsAndStillMatches() {
    assertEquals(List.of(), engine.process(ploughAlong("v1", true)));
    assertEquals(0, engine.segmentPassFactCount("v1"), "no assignment lists the segment");
  }

  @Test
  void aGpsJumpIsNotMatched() {
    // the fix at 25 s jumps 5 km east and back: neither it nor its chords touch the segment's
    // neighbourhood, and the pass goes on from the last valid fix
    List<TelemetryPoint> points = new ArrayList<>(ploughAlong("v1", true));
    TelemetryPoint p = points.get(5);
    points.set(
        5,
        new TelemetryPoint(
            p.schemaVersion(),
            p.vehicleId(),
            p.deviceId(),
            p.fixTime(),
            p.receivedAt(),
            p.lat(),
            p.lon() + 0.08,
            p.speedKmh(),
            p.headingDeg(),
            p.odometerKm(),
            p.equipment(),
            p.attributes()));
    List<SegmentPass> passes = engine.processBatch(points).passes();
    assertEquals(1, passes.stream().map(SegmentPass::passId).distinct().count(), "" + passes);
    assertEquals(1.0, passes.get(passes.size() - 1).coveredFraction(), 0.03);
  }

  @Test
  void anyBatchSplitOrOrderGivesTheSamePasses() {
    List<TelemetryPoint> points = new ArrayList<>(ploughAlong("v1", true));
    List<SegmentPass> expected = engine.processBatch(points).passes();
    for (int seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      Collections.shuffle(points, random);
      RuleEngine fresh = newEngine(registry);
      List<SegmentPass> actual = new ArrayList<>();
      // in order, in random batches (each batch shuffled)
      List<TelemetryPoint> inOrder = ploughAlong("v1", true);
      int i = 0;
      while (i < inOrder.size()) {
        int n = 1 + random.nextInt(4);
        List<TelemetryPoint> chunk =
            new ArrayList<>(inOrder.subList(i, Math.min(inOrder.size(), i + n)));
        Collections.shuffle(chunk, random);
        actual.addAll(fresh.processBatch(chunk).passes());
        i += n;
      }
      fresh.close();
      assertEquals(last(expected), last(actual), "seed " + seed);
    }
  }

  @Test
  void passesOnAnAssignedSegmentBecomeFactsUntilTheRetentionHasPassed() {
    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.t(-3600), Track.t(8 * 3600), null, List.of("100-0"), null, null));
    engine.processBatch(ploughAlong("v1", true));
    assertEquals(1, engine.segmentPassFactCount("v1"), "one fact per pass, grown in place");

    // 24 h (the retention) after the pass ended, another vehicle of the partition moves the clock
    String other = sameParitionAs("v1");
    engine.processBatch(new Track(other, Track.t(20 + 24 * 3600)).fixes(1, 5, 10, false).points());
    assertEquals(1, engine.segmentPassFactCount("v1"), "kept at exactly the retention");
    engine.processBatch(new Track(other, Track.t(60 + 24 * 3600)).fixes(1, 5, 10, false).points());
    assertEquals(0, engine.segmentPassFactCount("v1"), "dropped past it");
  }

  @Test
  void aPassBecomesAFactOnceItsSegmentIsAssignedAndNotAfterTheAssignmentGoes() {
    engine.processBatch(ploughAlong("v1", true));
    assertEquals(0, engine.segmentPassFactCount("v1"), "no assignment lists the segment yet");

    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.t(-3600), Track.t(8 * 3600), null, List.of("100-0"), null, null));
    engine.processBatch(List.of()); // the sessions take the registry's plans after a batch
    engine.processBatch(ploughBackAlong("v1", 600));
    assertEquals(1, engine.segmentPassFactCount("v1"), "the vehicle's set is read again");

    registry.assignment(
        AssignmentRecord.of(
            "a1", "v1", Track.t(-3600), Track.t(8 * 3600), null, List.of("100-9"), null, null));
    engine.processBatch(List.of());
    // another vehicle of the partition has its passes looked at first
    String other = sameParitionAs("v1");
    engine.processBatch(ploughBackAlong(other, 1200));
    engine.processBatch(ploughBackAlong("v1", 1800));
    assertEquals(1, engine.segmentPassFactCount("v1"), "no new fact for a segment not assigned");
  }

  /** The same drive as {@link #ploughAlong}, starting {@code afterS} later. */
  private static List<TelemetryPoint> ploughBackAlong(String vehicle, int afterS) {
    return new Track(vehicle, Track.t(afterS))
        .position(LAT - 50 / Track.METRES_PER_DEGREE, LON)
        .fixes(11, 5, 36, true)
        .points();
  }

  private String sameParitionAs(String vehicle) {
    for (int i = 0; ; i++) {
      if (engine.partitionOf("x" + i) == engine.partitionOf(vehicle)) {
        return "x" + i;
      }
    }
  }

  private static SegmentPass last(List<SegmentPass> passes) {
    return passes.get(passes.size() - 1);
  }
}
