package dev.dozor.rules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.SegmentMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Edge cases of {@link GeoIndex}'s fast look-ups, each against the plain loop it replaces. */
class GeoIndexFastPathTest {
  private static final double LAT = 55.85;
  private static final double LON = 37.60;
  private static final double M_LAT = 1 / 111_195.0; // degrees per metre, about
  private static final double M_LON = M_LAT / Math.cos(Math.toRadians(LAT));
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void anEmptyIndexKnowsNothing() {
    GeoIndex empty = new GeoIndex.Builder().build();

    assertNull(empty.districtAt(LAT, LON));
    assertEquals(List.of(), empty.zonesAt(ZoneRecord.YARD, LAT, LON));
    assertFalse(empty.contains("z", LAT, LON));
    assertNull(empty.segmentAt(LAT, LON));
    assertEquals(Double.POSITIVE_INFINITY, empty.distanceToSegmentsM(List.of("a"), LAT, LON));
    assertEquals(Double.POSITIVE_INFINITY, empty.distanceToSegmentsM(List.of(), LAT, LON));
    assertSameAsPlainLoops(empty, LAT, LON, List.of("a"));
  }

  @Test
  void aPointOutsideEveryDistrictIsInNone() {
    GeoIndex index = twoDistricts();

    assertNull(index.districtAt(LAT + 3_000 * M_LAT, LON));
    assertNull(index.districtAt(LAT, LON - 3_000 * M_LON));
    assertSameAsPlainLoops(index, LAT + 3_000 * M_LAT, LON, List.of());
  }

  @Test
  void aPointOnTheBoundaryTwoDistrictsShareGetsThePlainLoopsDistrict() {
    GeoIndex index = twoDistricts();
    // the shared edge is the meridian LON: a point there projects onto it exactly
    for (int i = -100; i <= 100; i++) {
      double lat = LAT + i * 9.7 * M_LAT;
      String d = index.districtAt(lat, LON);
      assertEquals(index.exactDistrictAt(lat, LON), d);
      assertTrue(d.equals("west") || d.equals("east"), d);
    }
    // a point just inside each
    assertEquals("west", index.districtAt(LAT, LON - M_LON));
    assertEquals("east", index.districtAt(LAT, LON + M_LON));
  }

  @Test
  void aCellInsideOneDistrictAnswersWithoutAPolygonTest() {
    GeoIndex index = twoDistricts();
    Coordinate inside = index.projection().project(LAT, LON - 500 * M_LON);
    AreaCells.Cell cell = index.districtCells().cell(inside);

    assertEquals(1, cell.areas().length);
    assertEquals("west", cell.areas()[0].id());
    assertTrue(cell.full()[0]);

    Coordinate onBoundary = index.projection().project(LAT, LON);
    AreaCells.Cell shared = index.districtCells().cell(onBoundary);
    assertEquals(2, shared.areas().length);
    assertFalse(shared.full()[0] || shared.full()[1]);
  }

  @Test
  void aRouteLeavesOutUnknownIdsAndIsInfiniteWithoutAKnownOne() {
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("a", line(LAT, LON, LAT + 200 * M_LAT, LON)))
            .segment(
                segment("b", line(LAT, LON + 100 * M_LON, LAT + 200 * M_LAT, LON + 100 * M_LON)))
            .segment(segment("one-vertex", lineOf(new double[][] {{LAT, LON}})))
            .build();
    double lat = LAT + 100 * M_LAT;
    double lon = LON + 30 * M_LON;

