package dev.dozor.telemetry.query.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.query.QueryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FleetSnapshotResourceTest {
  private static final Instant T = Instant.parse("2025-02-05T12:00:00Z");

  @Inject Pool pool;

  private static String feature(String vehicle) {
    return "features.find { it.properties.vehicleId == '" + vehicle + "' }";
  }

  @Test
  void lastFixAtOrBeforeTheTimeWithinMaxAgePerVehicle() {
    String s1 = QueryFixtures.vehicle("snap", "S1");
    String s2 = QueryFixtures.vehicle("snap", "S2");
    String s3 = QueryFixtures.vehicle("snap", "S3");
    // s1: fixes 2 h and 1 h before T and 1 h after; s2: 30 h before (yesterday's partition)
    QueryFixtures.fix(pool, s1, T.minusSeconds(7200), 55.70, 37.50, null, null);
    QueryFixtures.fix(pool, s1, T.minusSeconds(3600), 55.71, 37.51, "{\"plough\":true}", null);
    QueryFixtures.fix(pool, s1, T.plusSeconds(3600), 55.72, 37.52, null, null);
    QueryFixtures.fix(pool, s2, T.minusSeconds(30 * 3600), 55.80, 37.60, null, null);

    var body =
        given()
            .queryParam("at", T.toString())
            .get("/api/v1/fleet/snapshot")
            .then()
            .statusCode(200)
            .body("type", equalTo("FeatureCollection"))
            .body("summary.at", equalTo("2025-02-05T12:00:00Z"))
            .body("summary.maxAge", equalTo("PT24H"))
            .body("summary.source", equalTo("positions"))
            .body("summary.vehicles", greaterThanOrEqualTo(3))
            // the fix of 11:00, an hour old
            .body(feature(s1) + ".geometry.type", equalTo("Point"))
            .body(feature(s1) + ".geometry.coordinates", equalTo(List.of(37.51f, 55.71f)))
            .body(feature(s1) + ".properties.plate", equalTo("S1"))
            .body(feature(s1) + ".properties.type", equalTo("plough"))
            .body(feature(s1) + ".properties.fixTime", equalTo("2025-02-05T11:00:00Z"))
            .body(feature(s1) + ".properties.ageS", equalTo(3600.0f))
            .body(feature(s1) + ".properties.speedKmh", equalTo(10.0f))
            .body(feature(s1) + ".properties.equipment.plough", equalTo(true))
            // 30 h old: beyond the default 24 h; no fix at all: absent
            .body(feature(s2), nullValue())
            .body(feature(s3), nullValue());

    given()
        .queryParam("at", T.toString())
        .queryParam("maxAge", "PT48H")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(200)
        .body(feature(s2) + ".properties.fixTime", equalTo("2025-02-04T06:00:00Z"))
        .body(feature(s2) + ".properties.ageS", equalTo(108000.0f));

    // at exactly the fix time the fix counts
    given()
        .queryParam("at", "2025-02-05T13:00:00Z")
        .queryParam("maxAge", "PT1S")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(200)
        .body(feature(s1) + ".properties.fixTime", equalTo("2025-02-05T13:00:00Z"))
        .body(feature(s1) + ".properties.ageS", equalTo(0.0f));
  }

  @Test
  void withoutATimeTheLatestStateIsShown() {
    String s4 = QueryFixtures.vehicle("snap", "S4");
    Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    TestDb.query(
        pool,
        "INSERT INTO telemetry.vehicle_state (vehicle_id, fix_time, geom, speed_kmh, equipment)"
            + " VALUES ($1, $2, ST_SetSRID(ST_MakePoint(37.3, 55.6), 4326), 5, '{}'::jsonb)",
        s4,
        recent.atOffset(ZoneOffset.UTC));

    given()
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(200)
        .body("summary.source", equalTo("vehicle_state"))
        .body(feature(s4) + ".geometry.coordinates", equalTo(List.of(37.3f, 55.6f)))
        .body(feature(s4) + ".properties.fixTime", equalTo(recent.toString()))
        .body(feature(s4) + ".properties.ageS", greaterThanOrEqualTo(60.0f));
    // older than maxAge: left out
    given()
        .queryParam("maxAge", "PT30S")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(200)
        .body(feature(s4), nullValue());
  }

  @Test
  void badTimesAndAgesAre400NamingTheField() {
    given()
        .queryParam("at", "noon")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(400)
        .body("field", equalTo("at"));
    given()
        .queryParam("at", T.toString())
        .queryParam("maxAge", "24h")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(400)
        .body("field", equalTo("maxAge"));
    given()
        .queryParam("at", T.toString())
        .queryParam("maxAge", "P60D")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(400)
        .body("field", equalTo("maxAge"));
    given()
        .queryParam("at", T.toString())
        .queryParam("maxAge", "-PT1H")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(400)
        .body("field", equalTo("maxAge"))
        .body("features", nullValue());
  }

  @Test
  void registeredVehicleCountIsInTheSummary() {
    QueryFixtures.vehicle("snap", "S5");
    given()
        .queryParam("at", "2000-01-01T00:00:00Z")
        .get("/api/v1/fleet/snapshot")
        .then()
        .statusCode(200)
        .body("summary.vehicles", greaterThanOrEqualTo(1))
        .body("summary.withPosition", equalTo(0))
        .body("features", hasSize(0));
  }
}
