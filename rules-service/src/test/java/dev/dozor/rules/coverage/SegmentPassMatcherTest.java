package dev.dozor.rules.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matcher on exact local geometry: positions are given in metres east (x) and north (y) of a
 * reference point near Moscow and converted with the inverse of the matcher's own projection.
 */
class SegmentPassMatcherTest {
  private static final LocalGrid PR = new LocalGrid(55.85, 37.60);
  private static final Instant T0 = Instant.parse("2026-01-15T03:00:00Z");
  private static final Equipment PLOUGH = Equipment.plough(true);
  private static final Equipment OFF = new Equipment(false, false, false, null, null, true, null);
  private static final Equipment PLOUGH_BRUSH =
      new Equipment(true, true, null, null, null, null, null);
  private static final String V = "veh-1";

  private static final SegmentPassMatcher.Settings SETTINGS =
      new SegmentPassMatcher.Settings(
          20, Duration.ofSeconds(120), 0.5, 10, 2, Duration.ZERO, Duration.ofHours(1), "test");

  /** A: (0,0)→(200,0); B: (200,0)→(400,0) continues A; L: 600 m at y=1000; N: far north. */
  private static RoadNetwork network() {
    return RoadNetwork.of(
        List.of(
            shape("A", 0, 0, 200, 0),
            shape("B", 200, 0, 400, 0),
            shape("L", 0, 1000, 600, 1000),
            shape("N", 0, 5000, 200, 5000)),
        PR.projection(),
        100,
        20);
  }

  private static SegmentShape shape(String id, double x0, double y0, double x1, double y1) {
    return new SegmentShape(
        id,
        List.of(new double[] {PR.lon(x0), PR.lat(y0)}, new double[] {PR.lon(x1), PR.lat(y1)}),
        Math.hypot(x1 - x0, y1 - y0));
  }

  private static TelemetryPoint at(long seconds, double x, double y, Equipment e) {
    return at(V, seconds, x, y, e);
  }

  private static TelemetryPoint at(String vehicle, long seconds, double x, double y, Equipment e) {
    return TelemetryPoint.of(
        vehicle, "dev", T0.plusSeconds(seconds), null, PR.lat(y), PR.lon(x), 36, 90.0, e);
  }

  /** East along y = {@code y} from x0, one fix every 10 s, 100 m apart (36 km/h). */
  private static List<TelemetryPoint> drive(
      long startS, double x0, double x1, double y, Equipment e) {
    List<TelemetryPoint> out = new ArrayList<>();
    long t = startS;
    for (double x = x0; x <= x1 + 1e-9; x += 100, t += 10) {
      out.add(at(t, x, y, e));
    }
    return out;
  }

  private static List<SegmentPass> runAll(List<TelemetryPoint> points) {
    SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
    List<SegmentPass> out = new ArrayList<>(m.accept(points, T0));
    out.addAll(m.flush());
    return merged(out);
  }

  /** What the store keeps: one row per pass id with the latest end and the largest fraction. */
  private static List<SegmentPass> merged(List<SegmentPass> passes) {
    Map<String, SegmentPass> byKey = new LinkedHashMap<>();
    for (SegmentPass p : passes) {
      byKey.merge(
          p.passId(),
          p,
          (a, b) ->
              new SegmentPass(
                  a.schemaVersion(),
                  a.passId(),
                  a.segmentId(),
                  a.vehicleId(),
                  a.startedAt(),
                  a.endedAt().isAfter(b.endedAt()) ? a.endedAt() : b.endedAt(),
                  a.equipment(),
                  Math.max(a.coveredFraction(), b.coveredFraction()),
                  a.source()));
    }
    List<SegmentPass> out = new ArrayList<>(byKey.values());
    out.sort(Comparator.comparing(SegmentPass::startedAt).thenComparing(SegmentPass::segmentId));
    return out;
  }

  @Test
  void firesOnTheSegmentsDrivenWithThePloughDown() {
    // from 40 m before A to 40 m after B, 5 m beside the road
    List<SegmentPass> passes = runAll(drive(0, -40, 460, 5, PLOUGH));

    assertEquals(List.of("A", "B"), passes.stream().map(SegmentPass::segmentId).toList());
    for (SegmentPass p : passes) {
      assertEquals("plough", p.equipment());
      assertEquals(V, p.vehicleId());
      assertEquals("test", p.source());
      assertEquals(1.0, p.coveredFraction(), 0.051, "chord samples every 10 m cover the block");
      assertEquals(SegmentPass.passId(p.segmentId(), V, p.startedAt()), p.passId());
    }
    // A starts at the first chord sample within 20 m of its end (x ≈ -13..-10: 2.7..3 s after
    // the fix at x=-40), not at the next fix (x=60, 10 s)
    Instant start = passes.get(0).startedAt();
    assertTrue(
        !start.isBefore(T0.plusMillis(2_500)) && !start.isAfter(T0.plusSeconds(3)),
        "start " + start);
    assertTrue(passes.get(0).endedAt().isBefore(passes.get(1).startedAt()));
  }

