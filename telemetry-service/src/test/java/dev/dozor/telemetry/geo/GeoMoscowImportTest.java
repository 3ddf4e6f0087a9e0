package dev.dozor.telemetry.geo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Moscow okrugs, districts and the SVAO road extract (../shared/data; skipped when absent).
 * Each test imports what it needs; imports are idempotent, so the order does not matter.
 */
@QuarkusTest
class GeoMoscowImportTest {
  private static final String GEO_JSON = "application/geo+json; charset=UTF-8";
  private static final double MAX_SEGMENT_M = 200;

  /** Ways per district according to the data README (its own district property). */
  private static final Map<String, Integer> README_WAYS =
      Map.of("Останкинский", 271, "Бутырский", 236, "Марьина Роща", 52, "Марфино", 27);

  @Inject Pool pool;
  @Inject ObjectMapper mapper;

  private static io.restassured.response.ValidatableResponse post(String kind, byte[] body) {
    return given().contentType(GEO_JSON).body(body).post("/api/v1/geo/" + kind).then();
  }

  private void importBoundaries() {
    post("okrugs", SharedData.file(SharedData.OKRUGS))
        .statusCode(200)
        .body("imported", equalTo(12));
    post("districts", SharedData.file(SharedData.DISTRICTS))
        .statusCode(200)
        .body("features", equalTo(146))
        .body("imported", equalTo(146));
  }

  /** way ids and geometries (GeoJSON text) of the road file. */
  private String[][] ways(byte[] roads) throws Exception {
    JsonNode features = mapper.readTree(roads).get("features");
    String[][] out = new String[2][features.size()];
    for (int i = 0; i < features.size(); i++) {
      out[0][i] = features.get(i).get("properties").get("osm_id").asText();
      out[1][i] = features.get(i).get("geometry").toString();
    }
    return out;
  }

  @Test
  void importsTwelveOkrugsAnd146ValidDistricts() {
    importBoundaries();
    assertEquals(12, TestDb.count(pool, "SELECT count(*) FROM telemetry.okrugs"));
    assertEquals(146, TestDb.count(pool, "SELECT count(*) FROM telemetry.districts"));
    assertEquals(
        17,
        TestDb.count(pool, "SELECT count(*) FROM telemetry.districts WHERE okrug_abbrev = 'СВАО'"));
    assertEquals(
        0,
        TestDb.count(
            pool,
            "SELECT (SELECT count(*) FROM telemetry.districts WHERE NOT ST_IsValid(geom) OR ST_IsEmpty(geom))"
                + " + (SELECT count(*) FROM telemetry.okrugs WHERE NOT ST_IsValid(geom) OR ST_IsEmpty(geom))"));
  }

  @Test
  void reimportingBoundariesAndRoadsGivesTheSameRows() {
    byte[] roads = SharedData.file(SharedData.ROADS);
    importBoundaries();
    post("roads", roads).statusCode(200);
    String fingerprint =
        "SELECT (SELECT count(*) FROM telemetry.okrugs) || '/' || (SELECT count(*) FROM telemetry.districts)"
            + " || '/' || (SELECT md5(string_agg(id || ':' || coalesce(district_id, '-') || ':'"
            + " || round(length_m::numeric, 3) || ':' || ST_AsText(geom), ',' ORDER BY id))"
            + " FROM telemetry.road_segments WHERE id NOT LIKE 'fixture-%')";
    String before = TestDb.query(pool, fingerprint).get(0).getString(0);
    importBoundaries();
    post("roads", roads).statusCode(200).body("imported", equalTo(588));
    assertEquals(before, TestDb.query(pool, fingerprint).get(0).getString(0));
  }

