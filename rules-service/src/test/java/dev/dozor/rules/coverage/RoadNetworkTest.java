package dev.dozor.rules.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RoadNetwork#nearest} on exact local geometry: positions in metres east (x) and north (y)
 * of a reference point near Moscow, converted with the inverse of the network's projection.
 */
class RoadNetworkTest {
  private static final LocalGrid GRID = new LocalGrid(55.85, 37.60);
  private static final double TOLERANCE_M = 20;
  private static final double CM = 0.01;

  /**
   * A: (0,0)→(200,0); B: (200,0)→(400,0) continues A; P: 30 m north of A, parallel; K: an L-shaped
   * polyline (0,500)→(100,500)→(100,600).
   */
  private static RoadNetwork network() {
    return RoadNetwork.of(
        List.of(
            shape("A", 0, 0, 200, 0),
            shape("B", 200, 0, 400, 0),
            shape("P", 0, 30, 200, 30),
            shape("K", 0, 500, 100, 500, 100, 600)),
        GRID.projection(),
        100,
        TOLERANCE_M);
  }

  @Test
  void aPointMatchesTheNearestSegmentWithItsDistanceAndPositionAlongIt() {
    RoadNetwork.Match m = nearest(network(), 50, 12, null, 0);

    assertEquals("A", m.segmentId());
    assertEquals(12, m.distanceM(), CM);
    assertEquals(50, m.alongM(), CM);
    assertEquals(200, m.lengthM(), CM);
  }

  @Test
  void aPointJustCloserToTheParallelRoadMatchesIt() {
    assertEquals("P", nearest(network(), 50, 16, null, 0).segmentId());
  }

  @Test
  void alongFollowsThePolylineAroundItsBend() {
    RoadNetwork.Match m = nearest(network(), 105, 550, null, 0);

    assertEquals("K", m.segmentId());
    assertEquals(5, m.distanceM(), CM);
    assertEquals(150, m.alongM(), CM);
    assertEquals(200, m.lengthM(), CM);
  }

  @Test
  void aPointExactlyAtTheToleranceMatchesAndOneBeyondItDoesNot() {
    RoadNetwork network = network();
    // beyond the end of A and B, outside both segments' boxes along x
    assertEquals("B", nearest(network, 400 + TOLERANCE_M - 0.001, 0, null, 0).segmentId());
    assertNull(nearest(network, 400 + TOLERANCE_M + 0.01, 0, null, 0));
    // south of A, outside its box along y
    assertEquals("A", nearest(network, 100, -TOLERANCE_M + 0.001, null, 0).segmentId());
    assertNull(nearest(network, 100, -TOLERANCE_M - 0.01, null, 0));
  }

  @Test
  void theSegmentAVehicleIsOnWinsAtAJointUnlessAnotherIsNearerByMoreThanTheMargin() {
    RoadNetwork network = network();
    // at the joint of A and B: both at ~0 m; without a preference the smaller id wins
    assertEquals("A", nearest(network, 200, 0, null, 2).segmentId());
    assertEquals("B", nearest(network, 200, 0, "B", 2).segmentId());
    // 1.5 m into A: B is 1.5 m farther, within the 2 m margin, so the vehicle stays on B
    assertEquals("B", nearest(network, 198.5, 0, "B", 2).segmentId());
    // 3 m into A: B is farther by more than the margin
    assertEquals("A", nearest(network, 197, 0, "B", 2).segmentId());
  }

  @Test
  void aPointInACellWithoutRoadsMatchesNothing() {
    assertNull(nearest(network(), 5000, 5000, null, 0));
  }

