package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.telemetry.Drive.Fix;
import dev.dozor.bench.telemetry.Drive.Pass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoadWalkerTest {
  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

  /** A 3 x 3 grid of ~111 m blocks: every segment connects at both ends. */
  static RoadGraph grid() {
    List<RoadGraph.Segment> s = new ArrayList<>();
    double step = 0.001;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        s.add(
            RoadGraph.Segment.of(
                "h" + i + j,
                "d1",
                new double[] {37.6 + j * step, 37.6 + (j + 1) * step},
                new double[] {55.8 + i * step, 55.8 + i * step}));
        s.add(
            RoadGraph.Segment.of(
                "v" + i + j,
                "d1",
                new double[] {37.6 + i * step, 37.6 + i * step},
                new double[] {55.8 + j * step, 55.8 + (j + 1) * step}));
      }
    }
    return new RoadGraph(s);
  }

  static final class Collect implements Drive.Sink {
    final List<Fix> fixes = new ArrayList<>();
    final List<Pass> passes = new ArrayList<>();

    @Override
    public void fix(Fix fix) {
      fixes.add(fix);
    }

    @Override
    public void pass(Pass pass) {
      passes.add(pass);
    }
  }

  @Test
  void emitsOneFixPerIntervalOnKnownSegmentsAtFleetSpeeds() {
    Collect c = new Collect();
    RoadWalker.drive(grid(), "v1", START, 360, 10, 7, Plans.fleet(7), c);
    assertEquals(360, c.fixes.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      ids.add(grid().segment(i).id());
    }
    for (int i = 0; i < c.fixes.size(); i++) {
      Fix f = c.fixes.get(i);
      assertEquals(START.plusSeconds(10L * i), f.time());
      assertTrue(ids.contains(f.segmentId()), f.segmentId());
      assertTrue(f.speedKmh() >= 15 && f.speedKmh() <= 40, "speed " + f.speedKmh());
      assertTrue(f.lat() >= 55.8 - 1e-9 && f.lat() <= 55.802 + 1e-9, "lat " + f.lat());
    }
  }

  @Test
  void consecutiveFixesAreAsFarApartAsTheSpeedAllows() {
    Collect c = new Collect();
    RoadWalker.drive(grid(), "v1", START, 600, 1, 3, Plans.fleet(3), c);
    for (int i = 1; i < c.fixes.size(); i++) {
      Fix a = c.fixes.get(i - 1);
      Fix b = c.fixes.get(i);
      double d = RoadGraph.distanceM(a.lon(), a.lat(), b.lon(), b.lat());
      assertTrue(d <= 40 / 3.6 + 0.5, "jump of " + d + " m at fix " + i);
    }
  }

  @Test
  void passesFollowTheDriveAndOnlyWithTheBladeDown() {
    Collect c = new Collect();
    RoadWalker.drive(grid(), "v1", START, 3 * 360, 10, 11, Plans.fleet(11), c);
    assertTrue(c.passes.size() > 50, "passes: " + c.passes.size());
    double drivenM = 0;
    Instant previousEnd = START;
    for (Pass p : c.passes) {
      assertTrue(!p.endedAt().isBefore(p.startedAt()));
      assertTrue(!p.startedAt().isBefore(previousEnd), "passes overlap");
      assertTrue(p.coveredFraction() > 0 && p.coveredFraction() <= 1);
      assertEquals("plough", p.equipment());
      previousEnd = p.endedAt();
      drivenM += p.coveredFraction() * 111;
    }
    // 3 h at >= 15 km/h is >= 45 km; the blade is up 1/6 of the time
    assertTrue(drivenM > 30_000, "metres in passes: " + drivenM);
  }

  @Test
  void theTrackStandsStillDuringItsStopsWithTheBladeUp() {
    Collect c = new Collect();
    RoadWalker.drive(grid(), DayLoader.TRACK_VEHICLE, START, 86_400, 1, 5, Plans.track(), c);
    assertEquals(86_400, c.fixes.size());
    Plans.Stop lunch = Plans.TRACK_STOPS.get(2);
    int from = (int) lunch.startS();
    Fix first = c.fixes.get(from + 1);
    for (int s = from + 1; s < from + lunch.durationS(); s++) {
      Fix f = c.fixes.get(s);
      assertEquals(0, f.speedKmh());
      assertEquals(first.lon(), f.lon());
      assertEquals(first.lat(), f.lat());
      assertEquals(Drive.PLOUGH_UP, f.equipment());
    }
    assertEquals(Drive.PLOUGH_DOWN, c.fixes.get(60).equipment());
    assertEquals(Drive.PLOUGH_UP, c.fixes.get(20 * 60 + 60).equipment());
    assertEquals(Drive.PLOUGH_DOWN, c.fixes.get(40 * 60 + 60).equipment());
    assertEquals(START.plus(Duration.ofSeconds(86_399)), c.fixes.get(c.fixes.size() - 1).time());
  }

  @Test
  void theSameSeedDrivesTheSameWay() {
    Collect a = new Collect();
    Collect b = new Collect();
    RoadWalker.drive(grid(), "v1", START, 100, 10, 9, Plans.fleet(9), a);
    RoadWalker.drive(grid(), "v1", START, 100, 10, 9, Plans.fleet(9), b);
    assertEquals(a.fixes, b.fixes);
    assertEquals(a.passes, b.passes);
  }

  @Test
  void parsesPostgisLineStrings() {
    RoadGraph.Segment s =
        RoadGraph.fromWkt("1-0", "45358000", "LINESTRING(37.6 55.8,37.601 55.8,37.601 55.801)");
    assertEquals(3, s.lons().length);
    assertEquals(62.6 + 111.2, s.lengthM(), 1.0);
    double[] mid = s.at(s.lengthM() / 2, true);
    assertEquals(37.601, mid[0], 1e-4);
  }

  @Test
  void aDeadEndTurnsBack() {
    RoadGraph g =
        new RoadGraph(
            List.of(
                RoadGraph.Segment.of(
                    "a", null, new double[] {37.6, 37.601}, new double[] {55.8, 55.8})));
    assertEquals(List.of(new RoadGraph.Edge(0, false)), g.next(new RoadGraph.Edge(0, true)));
  }
}
