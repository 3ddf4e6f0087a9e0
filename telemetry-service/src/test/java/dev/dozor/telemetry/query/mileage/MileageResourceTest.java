package dev.dozor.telemetry.query.mileage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.dozor.telemetry.query.QueryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MileageResourceTest {
  private static final Instant T0 = Instant.parse("2025-02-04T06:00:00Z");
  private static final double D100 = QueryFixtures.D100;

  @Inject Pool pool;

  private static String vehicle(String id) {
    return "vehicles.find { it.vehicleId == '" + id + "' }";
  }

  @Test
  void distanceSplitByEquipmentWithJumpsDiscardedAndOdometerDelta() {
    String m1 = QueryFixtures.vehicle("mil", "M1");
    String m2 = QueryFixtures.vehicle("mil", "M2");
    String m3 = QueryFixtures.vehicle("mil", "M3");
    // m1: three fixes 100 m apart on the meridian 37.6, 10 s apart (36 km/h) → 0.2 km;
    //     the first step starts with plough + spreader on (0.1 km on), the second with all off
    //     (0.1 km off); odometer 1000.0 → 1000.25 km
    QueryFixtures.fix(pool, m1, T0, 55.8, 37.6, "{\"plough\":true,\"spreader\":true}", 1000.0);
    QueryFixtures.fix(
        pool, m1, T0.plusSeconds(10), 55.8 + D100, 37.6, "{\"plough\":false}", 1000.1);
    QueryFixtures.fix(pool, m1, T0.plusSeconds(20), 55.8 + 2 * D100, 37.6, null, 1000.25);
    // m2: a 10 km jump east in 10 s (3,600 km/h) between two fixes 100 m apart: discarded,
    //     0.1 km counted from the first fix to the third; no odometer
    QueryFixtures.fix(pool, m2, T0, 55.8, 37.6, "{\"brush\":true}", null);
    QueryFixtures.fix(pool, m2, T0.plusSeconds(10), 55.8, 37.76, "{\"brush\":true}", null);
    QueryFixtures.fix(pool, m2, T0.plusSeconds(20), 55.8 + D100, 37.6, "{\"brush\":true}", null);
    // m3: no fixes

    given()
        .queryParam("from", "2025-02-04T00:00:00Z")
        .queryParam("to", "2025-02-05T00:00:00Z")
        .queryParam("vehicle", m1)
        .queryParam("vehicle", m2 + "," + m3)
        .get("/api/v1/mileage")
        .then()
        .statusCode(200)
        .body("from", equalTo("2025-02-04T00:00:00Z"))
        .body("maxSpeedKmh", equalTo(200.0f))
        .body("vehicles", hasSize(3))
        .body("vehicles[0].vehicleId", equalTo(m1))
        .body(vehicle(m1) + ".plate", equalTo("M1"))
        .body(vehicle(m1) + ".points", equalTo(3))
        .body(vehicle(m1) + ".totalKm", equalTo(0.2f))
        .body(vehicle(m1) + ".equipmentOnKm", equalTo(0.1f))
        .body(vehicle(m1) + ".equipmentOffKm", equalTo(0.1f))
        .body(vehicle(m1) + ".byEquipment.plough", equalTo(0.1f))
        .body(vehicle(m1) + ".byEquipment.spreader", equalTo(0.1f))
        .body(vehicle(m1) + ".byEquipment.brush", equalTo(0.0f))
        .body(vehicle(m1) + ".odometerDeltaKm", equalTo(0.25f))
        .body(vehicle(m1) + ".discardedSteps", equalTo(0))
        .body(vehicle(m2) + ".totalKm", equalTo(0.1f))
        .body(vehicle(m2) + ".equipmentOnKm", equalTo(0.1f))
        .body(vehicle(m2) + ".byEquipment.brush", equalTo(0.1f))
        .body(vehicle(m2) + ".discardedSteps", equalTo(1))
        .body(vehicle(m2) + ".odometerDeltaKm", nullValue())
        .body(vehicle(m3) + ".points", equalTo(0))
        .body(vehicle(m3) + ".totalKm", equalTo(0.0f));

    // the interval is half-open: from 06:00:10 on, m1 has 2 fixes and 0.1 km, all off
    given()
        .queryParam("from", "2025-02-04T06:00:10Z")
        .queryParam("to", "2025-02-04T06:00:21Z")
        .queryParam("vehicle", m1)
        .get("/api/v1/mileage")
        .then()
        .statusCode(200)
        .body("vehicles[0].points", equalTo(2))
        .body("vehicles[0].totalKm", equalTo(0.1f))
        .body("vehicles[0].equipmentOffKm", equalTo(0.1f))
        .body("vehicles[0].odometerDeltaKm", equalTo(0.15f));

    // without vehicles: every vehicle with fixes in the interval
    given()
        .queryParam("from", "2025-02-04T05:00:00Z")
        .queryParam("to", "2025-02-04T07:00:00Z")
        .get("/api/v1/mileage")
        .then()
        .statusCode(200)
        .body(vehicle(m1) + ".totalKm", equalTo(0.2f))
        .body(vehicle(m2) + ".totalKm", equalTo(0.1f))
        .body(vehicle(m3), nullValue());
  }

  @Test
  void unknownVehicleIs404AndBadIntervalsAre400() {
    given()
        .queryParam("from", "2025-02-04T00:00:00Z")
        .queryParam("to", "2025-02-05T00:00:00Z")
        .queryParam("vehicle", "veh-" + UUID.randomUUID())
        .get("/api/v1/mileage")
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given()
        .queryParam("to", "2025-02-05T00:00:00Z")
        .get("/api/v1/mileage")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    given()
        .queryParam("from", "2025-02-05T00:00:00Z")
        .queryParam("to", "2025-02-04T00:00:00Z")
        .get("/api/v1/mileage")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .queryParam("from", "2025-01-01T00:00:00Z")
        .queryParam("to", "2025-03-01T00:00:00Z")
        .get("/api/v1/mileage")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
  }
}