  @Test
  void splitsRoadsIntoSegmentsOfAtMostTheMaxLengthThatAddUpToEachWay() throws Exception {
    byte[] roads = SharedData.file(SharedData.ROADS);
    importBoundaries();
    var result =
        post("roads", roads)
            .statusCode(200)
            .body("kind", equalTo("roads"))
            .body("features", equalTo(588))
            .body("imported", equalTo(588))
            .extract()
            .jsonPath();
    String[][] ways = ways(roads);
    long segments =
        TestDb.count(
            pool,
            "SELECT count(*) FROM telemetry.road_segments WHERE way_id = ANY($1)",
            (Object) ways[0]);
    assertEquals(result.getLong("segments"), segments);
    assertEquals(
        588,
        TestDb.count(
            pool,
            "SELECT count(DISTINCT way_id) FROM telemetry.road_segments WHERE way_id = ANY($1)",
            (Object) ways[0]));
    double longest =
        TestDb.query(
                pool,
                "SELECT max(length_m) FROM telemetry.road_segments WHERE way_id = ANY($1)",
                (Object) ways[0])
            .get(0)
            .getDouble(0);
    assertTrue(longest <= MAX_SEGMENT_M + 0.5, "longest segment " + longest + " m");

    List<Row> mismatched =
        TestDb.query(
            pool,
            """
            SELECT w.way_id, ST_Length(ST_SetSRID(ST_GeomFromGeoJSON(w.g), 4326)::geography) AS way_m,
                   s.sum_m, s.n
            FROM unnest($1::text[], $2::text[]) AS w(way_id, g)
            JOIN (SELECT way_id, sum(length_m) AS sum_m, count(*) AS n
                  FROM telemetry.road_segments GROUP BY way_id) s USING (way_id)
            WHERE abs(s.sum_m - ST_Length(ST_SetSRID(ST_GeomFromGeoJSON(w.g), 4326)::geography))
                  > 0.001 * ST_Length(ST_SetSRID(ST_GeomFromGeoJSON(w.g), 4326)::geography)
               OR s.n <> greatest(1, ceil(ST_Length(ST_SetSRID(ST_GeomFromGeoJSON(w.g), 4326)::geography) / 200))
            """,
            ways[0],
            ways[1]);
    assertTrue(
        mismatched.isEmpty(),
        () ->
            mismatched.size()
                + " ways whose segments do not add up, e.g. way "
                + mismatched.get(0).getString("way_id")
                + ": "
                + mismatched.get(0).getDouble("way_m")
                + " m vs "
                + mismatched.get(0).getDouble("sum_m"));
    System.out.printf(
        "roads: %d ways -> %d segments (%d without district), longest %.2f m%n",
        588, segments, result.getLong("withoutDistrict"), longest);
  }

  @Test
  void waysFallIntoTheFourSvaoDistrictsOfTheReadme() throws Exception {
    byte[] roads = SharedData.file(SharedData.ROADS);
    importBoundaries();
    post("roads", roads).statusCode(200);
    // a way belongs to the district holding most of its length (segment midpoints decide)
    List<Row> rows =
        TestDb.query(
            pool,
            """
            SELECT coalesce(d.name, '(none)') AS district, count(*) AS ways
            FROM (SELECT DISTINCT ON (way_id) way_id, district_id
                  FROM (SELECT way_id, district_id, sum(length_m) AS m
                        FROM telemetry.road_segments WHERE way_id = ANY($1)
                        GROUP BY way_id, district_id) per
                  ORDER BY way_id, m DESC, district_id) major
            LEFT JOIN telemetry.districts d ON d.id = major.district_id
            GROUP BY 1 ORDER BY 2 DESC
            """,
            (Object) ways(roads)[0]);
    Map<String, Long> actual = new HashMap<>();
    rows.forEach(r -> actual.put(r.getString("district"), r.getLong("ways")));
    System.out.println("ways per district (majority of length): " + actual);
    README_WAYS.forEach(
        (district, expected) -> {
          long got = actual.getOrDefault(district, 0L);
          assertTrue(
              Math.abs(got - expected) <= Math.ceil(expected * 0.05),
              district + ": " + got + " ways, README says " + expected + " (±5 %)");
        });
    given()
        .queryParam("district", districtId("Марфино"))
        .get("/api/v1/geo/road-segments")
        .then()
        .statusCode(200)
        .body(
            "features.every { it.properties.districtId == '" + districtId("Марфино") + "' }",
            equalTo(true))
        .body("features.size() > 0", equalTo(true));
  }

  @Test
  void listsDistrictsAndServesOneAsAGeoJsonFeature() {
    importBoundaries();
    String marfino = districtId("Марфино");
    given()
        .get("/api/v1/geo/districts")
        .then()
        .statusCode(200)
        .body("size()", equalTo(146))
        .body("find { it.id == '" + marfino + "' }.okrug", equalTo("СВАО"))
        .body("find { it.id == '" + marfino + "' }.oktmo", equalTo(marfino))
        .body("find { it.id == '" + marfino + "' }.geometry", equalTo(null));
    var feature =
        given()
            .get("/api/v1/geo/districts/{id}", marfino)
            .then()
            .statusCode(200)
            .body("type", equalTo("Feature"))
            .body("properties.name", equalTo("Марфино"))
            .body("geometry.type", equalTo("MultiPolygon"))
            .extract()
            .jsonPath();
    double area = feature.getDouble("properties.areaKm2");
    assertTrue(area > 1 && area < 10, "Марфино is a few km², got " + area);
  }

  private String districtId(String name) {
    return TestDb.query(pool, "SELECT id FROM telemetry.districts WHERE name = $1", name)
        .get(0)
        .getString(0);
  }
}
