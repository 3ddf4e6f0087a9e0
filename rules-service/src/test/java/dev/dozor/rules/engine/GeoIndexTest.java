package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.geo.GeoIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spatial index the place regulations ask: districts, zones by kind, road segments. */
class GeoIndexTest {
  private static final double LAT = 55.80;
  private static final double LON = 37.60;
  private static final double M = Track.METRES_PER_DEGREE;

  private final GeoIndex index =
      new GeoIndex.Builder()
          .district(Places.squareDistrict("45338000", "СВАО", LAT, LON, 1_000))
          .zone(Places.squareZone("play-1", ZoneRecord.NO_MACHINERY, LAT, LON, 50))
          .zone(Places.squareZone("depot-1", ZoneRecord.DEPOT, LAT + 500 / M, LON, 50))
          .segment(Places.segment("100-0", LAT - 300 / M, LON, 90, 400, 2, 60, "45338000"))
          .build();

  @Test
  void findsTheDistrictAndItsOkrug() {
    assertEquals("45338000", index.districtAt(LAT, LON));
    assertEquals("СВАО", index.okrugOf("45338000"));
    assertNull(index.districtAt(LAT + 1_100 / M, LON));
  }

  @Test
  void findsZonesOfAKindContainingAPointIncludingTheBoundary() {
    assertEquals(List.of("play-1"), index.zonesAt(ZoneRecord.NO_MACHINERY, LAT + 49 / M, LON));
    assertEquals(List.of(), index.zonesAt(ZoneRecord.NO_MACHINERY, LAT + 51 / M, LON));
    assertEquals(List.of(), index.zonesAt(ZoneRecord.DEPOT, LAT, LON));
    assertTrue(index.contains("depot-1", LAT + 500 / M, LON));
  }

  @Test
  void findsTheNearestZoneWithinADistance() {
    // 30 m outside the 50 m half-side of the depot square
    assertEquals("depot-1", index.nearestZone(ZoneRecord.DEPOT, LAT + 420 / M, LON, 31));
    assertNull(index.nearestZone(ZoneRecord.DEPOT, LAT + 420 / M, LON, 29));
  }

  @Test
  void matchesAFixToASegmentWithinTwentyMetres() {
    SegmentMatch on = index.segmentAt(LAT - 300 / M + 19.5 / M, LON + 0.001);
    assertEquals("100-0", on.segmentId());
    assertEquals(60, on.maxspeedKmh());
    assertEquals(2, on.priority());
    assertNull(index.segmentAt(LAT - 300 / M + 20.5 / M, LON + 0.001));
    assertEquals(
        100.0, index.distanceToSegmentsM(List.of("100-0"), LAT - 200 / M, LON + 0.001), 0.5);
  }

  @Test
  void leavesOutAPlaceWhoseGeometryCannotBeUsedAndSaysWhy() {
    ObjectNode notAPolygon = JsonNodeFactory.instance.objectNode().put("type", "Point");
    GeoIndex withBad =
        new GeoIndex.Builder()
            .zone(ZoneRecord.of("bad", "bad", ZoneRecord.YARD, null, notAPolygon))
            .zone(Places.squareZone("ok", ZoneRecord.YARD, LAT, LON, 50))
            .build();

    assertEquals(1, withBad.zoneCount());
    assertTrue(withBad.rejected().get(0).startsWith("zone bad: "));
  }
}