  @Test
  void doesNotFireBeyondTheTolerance() {
    assertEquals(List.of(), runAll(drive(0, -40, 460, 20.5, PLOUGH)));
    assertEquals(List.of(), runAll(drive(0, -40, 460, -25, PLOUGH)));
  }

  @Test
  void firesExactlyAtTheTolerance() {
    List<SegmentPass> passes = runAll(drive(0, -40, 460, 20.0, PLOUGH));
    assertEquals(List.of("A", "B"), passes.stream().map(SegmentPass::segmentId).toList());
  }

  @Test
  void doesNotFireWithTheEquipmentOff() {
    assertEquals(List.of(), runAll(drive(0, -40, 460, 0, OFF)));
    assertEquals(List.of(), runAll(drive(0, -40, 460, 0, Equipment.NONE)));
  }

  @Test
  void equipmentIsTheWorkingChannelsJoinedInChannelOrder() {
    List<SegmentPass> passes = runAll(drive(0, -40, 460, 0, PLOUGH_BRUSH));
    assertEquals(
        List.of("plough+brush", "plough+brush"),
        passes.stream().map(SegmentPass::equipment).toList());
    assertEquals(
        "brush+spreader",
        SegmentPassMatcher.equipment(new Equipment(false, true, true, 40.0, null, null, null)));
  }

  @Test
  void everyCombinationOfWorkingChannelsHasItsNameAndOneInstance() {
    List<String> names = new ArrayList<>();
    for (int bits = 0; bits < 8; bits++) {
      Equipment e =
          new Equipment((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, null, null, null, null);
      String name = SegmentPassMatcher.equipment(e);
      names.add(name);
      // a kept pass or sample shares it: a checkpoint writes each name once
      assertSame(name, SegmentPassMatcher.equipment(e));
    }
    assertEquals(
        Arrays.asList(
            null,
            "plough",
            "brush",
            "plough+brush",
            "spreader",
            "plough+spreader",
            "brush+spreader",
            "plough+brush+spreader"),
        names);
    assertNull(SegmentPassMatcher.equipment(null));
  }

  @Test
  void aGapLongerThanTheLimitSplitsThePass() {
    // along L (600 m): x=-50..350, silence of 150 s, then x=250..650
    List<TelemetryPoint> points = new ArrayList<>(drive(0, -50, 350, 1000, PLOUGH));
    points.addAll(drive(40 + 150, 250, 650, 1000, PLOUGH));
    List<SegmentPass> passes = runAll(points);

    assertEquals(2, passes.size(), passes.toString());
    assertEquals(T0.plusSeconds(40), passes.get(0).endedAt(), "first pass ends at its last fix");
    assertEquals(T0.plusSeconds(190), passes.get(1).startedAt(), "second starts after the gap");
    assertEquals(350.0 / 600, passes.get(0).coveredFraction(), 1e-6);
    assertEquals(350.0 / 600, passes.get(1).coveredFraction(), 1e-6);

    // the same points 100 s apart (within the limit) form one pass
    List<TelemetryPoint> close = new ArrayList<>(drive(0, -50, 350, 1000, PLOUGH));
    close.addAll(drive(40 + 100, 450, 650, 1000, PLOUGH));
    List<SegmentPass> one = runAll(close);
    assertEquals(1, one.size(), one.toString());
    assertEquals(1.0, one.get(0).coveredFraction(), 1e-6);
  }

  @Test
  void aPassCoveringLessThanTheMinimalFractionIsNotEmitted() {
    // crossing A at right angles at x=100: covers a 40 m wide strip at most, projection span 0
    List<TelemetryPoint> crossing = new ArrayList<>();
    for (int i = 0; i <= 8; i++) {
      crossing.add(at(i * 5L, 100, -100 + 25 * i, PLOUGH));
    }
    assertEquals(List.of(), runAll(crossing));
  }

  @Test
  void outOfOrderPointsInABatchGiveTheSamePasses() {
    List<TelemetryPoint> points = route();
    List<SegmentPass> expected = runAll(points);
    List<TelemetryPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(7));
    assertEquals(expected, runAll(shuffled));
  }

