package dev.dozor.rules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class LineDistanceTest {
  private final GeometryFactory factory = new GeometryFactory();

  @Test
  void theDistanceToALineIsTheOneJtsGivesForAnyPointAndShape() {
    Random random = new Random(7);
    for (int run = 0; run < 2_000; run++) {
      Coordinate[] shape = new Coordinate[2 + random.nextInt(8)];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = new Coordinate(random.nextDouble() * 2_000, random.nextDouble() * 2_000);
      }
      LineString line = factory.createLineString(shape);
      Coordinate c = new Coordinate(random.nextDouble() * 3_000, random.nextDouble() * 3_000);

      assertEquals(
          line.distance(factory.createPoint(c)), GeoIndex.distance(line, c), 1e-9, line + " " + c);
    }
  }

  @Test
  void aLineIsWithinALimitExactlyWhenItsMeasuredDistanceIs() {
    Random random = new Random(11);
    int within = 0;
    for (int run = 0; run < 5_000; run++) {
      // up to 40 pieces: long lines measure run by run (their runs have boxes of their own)
      Coordinate[] shape = new Coordinate[2 + random.nextInt(40)];
      double x = random.nextDouble() * 2_000;
      double y = random.nextDouble() * 2_000;
      for (int i = 0; i < shape.length; i++) {
        x += random.nextGaussian() * 40;
        y += random.nextGaussian() * 40;
        shape[i] = new Coordinate(x, y);
      }
      SegmentShape segment = new SegmentShape(factory.createLineString(shape));
      Coordinate c = new Coordinate(x + random.nextGaussian() * 60, y + random.nextGaussian() * 60);
      double distance = segment.minDistance(c, Double.POSITIVE_INFINITY);
      // exactly at the limit less the slack, just around it, and anywhere
      double[] limits = {
        distance + SegmentShape.SLACK_M,
        Math.nextDown(distance + SegmentShape.SLACK_M),
        distance,
        random.nextDouble() * 100
      };
      for (double limit : limits) {
        boolean expected = distance <= limit - SegmentShape.SLACK_M;
        within += expected ? 1 : 0;
        assertEquals(expected, segment.withinM(c, limit), segment.line + " " + c + " " + limit);
      }
    }
    assertTrue(within > 5_000, "both answers are exercised: " + within);
  }

  @Test
  void aPointOnTheLineIsAtDistanceZero() {
    LineString line =
        factory.createLineString(
            new Coordinate[] {
              new Coordinate(0, 0), new Coordinate(100, 0), new Coordinate(100, 50)
            });

    assertEquals(0, GeoIndex.distance(line, new Coordinate(100, 20)), 1e-12);
    assertEquals(5, GeoIndex.distance(line, new Coordinate(50, 5)), 1e-12);
    assertEquals(5, GeoIndex.distance(line, new Coordinate(-3, 4)), 1e-12);
  }
}
