package dev.dozor.telemetry.coverage;

import static dev.dozor.telemetry.coverage.CoverageFixtures.pass;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.position.PartitionManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coverage on a hand-made fixture: three segments of a district (100, 200 and 300 m) and passes
 * inserted directly. Interval [D 00:00, D+1 00:00), minimal fraction 0.5, look-back 2 h.
 *
 * <ul>
 *   <li>s1 (100 m): plough 02:00–02:01 (0.9) counts; brush D-1 23:30–D 00:05 (0.6) overlaps the
 *       start and counts. Serviced by plough and brush, 2 passes, last 02:01.
 *   <li>s2 (200 m): brush 03:00–03:01 (0.3) is below the minimal fraction; plough+spreader
 *       04:00–04:02 (0.8) counts. Serviced by plough and spreader, 1 pass, last 04:02.
 *   <li>s3 (300 m): plough D-1 12:00 (before the look-back) and D+1 00:00 (the excluded end). Not
 *       serviced.
 * </ul>
 *
 * District: 3 segments, 600 m, serviced s1+s2 = 300 m = 50.0 %; plough 100+200 = 300 m, brush 100
 * m, spreader 200 m. Assignment (segment list [s3] ∪ segments in a zone around s1): 2 segments, 400
 * m, serviced 100 m = 25.0 %.
 */
@QuarkusTest
class CoverageQueryTest {
  @Inject Pool pool;
  @Inject PartitionManager partitions;
  @Inject SegmentPassRepository repo;

  private String district;
  private String s1;
  private String s2;
  private String s3;
  private Instant day;
  private double lon;
  private double lat;

  private final List<String> assignments = new java.util.ArrayList<>();
  private final List<String> zones = new java.util.ArrayList<>();
  private final List<String> vehicles = new java.util.ArrayList<>();

  @AfterEach
  void cleanUp() {
    CoverageFixtures.cleanUp(
        pool, assignments, zones, vehicles, List.of(s1, s2, s3), List.of(district));
  }

  @BeforeEach
  void fixture() {
    String u = UUID.randomUUID().toString();
    district = "d-" + u;
    s1 = "cov-" + u + "-1";
    s2 = "cov-" + u + "-2";
    s3 = "cov-" + u + "-3";
    Random r = new Random(u.hashCode());
    lon = 40 + r.nextDouble() * 10;
    lat = 45 + r.nextDouble() * 5;
    day = LocalDate.now(ZoneOffset.UTC).minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
    CoverageFixtures.district(pool, district, lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01);
    CoverageFixtures.segment(pool, s1, district, 100, lon, lat, lon + 0.001, lat);
    CoverageFixtures.segment(pool, s2, district, 200, lon, lat + 0.002, lon + 0.002, lat + 0.002);
    CoverageFixtures.segment(pool, s3, district, 300, lon, lat + 0.004, lon + 0.003, lat + 0.004);
    String v = "veh-" + u;
    CoverageFixtures.passes(
        partitions,
        repo,
        List.of(
            pass(s1, v, at(2, 0), at(2, 1), "plough", 0.9),
            pass(s1, v, at(-1, 30), at(0, 5), "brush", 0.6),
            pass(s2, v, at(3, 0), at(3, 1), "brush", 0.3),
            pass(s2, v, at(4, 0), at(4, 2), "plough+spreader", 0.8),
            pass(s3, v, day.minusSeconds(12 * 3600), day.minusSeconds(12 * 3600 - 60), "plough", 1),
            pass(s3, v, at(24, 0), at(24, 1), "plough", 1)));
  }

  private Instant at(int hour, int minute) {
    return day.plusSeconds(hour * 3600L + minute * 60L);
  }