    assertEquals(1, index.rejected().size()); // JTS has no one-vertex line
    assertEquals(30, index.distanceToSegmentsM(List.of("zzz", "a"), lat, lon), 0.1);
    assertEquals(
        index.distanceToSegmentsM(List.of("a"), lat, lon),
        index.distanceToSegmentsM(List.of("zzz", "a", "zzz"), lat, lon));
    assertEquals(
        Double.POSITIVE_INFINITY,
        index.distanceToSegmentsM(List.of("zzz", "one-vertex"), lat, lon));
    for (List<String> route :
        List.of(
            List.of("zzz", "a"),
            List.of("b", "a", "b"),
            new ArrayList<>(List.of("b", "zzz")),
            List.of("one-vertex"),
            List.<String>of())) {
      assertSameAsPlainLoops(index, lat, lon, route);
    }
  }

  @Test
  void aTieGoesToTheSmallerIdAndTheRadiusIsInclusive() {
    JsonNode g = line(LAT, LON, LAT, LON + 300 * M_LON);
    GeoIndex index =
        new GeoIndex.Builder().segment(segment("s2", g)).segment(segment("s1", g)).build();

    SegmentMatch m = index.segmentAt(LAT + 10 * M_LAT, LON + 100 * M_LON);
    assertEquals("s1", m.segmentId());
    assertEquals(index.exactSegmentAt(LAT + 10 * M_LAT, LON + 100 * M_LON), m);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      double lat = LAT + (random.nextDouble() - 0.5) * 60 * M_LAT;
      double lon = LON + (random.nextDouble() * 1.2 - 0.1) * 300 * M_LON;
      assertSameAsPlainLoops(index, lat, lon, List.of("s2", "s1"));
    }
  }

  @Test
  void theRoadLimitIsTheNearestSegmentsEvenWhenASignedOneIsWithinTheRadius() {
    // "signed" (30 km/h) and "plain" (no limit) run parallel 30 m apart
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("signed", 30, line(LAT, LON, LAT + 300 * M_LAT, LON)))
            .segment(
                segment(
                    "plain",
                    null,
                    line(LAT, LON + 30 * M_LON, LAT + 300 * M_LAT, LON + 30 * M_LON)))
            .build();
    double lat = LAT + 100 * M_LAT;
    assertEquals(
        Integer.valueOf(30), index.roadLimitKmhAt(lat, LON + 5 * M_LON), "on the signed road");
    assertNull(
        index.roadLimitKmhAt(lat, LON + 20 * M_LON), "nearer the plain road, the signed one near");
    assertNull(index.roadLimitKmhAt(lat, LON + 45 * M_LON), "near the plain road alone");
    assertNull(index.roadLimitKmhAt(lat, LON + 500 * M_LON), "on no road");
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      double pLat = LAT + (random.nextDouble() * 1.4 - 0.2) * 300 * M_LAT;
      double pLon = LON + (random.nextDouble() * 120 - 45) * M_LON;
      SegmentMatch exact = index.exactSegmentAt(pLat, pLon);
      assertEquals(
          exact == null ? null : exact.getMaxspeedKmh(),
          index.roadLimitKmhAt(pLat, pLon),
          pLat + "," + pLon);
    }
  }

  @Test
  void longAndIrregularLinesMeasureAsThePlainLoop() {
    double[][] zigzag = new double[101][];
    for (int i = 0; i < zigzag.length; i++) {
      zigzag[i] = new double[] {LAT + i * 15 * M_LAT, LON + (i % 3) * 25 * M_LON};
    }
    double[][] tiny = {{LAT, LON}, {LAT, LON + 1e-12}, {LAT + 300 * M_LAT, LON + 300 * M_LON}};
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("zigzag", lineOf(zigzag)))
            .segment(segment("tiny", lineOf(tiny)))
            .segment(segment("plain", line(LAT, LON - 50 * M_LON, LAT + 1_500 * M_LAT, LON)))
            .build();
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 20_000; i++) {
      double lat = LAT + (random.nextDouble() * 1.2 - 0.1) * 1_500 * M_LAT;
      double lon = LON + (random.nextDouble() - 0.5) * 400 * M_LON;
      assertSameAsPlainLoops(index, lat, lon, List.of("zigzag", "tiny", "plain"));
      assertSameAsPlainLoops(index, lat, lon, List.of("plain", "zigzag"));
    }
    for (double[] v : zigzag) {
      assertEquals(0.0, index.distanceToSegmentsM(List.of("zigzag"), v[0], v[1]));
      assertSameAsPlainLoops(index, v[0], v[1], List.of("tiny", "zigzag"));
    }
  }

  @Test
  void zonesOverlappingAPointComeSortedAndAPointFarFromAllZonesHasNone() {
    GeoIndex index =
        new GeoIndex.Builder()
            .zone(ZoneRecord.of("z-b", "b", ZoneRecord.YARD, null, square(LAT, LON, 100)))
            .zone(ZoneRecord.of("z-a", "a", ZoneRecord.YARD, null, square(LAT, LON, 50)))
            .zone(ZoneRecord.of("z-c", "c", ZoneRecord.DEPOT, null, square(LAT, LON, 50)))
            .build();

    assertEquals(List.of("z-a", "z-b"), index.zonesAt(ZoneRecord.YARD, LAT, LON));
    assertEquals(List.of("z-b"), index.zonesAt(ZoneRecord.YARD, LAT + 70 * M_LAT, LON));
    assertEquals(List.of(), index.zonesAt(ZoneRecord.YARD, LAT + 5_000 * M_LAT, LON));
    assertEquals(List.of(), index.zonesAt("no-such-kind", LAT, LON));
    assertTrue(index.contains("z-c", LAT, LON));
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 5_000; i++) {
      double lat = LAT + (random.nextDouble() - 0.5) * 600 * M_LAT;
      double lon = LON + (random.nextDouble() - 0.5) * 600 * M_LON;
      assertSameAsPlainLoops(index, lat, lon, List.of());
    }
  }

  @Test
  void pointsAndRadiiOutsideTheFastPathsTakeThePlainLoops() {
    GeoIndex.Builder b =
        new GeoIndex.Builder()
            .district(district("d", square(LAT, LON, 1_000)))
            .zone(ZoneRecord.of("z", "z", ZoneRecord.YARD, null, square(LAT, LON, 50)))
            .segment(segment("a", line(LAT, LON, LAT + 200 * M_LAT, LON)));
    for (double radius : new double[] {20, 0, -1, Double.NaN, 1e6, Double.POSITIVE_INFINITY}) {
      GeoIndex index = b.segmentRadiusM(radius).build();
      for (double[] p :
          new double[][] {
            {LAT, LON},
            {LAT + 10 * M_LAT, LON + 5 * M_LON},
            {Double.NaN, LON},
            {LAT, Double.POSITIVE_INFINITY},
            {1e12, 1e12}
          }) {
        assertSameAsPlainLoops(index, p[0], p[1], List.of("a"));
      }
    }
  }

  @Test
  void thePieceDistanceIsJtssPointToSegmentToTheBit() {
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 200_000; i++) {
      double scale = Math.pow(10, random.nextInt(-3, 8));
      double ox = 2.3e6 * random.nextInt(2);
      double oy = 6.2e6 * random.nextInt(2);
      Coordinate a =
          new Coordinate(ox + random.nextDouble() * scale, oy + random.nextDouble() * scale);
      Coordinate b =
          switch (random.nextInt(4)) {
            case 0 -> new Coordinate(a.x, a.y); // a repeated vertex
            case 1 -> new Coordinate(a.x, oy + random.nextDouble() * scale); // vertical
            default ->
                new Coordinate(ox + random.nextDouble() * scale, oy + random.nextDouble() * scale);
          };
      Coordinate p =
          new Coordinate(ox + random.nextDouble() * scale, oy + random.nextDouble() * scale);
      assertEquals(
          Double.doubleToRawLongBits(Distance.pointToSegment(p, a, b)),
          Double.doubleToRawLongBits(SegmentShape.pointToSegment(p.x, p.y, a.x, a.y, b.x, b.y)));

      Envelope box = new Envelope(a, b);
      double exact = box.distance(new Envelope(p));
      for (double best :
          new double[] {
            exact,
            Math.nextUp(exact),
            Math.nextDown(exact),
            exact * (1 + 1e-10),
            exact * (1 - 1e-10),
            random.nextDouble() * scale,
            0,
            Double.POSITIVE_INFINITY
          }) {
        assertEquals(
            exact < best,
            SegmentShape.boxCloserThan(
                box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY(), p.x, p.y, best));
      }
    }
  }

  @Test
  void aRouteIsWithinALimitExactlyWhenItsDistanceIs() {
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("a", line(LAT, LON, LAT + 200 * M_LAT, LON)))
            .segment(
                segment("b", line(LAT, LON + 500 * M_LON, LAT + 200 * M_LAT, LON + 500 * M_LON)))
            .build();
    Route route = index.route(List.of("a", "b"), null);
    double nearB = LON + 470 * M_LON; // 30 m west of b, 470 m east of a
    double nearA = LON + 30 * M_LON;

    // b found nearest once; the next fix near b is answered from b alone
    assertEquals(30, index.distanceToRouteM(route, LAT + 100 * M_LAT, nearB), 0.1);
    assertTrue(index.routeWithinM(route, LAT + 110 * M_LAT, nearB, 31));
    assertFalse(index.routeWithinM(route, LAT + 110 * M_LAT, nearB, 29));
    // a fix near a while the hint is b: measured in full
    assertTrue(index.routeWithinM(route, LAT + 100 * M_LAT, nearA, 31));
    for (double lat = LAT; lat <= LAT + 200 * M_LAT; lat += 7 * M_LAT) {
      for (double lon : new double[] {nearA, nearB, LON + 250 * M_LON}) {
        double d = index.distanceToSegmentsM(List.of("a", "b"), lat, lon);
        // exactly at the distance, and just below it: the 1 mm margin sends both to the full loop
        assertTrue(index.routeWithinM(route, lat, lon, d));
        assertFalse(index.routeWithinM(route, lat, lon, Math.nextDown(d)));
      }
    }
  }

  @Test
  void aFixPastTheHintedSegmentIsAnsweredByItsNeighbourInTheList() {
    // a, b, c parallel north-south, 40 m apart in the order b, c, a from west to east; the route
    // lists them a, b, c
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("a", line(LAT, LON + 80 * M_LON, LAT + 200 * M_LAT, LON + 80 * M_LON)))
            .segment(segment("b", line(LAT, LON, LAT + 200 * M_LAT, LON)))
            .segment(segment("c", line(LAT, LON + 40 * M_LON, LAT + 200 * M_LAT, LON + 40 * M_LON)))
            .build();
    Route route = index.route(List.of("a", "b", "c"), null);
    double lat = LAT + 100 * M_LAT;
    assertEquals(0, index.distanceToRouteM(route, lat, LON + 80 * M_LON), 1e-6);
    assertEquals(0, route.nearest(), "a found nearest");
    // 25 m east of b, 15 m west of c: c is nearest, but b, next to the hint, is within 30 m
    assertTrue(index.routeWithinM(route, lat, LON + 25 * M_LON, 30));
    assertEquals(1, route.nearest(), "answered by the hint's neighbour b, not measured in full");
    // 10 m west of b: within 12 m of b alone; a, two places from b, is not asked
    assertTrue(index.routeWithinM(route, lat, LON - 10 * M_LON, 12));
    assertFalse(index.routeWithinM(route, lat, LON - 10 * M_LON, 9));
    // back near a while the hint is b: c (after b) is 35 m off, a (before b) 5 m
    assertTrue(index.routeWithinM(route, lat, LON + 75 * M_LON, 6));
    assertEquals(0, route.nearest(), "the hint's other neighbour a");
  }

  @Test
  void aRouteIsKeptWhileTheIndexAndTheListStay() {
    GeoIndex index =
        new GeoIndex.Builder()
            .segment(segment("a", line(LAT, LON, LAT + 200 * M_LAT, LON)))
            .build();
    List<String> ids = List.of("a");
    Route route = index.route(ids, null);

    assertSame(route, index.route(ids, route));
    assertNotSame(route, index.route(new ArrayList<>(ids), route), "another list is resolved anew");
    GeoIndex rebuilt =
        new GeoIndex.Builder()
            .segment(
                segment("a", line(LAT, LON + 100 * M_LON, LAT + 200 * M_LAT, LON + 100 * M_LON)))
            .build();
    assertNotSame(route, rebuilt.route(ids, route), "another index resolves anew");
  }

  @Test
  void aRouteOfAReplacedIndexIsMeasuredOnTheCurrentOne() {
    List<String> ids = List.of("a");
    Route old =
        new GeoIndex.Builder()
            .segment(segment("a", line(LAT, LON, LAT + 200 * M_LAT, LON)))
            .build()
            .route(ids, null);
    // segment "a" moved 100 m east
    GeoIndex now =
        new GeoIndex.Builder()
            .segment(
                segment("a", line(LAT, LON + 100 * M_LON, LAT + 200 * M_LAT, LON + 100 * M_LON)))
            .build();

    assertEquals(now.distanceToSegmentsM(ids, LAT, LON), now.distanceToRouteM(old, LAT, LON));
    assertEquals(100.0, now.distanceToRouteM(old, LAT, LON), 0.5);
  }

  private static void assertSameAsPlainLoops(
      GeoIndex index, double lat, double lon, List<String> route) {
    String where = lat + ", " + lon + " " + route;
    assertEquals(index.exactDistrictAt(lat, lon), index.districtAt(lat, lon), where);
    for (String kind : List.of(ZoneRecord.YARD, ZoneRecord.DEPOT)) {
      assertEquals(index.exactZonesAt(kind, lat, lon), index.zonesAt(kind, lat, lon), where);
    }
    for (String zone : List.of("z", "z-a", "z-b", "z-c", "none")) {
      assertEquals(index.exactContains(zone, lat, lon), index.contains(zone, lat, lon), where);
    }
    Object exact = outcome(() -> index.exactSegmentAt(lat, lon));
    Object fast = outcome(() -> index.segmentAt(lat, lon));
    assertEquals(exact, fast, where);
    if (exact instanceof SegmentMatch e) {
      assertEquals(
          Double.doubleToRawLongBits(e.distanceM()),
          Double.doubleToRawLongBits(((SegmentMatch) fast).distanceM()),
          where);
    }
    assertEquals(
        Double.doubleToRawLongBits(index.exactDistanceToSegmentsM(route, lat, lon)),
        Double.doubleToRawLongBits(index.distanceToSegmentsM(route, lat, lon)),
        where);
    assertEquals(
        Double.doubleToRawLongBits(index.exactDistanceToSegmentsM(route, lat, lon)),
        Double.doubleToRawLongBits(index.distanceToRouteM(index.route(route, null), lat, lon)),
        "resolved route " + route);
  }

  /**
   * The answer, or the class of the exception: the plain loop throws a NullPointerException for an
   * infinite matching radius and a point at infinity (an infinite distance "ties" with no best),
   * and so does the fast path, which hands such input to it.
   */
  private static Object outcome(java.util.function.Supplier<Object> lookUp) {
    try {
      return lookUp.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  /** Two 2 km squares side by side, sharing the meridian LON. */
  private static GeoIndex twoDistricts() {
    return new GeoIndex.Builder()
        .district(
            district(
                "west",
                rectangle(LAT - 1_000 * M_LAT, LON - 2_000 * M_LON, LAT + 1_000 * M_LAT, LON)))
        .district(
            district(
                "east",
                rectangle(LAT - 1_000 * M_LAT, LON, LAT + 1_000 * M_LAT, LON + 2_000 * M_LON)))
        .build();
  }

  private static DistrictRecord district(String id, JsonNode polygon) {
    ObjectNode multi = JSON.objectNode();
    multi.put("type", "MultiPolygon");
    multi.putArray("coordinates").add(polygon.get("coordinates"));
    return DistrictRecord.of(id, id, "СВАО", multi);
  }

  private static RoadSegmentRecord segment(String id, JsonNode line) {
    return segment(id, 60, line);
  }

  private static RoadSegmentRecord segment(String id, Integer maxspeedKmh, JsonNode line) {
    return RoadSegmentRecord.of(id, id, id, "primary", 2, maxspeedKmh, null, 100, line);
  }

  private static JsonNode square(double lat, double lon, double halfSideM) {
    return rectangle(
        lat - halfSideM * M_LAT,
        lon - halfSideM * M_LON,
        lat + halfSideM * M_LAT,
        lon + halfSideM * M_LON);
  }

  private static JsonNode rectangle(double lat0, double lon0, double lat1, double lon1) {
    ObjectNode polygon = JSON.objectNode();
    polygon.put("type", "Polygon");
    ArrayNode ring = polygon.putArray("coordinates").addArray();
    ring.addArray().add(lon0).add(lat0);
    ring.addArray().add(lon1).add(lat0);
    ring.addArray().add(lon1).add(lat1);
    ring.addArray().add(lon0).add(lat1);
    ring.addArray().add(lon0).add(lat0);
    return polygon;
  }

  private static JsonNode line(double lat0, double lon0, double lat1, double lon1) {
    return lineOf(new double[][] {{lat0, lon0}, {lat1, lon1}});
  }

  private static JsonNode lineOf(double[][] latLon) {
    return GeoIndexEquivalenceTest.lineOf(latLon);
  }
}
