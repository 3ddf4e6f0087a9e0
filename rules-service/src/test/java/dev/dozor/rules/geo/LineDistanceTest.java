package dev.dozor.rules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