  private JsonPath coverage(String query) {
    return given().get("/api/v1/coverage?" + query).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void districtCoverageMatchesTheHandComputedAnswer() {
    JsonPath json =
        coverage("district=" + district + "&from=" + day + "&to=" + day.plusSeconds(86_400));
    assertEquals("FeatureCollection", json.getString("type"));
    assertEquals("district", json.getString("summary.scope"));
    assertEquals(3, json.getInt("summary.segments"));
    assertEquals(2, json.getInt("summary.servicedSegments"));
    assertEquals(600.0, json.getDouble("summary.lengthM"), 1e-9);
    assertEquals(300.0, json.getDouble("summary.servicedLengthM"), 1e-9);
    assertEquals(50.0, json.getDouble("summary.servicedPercent"), 1e-9);
    assertEquals(300.0, json.getDouble("summary.byEquipment.plough"), 1e-9);
    assertEquals(100.0, json.getDouble("summary.byEquipment.brush"), 1e-9);
    assertEquals(200.0, json.getDouble("summary.byEquipment.spreader"), 1e-9);

    assertEquals(List.of(s1, s2, s3), json.getList("features.properties.segmentId"));
    assertEquals(List.of(true, true, false), json.getList("features.properties.serviced"));
    assertEquals(
        List.of(List.of("plough", "brush"), List.of("plough", "spreader"), List.of()),
        json.getList("features.properties.equipment"));
    assertEquals(List.of(2, 1, 0), json.getList("features.properties.passes"));
    assertEquals(at(2, 1).toString(), json.getString("features[0].properties.lastServicedAt"));
    assertEquals(at(4, 2).toString(), json.getString("features[1].properties.lastServicedAt"));
    assertNull(json.get("features[2].properties.lastServicedAt"));
    assertEquals("LineString", json.getString("features[0].geometry.type"));
    assertEquals(lon, json.getDouble("features[0].geometry.coordinates[0][0]"), 1e-5);
  }

  @Test
  void assignmentCoverageIsItsSegmentsAndItsZoneOverItsShift() {
    String u = UUID.randomUUID().toString();
    String vehicle = "veh-" + u;
    String zone = "zone-" + u;
    String assignment = "asg-" + u;
    vehicles.add(vehicle);
    zones.add(zone);
    assignments.add(assignment);
    TestDb.query(
        pool,
        "INSERT INTO telemetry.vehicles (id, plate, type) VALUES ($1, 'А001АА77', 'plough')",
        vehicle);
    // a zone around s1 only (s2 lies 0.002° ≈ 220 m north)
    TestDb.query(
        pool,
        "INSERT INTO telemetry.zones (id, name, kind, geom) VALUES ($1, 'zone', 'work-zone',"
            + " ST_Multi(ST_MakeEnvelope($2, $3, $4, $5, 4326)))",
        zone,
        lon - 0.0005,
        lat - 0.0005,
        lon + 0.0015,
        lat + 0.0005);
    TestDb.query(
        pool,
        "INSERT INTO telemetry.assignments (id, vehicle_id, shift_start, shift_end, zone_id,"
            + " segment_ids) VALUES ($1, $2, $3, $4, $5, $6)",
        assignment,
        vehicle,
        day.atOffset(ZoneOffset.UTC),
        day.plusSeconds(86_400).atOffset(ZoneOffset.UTC),
        zone,
        new String[] {s3});

    JsonPath json = coverage("assignment=" + assignment + "&geometry=false");
    assertEquals("assignment", json.getString("summary.scope"));
    assertEquals(assignment, json.getString("summary.id"));
    assertEquals(day.toString(), json.getString("summary.from"));
    assertEquals(day.plusSeconds(86_400).toString(), json.getString("summary.to"));
    assertEquals(List.of(s1, s3), json.getList("features.properties.segmentId"));
    assertEquals(400.0, json.getDouble("summary.lengthM"), 1e-9);
    assertEquals(100.0, json.getDouble("summary.servicedLengthM"), 1e-9);
    assertEquals(25.0, json.getDouble("summary.servicedPercent"), 1e-9);
    assertNull(json.get("features[0].geometry"));

    // an explicit interval that misses the passes of s1 (02:00, and the one ending 00:05)
    JsonPath later = coverage("assignment=" + assignment + "&from=" + at(3, 0) + "&geometry=false");
    assertEquals(0, later.getInt("summary.servicedSegments"));
  }

  @Test
  void segmentPassesListsTheStoredPassesInStartOrder() {
    given()
        .get("/api/v1/segment-passes?segment=" + s2 + "&from=" + day + "&to=" + at(24, 0))
        .then()
        .statusCode(200)
        .body("", hasSize(2))
        .body("equipment", contains("brush", "plough+spreader"))
        .body("[1].startedAt", equalTo(at(4, 0).toString()))
        .body("[1].endedAt", equalTo(at(4, 2).toString()))
        .body("[1].source", equalTo("test"));
  }

  @Test
  void badRequestsAreAnsweredWithTheFieldAtFault() {
    String range = "&from=" + day + "&to=" + at(24, 0);
    given()
        .get("/api/v1/coverage?from=" + day)
        .then()
        .statusCode(400)
        .body("field", equalTo("district"));
    given()
        .get("/api/v1/coverage?district=" + district + "&assignment=x" + range)
        .then()
        .statusCode(400)
        .body("field", equalTo("assignment"));
    given()
        .get("/api/v1/coverage?district=" + district + "&to=" + day)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    given()
        .get("/api/v1/coverage?district=" + district + "&from=yesterday&to=" + day)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    given()
        .get(
            "/api/v1/coverage?district="
                + district
                + "&from="
                + day
                + "&to="
                + day.plusSeconds(32 * 86_400L))
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .get("/api/v1/coverage?district=" + district + range + "&geometry=maybe")
        .then()
        .statusCode(400)
        .body("field", equalTo("geometry"));
    given()
        .get("/api/v1/coverage?district=no-such-" + UUID.randomUUID() + range)
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given()
        .get("/api/v1/coverage?assignment=no-such-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given()
        .get("/api/v1/segment-passes?from=" + day + "&to=" + at(1, 0))
        .then()
        .statusCode(400)
        .body("field", equalTo("segment"));
    given()
        .get("/api/v1/segment-passes?segment=" + s1 + "&from=" + at(1, 0) + "&to=" + day)
        .then()
        .statusCode(400)
        .body("field", equalTo("to"))
        .body("message", notNullValue());
  }
}