  @Test
  void anyBatchSplitGivesTheSamePasses() {
    List<TelemetryPoint> points = route();
    List<SegmentPass> expected = runAll(points);
    assertTrue(expected.size() >= 4, "the route yields several passes: " + expected);
    for (int seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
      List<SegmentPass> out = new ArrayList<>();
      Instant now = T0;
      int i = 0;
      while (i < points.size()) {
        int n = 1 + random.nextInt(6);
        List<TelemetryPoint> chunk =
            new ArrayList<>(points.subList(i, Math.min(points.size(), i + n)));
        Collections.shuffle(chunk, random);
        now = now.plusSeconds(random.nextInt(5));
        out.addAll(m.accept(chunk, now));
        i += n;
      }
      out.addAll(m.flush());
      assertEquals(expected, merged(out), "split with seed " + seed);
    }
  }

  @Test
  void aLateBlackBoxGivesThePassesItWouldHaveGivenLive() {
    // live: the tracker is back at 10:00 and drives L; its black box holds 03:00..03:01 on A and B
    List<TelemetryPoint> blackBox = drive(0, -40, 460, 5, PLOUGH);
    List<TelemetryPoint> live = drive(25_000, -50, 650, 1000, PLOUGH);
    List<TelemetryPoint> all = new ArrayList<>(blackBox);
    all.addAll(live);
    List<SegmentPass> expected = runAll(all);
    assertEquals(List.of("A", "B", "L"), expected.stream().map(SegmentPass::segmentId).toList());

    for (int seed = 1; seed <= 10; seed++) {
      Random random = new Random(seed);
      SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
      List<SegmentPass> out = new ArrayList<>();
      // live first, then the black box in small batches interleaved with the rest of live
      int liveCut = 1 + random.nextInt(live.size() - 1);
      out.addAll(m.accept(live.subList(0, liveCut), T0));
      int i = 0;
      while (i < blackBox.size()) {
        int n = 1 + random.nextInt(3);
        List<TelemetryPoint> chunk =
            new ArrayList<>(blackBox.subList(i, Math.min(blackBox.size(), i + n)));
        if (i == 0) {
          chunk.addAll(live.subList(liveCut, live.size()));
        }
        Collections.shuffle(chunk, random);
        out.addAll(m.accept(chunk, T0));
        i += n;
      }
      out.addAll(m.flush());
      assertEquals(expected, merged(out), "black box with seed " + seed);
    }
  }

  @Test
  void resentPointsDoNotMakeExtraPasses() {
    List<TelemetryPoint> points = drive(0, -40, 460, 5, PLOUGH);
    SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
    List<SegmentPass> out = new ArrayList<>(m.accept(points, T0));
    out.addAll(m.accept(points.subList(2, 5), T0));
    out.addAll(m.flush());
    assertEquals(runAll(points), merged(out));
  }

  @Test
  void stateIsBoundedQuietVehiclesArePublishedThenForgotten() {
    SegmentPassMatcher m =
        new SegmentPassMatcher(
            network(),
            new SegmentPassMatcher.Settings(
                20,
                Duration.ofSeconds(120),
                0.5,
                10,
                2,
                Duration.ofHours(1),
                Duration.ofHours(1),
                "test"));
    // ends on B, pass still open; checkpoint not yet due (1 h): A is emitted when it counts (half
    // covered) and when it ends, B when it counts
    List<SegmentPass> first = m.accept(drive(0, -40, 360, 5, PLOUGH), T0);
    assertEquals(List.of("A", "A", "B"), first.stream().map(SegmentPass::segmentId).toList());
    assertEquals(List.of(), m.closeIdle(T0.plusSeconds(60)), "not quiet for longer than the gap");
    List<SegmentPass> idle = m.closeIdle(T0.plusSeconds(121));
    assertEquals(List.of("B"), idle.stream().map(SegmentPass::segmentId).toList());
    assertEquals(1, m.trackedVehicles(), "kept: a late continuation extends the same pass");
    assertEquals(List.of(), m.closeIdle(T0.plusSeconds(600)), "nothing new to publish");
    m.closeIdle(T0.plus(Duration.ofHours(1)).plusSeconds(1));
    assertEquals(0, m.trackedVehicles());
  }