  /**
   * Many crossing roads in a few cells, points all over them, with and without a preferred segment:
   * the answer is every segment measured (the least distance within the tolerance, then the least
   * id; the preferred one unless another is nearer by more than the margin). Candidates are passed
   * over by their box and the preferred one is told by its id's hash first; neither changes it.
   */
  @Test
  void theNearestIsTheSameAsMeasuringEverySegment() {
    java.util.Random random = new java.util.Random(7);
    List<double[]> lines = new ArrayList<>();
    List<SegmentShape> shapes = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int vertices = 2 + random.nextInt(5);
      double[] xy = new double[2 * vertices];
      xy[0] = random.nextDouble() * 600;
      xy[1] = random.nextDouble() * 600;
      for (int v = 1; v < vertices; v++) {
        xy[2 * v] = xy[2 * v - 2] + random.nextGaussian() * 60;
        xy[2 * v + 1] = xy[2 * v - 1] + random.nextGaussian() * 60;
      }
      lines.add(xy);
      shapes.add(shape("s" + i, xy));
    }
    RoadNetwork network = RoadNetwork.of(shapes, GRID.projection(), 100, TOLERANCE_M);
    int compared = 0;
    int matched = 0;
    for (int k = 0; k < 20_000; k++) {
      double x = random.nextDouble() * 600;
      double y = random.nextDouble() * 600;
      String preferred = random.nextBoolean() ? null : "s" + random.nextInt(lines.size());
      double margin = random.nextInt(3) * 2.0;
      double[] d = new double[lines.size()];
      int best = -1;
      boolean ambiguous = false;
      for (int i = 0; i < lines.size(); i++) {
        d[i] = distanceM(lines.get(i), x, y);
        ambiguous |= Math.abs(d[i] - TOLERANCE_M) < 1e-4;
        if (d[i] <= TOLERANCE_M) {
          if (best >= 0) {
            ambiguous |= Math.abs(d[i] - d[best]) < 1e-4;
          }
          if (best < 0 || d[i] < d[best]) {
            best = i;
          }
        }
      }
      int kept = preferred == null ? -1 : Integer.parseInt(preferred.substring(1));
      if (kept >= 0 && d[kept] <= TOLERANCE_M && best >= 0) {
        ambiguous |= Math.abs(d[kept] - d[best] - margin) < 1e-4;
        if (d[kept] <= d[best] + margin) {
          best = kept;
        }
      }
      if (ambiguous) {
        continue; // a tie within rounding: either answer is right
      }
      compared++;
      RoadNetwork.Match m = nearest(network, x, y, preferred, margin);
      if (best < 0) {
        assertNull(m, "at " + x + "," + y);
      } else {
        matched++;
        assertEquals("s" + best, m.segmentId(), "at " + x + "," + y + " preferring " + preferred);
        assertEquals(d[best], m.distanceM(), 1e-3);
      }
    }
    assertTrue(
        compared > 19_000 && matched > 5_000, compared + " compared, " + matched + " matched");
  }

  /** Metres from the point to the polyline. */
  private static double distanceM(double[] xy, double x, double y) {
    double min = Double.MAX_VALUE;
    for (int i = 0; i + 3 < xy.length; i += 2) {
      double dx = xy[i + 2] - xy[i];
      double dy = xy[i + 3] - xy[i + 1];
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : ((x - xy[i]) * dx + (y - xy[i + 1]) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      min = Math.min(min, Math.hypot(x - xy[i] - t * dx, y - xy[i + 1] - t * dy));
    }
    return min;
  }

  private static RoadNetwork.Match nearest(
      RoadNetwork network, double x, double y, String preferred, double marginM) {
    return network.nearest(GRID.lat(y), GRID.lon(x), preferred, marginM);
  }

  private static SegmentShape shape(String id, double... xy) {
    List<double[]> lonLat = new ArrayList<>();
    double length = 0;
    for (int i = 0; i < xy.length; i += 2) {
      lonLat.add(new double[] {GRID.lon(xy[i]), GRID.lat(xy[i + 1])});
      if (i > 0) {
        length += Math.hypot(xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1]);
      }
    }
    return new SegmentShape(id, lonLat, length);
  }
}
