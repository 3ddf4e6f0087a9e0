package dev.dozor.telemetry.track;

import static dev.dozor.telemetry.query.QueryFixtures.D100;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.position.PositionService;
import dev.dozor.telemetry.query.QueryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrackResourceTest {
  private static final Instant T0 = Instant.parse("2026-04-05T08:00:00Z");
  private static final String UP = "{\"plough\":false}";
  private static final String DOWN = "{\"plough\":true,\"spreader\":true}";

  @Inject Pool pool;

  /** Decimals as doubles, so coordinates compare with closeTo. */
  static RequestSpecification api() {
    return given()
        .config(
            RestAssured.config()
                .jsonConfig(jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
  }

  @Inject PositionService positions;

  /**
   * Northwards along the meridian 37.6 from 55.75, 100 m every 10 s: fixes at 0, 10, 20 s plough up
   * (0, 100, 200 m), at 30, 40, 50 s plough down (300, 400, 500 m), then still at 500 m at 80 and
   * 110 s; and one fix an hour later (outside the asked interval). Stored out of order: the track
   * is ordered by fix time.
   */
  private String vehicleWithFixes() {
    String vehicle = QueryFixtures.vehicle("trk", "T1");
    int[] seconds = {110, 0, 30, 10, 50, 20, 40, 80, 3600};
    int[] metres = {500, 0, 300, 100, 500, 200, 400, 500, 9000};
    for (int i = 0; i < seconds.length; i++) {
      QueryFixtures.fix(
          pool,
          vehicle,
          T0.plusSeconds(seconds[i]),
          55.75 + metres[i] / 100 * D100,
          37.6,
          seconds[i] < 30 ? UP : DOWN,
          null);
    }
    return vehicle;
  }

  @Test
  void runsOfEqualEquipmentAsLineStringsPlusStopsAsPoints() {
    String vehicle = vehicleWithFixes();

    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T08:30:00Z")
        .queryParam("stopMinutes", 1)
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("type", equalTo("FeatureCollection"))
        // 30 min ≤ 1 h: unsimplified by default
        .body("summary.toleranceM", equalTo(0))
        .body("summary.points", equalTo(8))
        .body("summary.keptPoints", equalTo(8))
        .body("summary.runs", equalTo(2))
        .body("summary.stops", equalTo(1))
        // 500 m from the first fix to the last
        .body("summary.distanceKm", equalTo(0.5))
        .body("features", hasSize(3))
        .body("features[0].geometry.type", equalTo("LineString"))
        // the plough-up run: its 3 fixes and the first fix of the next run (300 m)
        .body("features[0].geometry.coordinates", hasSize(4))
        .body("features[0].geometry.coordinates[0]", equalTo(List.of(37.6, 55.75)))
        .body("features[0].properties.kind", equalTo("run"))
        .body("features[0].properties.from", equalTo("2026-04-05T08:00:00Z"))
        .body("features[0].properties.to", equalTo("2026-04-05T08:00:20Z"))
        .body("features[0].properties.equipment.plough", equalTo(false))
        .body("features[0].properties.working", equalTo(false))
        .body("features[0].properties.points", equalTo(3))
        .body("features[0].properties.keptPoints", equalTo(4))
        // 0 → 300 m
        .body("features[0].properties.distanceKm", equalTo(0.3))
        .body("features[1].properties.from", equalTo("2026-04-05T08:00:30Z"))
        .body("features[1].properties.to", equalTo("2026-04-05T08:01:50Z"))
        .body("features[1].properties.equipment.plough", equalTo(true))
        .body("features[1].properties.equipment.spreader", equalTo(true))
        .body("features[1].properties.working", equalTo(true))
        .body("features[1].properties.points", equalTo(5))
        // 300 → 500 m, then still
        .body("features[1].properties.distanceKm", equalTo(0.2))
        // still at 500 m from 08:00:50 to 08:01:50
        .body("features[2].geometry.type", equalTo("Point"))
        .body("features[2].geometry.coordinates[1]", closeTo(55.75 + 5 * D100, 1e-7))
        .body("features[2].properties.kind", equalTo("stop"))
        .body("features[2].properties.from", equalTo("2026-04-05T08:00:50Z"))
        .body("features[2].properties.to", equalTo("2026-04-05T08:01:50Z"))
        .body("features[2].properties.durationS", equalTo(60));
  }

  @Test
  void toleranceSimplifiesEachRunKeepingItsEnds() {
    String vehicle = vehicleWithFixes();

    // a straight line: with 5 m only the ends of each run stay (fixes at 0, 30 and 110 s)
    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T08:30:00Z")
        .queryParam("tolerance", 5)
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("summary.keptPoints", equalTo(3))
        .body("features[0].geometry.coordinates", hasSize(2))
        .body("features[1].geometry.coordinates", hasSize(2))
        .body("features[1].geometry.coordinates[1][1]", closeTo(55.75 + 5 * D100, 1e-7))
        // a 60 s stop is shorter than the default 5 minutes
        .body("summary.stops", equalTo(0))
        .body("summary.distanceKm", equalTo(0.5));
  }

  @Test
  void longIntervalsAreSimplifiedByDefault() {
    String vehicle = vehicleWithFixes();
    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T10:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("summary.toleranceM", equalTo(5))
        // the fix at 09:00 too
        .body("summary.points", equalTo(9));
  }

  @Test
  void intervalWithoutFixesGivesAnEmptyCollection() {
    String vehicle = vehicleWithFixes();
    api()
        .queryParam("from", "2026-04-04T00:00:00Z")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("features", hasSize(0))
        .body("summary.points", equalTo(0));
  }

  @Test
  void badParametersAreRejectedNamingTheField() {
    String vehicle = QueryFixtures.vehicle("trk", "T2");
    api()
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    api()
        .queryParam("from", "2026-04-05T09:00:00Z")
        .queryParam("to", "2026-04-05T08:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    api()
        .queryParam("from", "2026-03-01T00:00:00Z")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400);
    api()
        .queryParam("from", "5 April")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T09:00:00Z")
        .queryParam("tolerance", "-1")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("tolerance"));
    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T09:00:00Z")
        .queryParam("stopMinutes", "five")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("stopMinutes"));
  }

  @Test
  void unknownVehicleIs404() {
    api()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T09:00:00Z")
        .get("/api/v1/vehicles/{id}/track", "veh-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
  }

  @Test
  void vehicleListShowsTheLastStoredState() {
    String vehicle = QueryFixtures.vehicle("trk", "T3");
    positions
        .store(
            List.of(
                TelemetryPoint.of(
                    vehicle, "d", T0, null, 55.1, 37.1, 12, 45.0, Equipment.plough(false)),
                TelemetryPoint.of(
                    vehicle,
                    "d",
                    T0.plusSeconds(3600),
                    null,
                    56.0,
                    38.0,
                    12,
                    45.0,
                    Equipment.plough(true))))
        .await()
        .indefinitely();
    api()
        .get("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(200)
        .body("lastState.fixTime", equalTo("2026-04-05T09:00:00Z"))
        .body("lastState.lat", equalTo(56.0))
        .body("lastState.lon", equalTo(38.0))
        .body("lastState.equipment.plough", equalTo(true));
  }
}