  @Test
  void aKeptVehicleStateGivesThePassesTheVehicleIdGives() {
    List<TelemetryPoint> points = drive(0, -40, 460, 5, PLOUGH);
    SegmentPassMatcher byId = new SegmentPassMatcher(network(), SETTINGS);
    SegmentPassMatcher kept = new SegmentPassMatcher(network(), SETTINGS);
    List<SegmentPass> viaId = new ArrayList<>();
    List<SegmentPass> viaState = new ArrayList<>();
    SegmentPassMatcher.VehicleState state = null;
    for (TelemetryPoint p : points) {
      byId.accept(p, T0, viaId);
      byId.endOfBatch(V, T0, viaId);
      state = kept.vehicle(V, state);
      kept.accept(state, p, T0, viaState);
      kept.endOfBatch(V, state, T0, viaState);
    }
    viaId.addAll(byId.flush());
    viaState.addAll(kept.flush());

    assertFalse(viaId.isEmpty());
    assertEquals(viaId, viaState);
    assertEquals(
        viaState.get(0).passId(),
        SegmentPass.passId(viaState.get(0).segmentId(), V, viaState.get(0).startedAt()),
        "the id kept on the pass is the one SegmentPass gives");
  }

  @Test
  void aStateTheMatcherForgotIsNotUsedAgain() {
    SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
    SegmentPassMatcher.VehicleState state = m.vehicle(V, null);
    assertSame(state, m.vehicle(V, state), "kept while the matcher holds it");
    m.accept(state, at(0, 0, 5, PLOUGH), T0, new ArrayList<>());

    m.closeIdle(T0.plus(SETTINGS.vehicleIdle()).plusSeconds(1));
    assertEquals(0, m.trackedVehicles());

    SegmentPassMatcher.VehicleState now = m.vehicle(V, state);
    assertNotSame(state, now, "a forgotten state gives way to a new one");
    assertEquals(1, m.trackedVehicles());
    List<SegmentPass> out = new ArrayList<>();
    m.endOfBatch(V, state, T0, out);
    assertEquals(List.of(), out, "the forgotten state is not checkpointed");

    m.flush();
    assertNotSame(now, m.vehicle(V, now), "flushed: a new one");
  }

  @Test
  void theCheckpointIntervalTestIsDurationsCompareTo() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      Instant from =
          T0.plusSeconds(random.nextInt(-100, 100)).plusNanos(random.nextInt(1_000_000_000));
      Instant to =
          i % 3 == 0
              ? from.plusSeconds(10) // exactly at the interval
              : from.plusSeconds(random.nextInt(-20, 20)).plusNanos(random.nextInt(1_000_000_000));
      Duration d =
          i % 2 == 0
              ? Duration.ofSeconds(10)
              : Duration.ofSeconds(random.nextInt(0, 20), random.nextInt(1_000_000_000));
      assertEquals(
          Duration.between(from, to).compareTo(d) >= 0,
          SegmentPassMatcher.atLeastApart(from, to, d),
          from + " " + to + " " + d);
    }
  }

  /** Two vehicles: A+B with plough, brush on L with a gap, and off-road work in between. */
  private static List<TelemetryPoint> route() {
    List<TelemetryPoint> points = new ArrayList<>(drive(0, -40, 460, 5, PLOUGH));
    points.addAll(drive(60, 540, 840, 5, PLOUGH)); // beyond B: no segment
    points.addAll(drive(200, -50, 350, 1000, Equipment.brush(true)));
    points.addAll(drive(400, 250, 650, 1000, Equipment.brush(true)));
    points.addAll(drive(460, 650, 950, 1000, OFF));
    // veh-2 drives west along A and B
    List<TelemetryPoint> veh2 = new ArrayList<>();
    long t = 0;
    for (double x = 440; x >= -40; x -= 100, t += 10) {
      veh2.add(at("veh-2", t, x, -3, PLOUGH_BRUSH));
    }
    points.addAll(veh2);
    return points;
  }

  @Test
  void aPassIsEmittedAtTheFixTimeItFirstCoversHalfItsSegment() {
    // A is 200 m long; from x=-40 east at 10 m/s: the samples reach x=100 (half) at 14 s
    SegmentPassMatcher m = new SegmentPassMatcher(network(), SETTINGS);
    List<SegmentPass> out = new ArrayList<>();
    for (TelemetryPoint p : drive(0, -40, 160, 5, PLOUGH)) {
      m.accept(p, T0, out);
    }
    SegmentPass counted = out.get(0);
    assertEquals("A", counted.segmentId());
    assertTrue(counted.coveredFraction() >= 0.5, counted.toString());
    assertTrue(counted.coveredFraction() < 0.56, "emitted at the first sample past half");
    // x=100 is the sample at 14 s; rounding in the projection may leave it a hair short
    assertTrue(
        !counted.endedAt().isBefore(T0.plusSeconds(14))
            && !counted.endedAt().isAfter(T0.plusSeconds(15)),
        "counted at " + counted.endedAt());
  }
}
