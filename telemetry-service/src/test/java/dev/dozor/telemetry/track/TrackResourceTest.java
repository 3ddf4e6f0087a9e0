package dev.dozor.telemetry.track;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.position.PositionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrackResourceTest {
  private static final Instant T0 = Instant.parse("2026-04-05T08:00:00Z");

  @Inject PositionService positions;

  private static TelemetryPoint fix(String vehicle, int second, double lat, double lon) {
    return TelemetryPoint.of(
        vehicle,
        "d",
        T0.plusSeconds(second),
        null,
        lat,
        lon,
        12,
        45.0,
        Equipment.plough(second > 0));
  }

  private String registeredVehicleWithFixes() {
    String vehicle = "veh-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "T1", "type", "plough"))
        .put("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(201);
    // stored out of order on purpose: the track is ordered by fix time
    positions
        .store(
            List.of(
                fix(vehicle, 20, 55.3, 37.3),
                fix(vehicle, 0, 55.1, 37.1),
                fix(vehicle, 10, 55.2, 37.2),
                fix(vehicle, 3600, 56.0, 38.0)))
        .await()
        .indefinitely();
    return vehicle;
  }

  @Test
  void trackIsALineStringOfTheFixesInTimeOrderPlusOnePointEach() {
    String vehicle = registeredVehicleWithFixes();

    given()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T08:30:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("type", equalTo("FeatureCollection"))
        .body("features", hasSize(4))
        .body("features[0].geometry.type", equalTo("LineString"))
        .body("features[0].geometry.coordinates[0]", equalTo(List.of(37.1f, 55.1f)))
        .body("features[0].geometry.coordinates[1]", equalTo(List.of(37.2f, 55.2f)))
        .body("features[0].geometry.coordinates[2]", equalTo(List.of(37.3f, 55.3f)))
        .body("features[0].properties.vehicleId", equalTo(vehicle))
        .body("features[0].properties.points", equalTo(3))
        .body("features[1].geometry.type", equalTo("Point"))
        .body("features[1].properties.fixTime", equalTo("2026-04-05T08:00:00Z"))
        .body("features[1].properties.equipment.plough", equalTo(false))
        .body("features[3].properties.equipment.plough", equalTo(true));
  }

  @Test
  void intervalWithoutFixesGivesAnEmptyCollection() {
    String vehicle = registeredVehicleWithFixes();
    given()
        .queryParam("from", "2026-04-04T00:00:00Z")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(200)
        .body("features", hasSize(0));
  }

  @Test
  void badIntervalsAreRejectedNamingTheField() {
    String vehicle = registeredVehicleWithFixes();
    given()
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    given()
        .queryParam("from", "2026-04-05T09:00:00Z")
        .queryParam("to", "2026-04-05T08:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .queryParam("from", "2026-03-01T00:00:00Z")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400);
    given()
        .queryParam("from", "5 April")
        .queryParam("to", "2026-04-05T00:00:00Z")
        .get("/api/v1/vehicles/{id}/track", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
  }

  @Test
  void unknownVehicleIs404() {
    given()
        .queryParam("from", "2026-04-05T08:00:00Z")
        .queryParam("to", "2026-04-05T09:00:00Z")
        .get("/api/v1/vehicles/{id}/track", "veh-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
  }

  @Test
  void vehicleListShowsTheLastState() {
    String vehicle = registeredVehicleWithFixes();
    given()
        .get("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(200)
        .body("lastState.fixTime", equalTo("2026-04-05T09:00:00Z"))
        .body("lastState.lat", equalTo(56.0f))
        .body("lastState.lon", equalTo(38.0f))
        .body("lastState.equipment.plough", equalTo(true));
  }
}
