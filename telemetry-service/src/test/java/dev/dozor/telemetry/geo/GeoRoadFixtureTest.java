package dev.dozor.telemetry.geo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.telemetry.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-made GeoJSON (no real data needed): exact splitting, replacement, errors. */
@QuarkusTest
class GeoRoadFixtureTest {
  private static final String GEO_JSON = "application/geo+json; charset=UTF-8";

  /** Along the meridian 30.3 E from 60.0 N: 450.00 m on the WGS84 ellipsoid (outside Moscow). */
  private static final String LINE_450_M = "[[30.3,60.0],[30.3,60.00403905]]";

  @Inject Pool pool;

  private static String road(String wayId, String coordinates, String extra) {
    return """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"osm_id":"%s","highway":"residential","name":"Тестовая улица"%s},
         "geometry":{"type":"LineString","coordinates":%s}}]}"""
        .formatted(wayId, extra, coordinates);
  }

  private static io.restassured.response.ValidatableResponse post(String kind, String body) {
    return given()
        .contentType(GEO_JSON)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/geo/" + kind)
        .then();
  }

  @Test
  void splitsA450MetreLineIntoThreeSegmentsOf150Metres() {
    String way = "fixture-" + UUID.randomUUID();
    post("roads", road(way, LINE_450_M, ",\"maxspeed\":\"RU:urban\""))
        .statusCode(200)
        .body("kind", equalTo("roads"))
        .body("features", equalTo(1))
        .body("imported", equalTo(1))
        .body("segments", equalTo(3))
        .body("withoutDistrict", equalTo(3));

    List<Row> rows =
        TestDb.query(
            pool,
            "SELECT id, seq, length_m, maxspeed_kmh, category, district_id,"
                + " ST_Y(ST_StartPoint(geom)) AS lat0, ST_Y(ST_EndPoint(geom)) AS lat1"
                + " FROM telemetry.road_segments WHERE way_id = $1 ORDER BY seq",
            way);
    assertEquals(3, rows.size());
    double previousEnd = 60.0;
    for (int i = 0; i < 3; i++) {
      Row r = rows.get(i);
      assertEquals(way + "-" + i, r.getString("id"));
      assertEquals(150.0, r.getDouble("length_m"), 0.01, "segment " + i);
      assertEquals(60, r.getInteger("maxspeed_kmh"));
      assertEquals("residential", r.getString("category"));
      assertEquals(null, r.getString("district_id"));
      assertEquals(previousEnd, r.getDouble("lat0"), 1e-9, "segments are contiguous");
      previousEnd = r.getDouble("lat1");
    }
    assertEquals(60.00403905, previousEnd, 1e-9);
  }

  @Test
  void reimportingAWayReplacesItsSegments() {
    String way = "fixture-" + UUID.randomUUID();
    post("roads", road(way, LINE_450_M, "")).statusCode(200).body("segments", equalTo(3));
    post("roads", road(way, LINE_450_M, "")).statusCode(200).body("segments", equalTo(3));
    assertEquals(
        3,
        TestDb.count(pool, "SELECT count(*) FROM telemetry.road_segments WHERE way_id = $1", way));

    // the way got shorter (about 111 m): its old segments 1 and 2 must go
    post("roads", road(way, "[[30.3,60.0],[30.3,60.001]]", ""))
        .statusCode(200)
        .body("segments", equalTo(1));
    List<Row> rows =
        TestDb.query(
            pool, "SELECT id, length_m FROM telemetry.road_segments WHERE way_id = $1", way);
    assertEquals(1, rows.size());
    assertEquals(way + "-0", rows.get(0).getString("id"));
    assertEquals(111.4, rows.get(0).getDouble("length_m"), 0.5);
  }

  @Test
  void invalidGeoJsonIsRejectedNamingFeatureAndField() {
    String way = "fixture-" + UUID.randomUUID();
    String twoFeatures =
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"osm_id":"%s","highway":"primary"},
          "geometry":{"type":"LineString","coordinates":[[30.3,60.0],[30.3,60.001]]}},
         {"type":"Feature","properties":{"osm_id":"%s-b"},
          "geometry":{"type":"LineString","coordinates":[[30.3,60.0],[30.3,60.001]]}}]}"""
            .formatted(way, way);
    post("roads", twoFeatures)
        .statusCode(400)
        .body("status", equalTo(400))
        .body("error", equalTo("validation"))
        .body("field", equalTo("features[1].properties.highway"))
        .body("message", containsString("highway"));
    // validated before anything is written: the valid first feature was not imported either
    assertEquals(
        0,
        TestDb.count(pool, "SELECT count(*) FROM telemetry.road_segments WHERE way_id = $1", way));

    post("roads", road(way, "[[30.3,60.0],[200.0,60.001]]", ""))
        .statusCode(400)
        .body("field", equalTo("features[0].geometry.coordinates"));
    post(
            "districts",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature",
             "properties":{"OKTMO":"1"},
             "geometry":{"type":"Polygon","coordinates":[[[30,60],[30.1,60],[30,60.1],[30,60]]]}}]}""")
        .statusCode(400)
        .body("field", equalTo("features[0].properties.NAME"));
    post(
            "okrugs",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature",
             "properties":{"NAME":"x","ABBREV":"X","OKATO":"1"},
             "geometry":{"type":"LineString","coordinates":[[30,60],[30.1,60]]}}]}""")
        .statusCode(400)
        .body("field", equalTo("features[0].geometry.type"));
    post("roads", "{not json").statusCode(400).body("error", equalTo("validation"));
  }

  @Test
  void unknownDistrictIs404() {
    given()
        .get("/api/v1/geo/districts/{id}", "no-such-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given()
        .queryParam("district", "no-such-" + UUID.randomUUID())
        .get("/api/v1/geo/road-segments")
        .then()
        .statusCode(404);
  }

  @Test
  void segmentsAreServedAsGeoJson() {
    String way = "fixture-" + UUID.randomUUID();
    post("roads", road(way, LINE_450_M, ",\"maxspeed\":\"40\"")).statusCode(200);
    var json =
        given()
            .get("/api/v1/geo/road-segments")
            .then()
            .statusCode(200)
            .body("type", equalTo("FeatureCollection"))
            .extract()
            .jsonPath();
    String segment = "features.find { it.id == '" + way + "-1' }";
    assertEquals("LineString", json.getString(segment + ".geometry.type"));
    assertEquals(150.0, json.getDouble(segment + ".properties.lengthM"), 0.01);
    assertEquals(way, json.getString(segment + ".properties.wayId"));
    assertEquals(1, json.getInt(segment + ".properties.seq"));
    assertEquals(40, json.getInt(segment + ".properties.maxspeedKmh"));
    assertEquals("residential", json.getString(segment + ".properties.category"));
  }
}
