package dev.dozor.telemetry.query.visits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.dozor.telemetry.query.QueryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoneVisitResourceTest {
  private static final Instant T0 = Instant.parse("2025-02-03T10:00:00Z");
  private static final double IN = 55.705;
  private static final double OUT = 55.695;

  @Inject Pool pool;

  private static Instant min(int m) {
    return T0.plusSeconds(60L * m);
  }

  private static String vehicle(String id) {
    return "vehicles.find { it.vehicleId == '" + id + "' }";
  }

  @Test
  void visitsEndAtTheFirstOutsideFixOrAGapOverTenMinutes() {
    // the zone: lat 55.70–55.71, lon 37.60–37.61; IN is inside, OUT 550 m south of it
    String zone = QueryFixtures.zone(pool, 55.70, 37.60, 55.71, 37.61);
    String a = QueryFixtures.vehicle("zv", "A1");
    String b = QueryFixtures.vehicle("zv", "B1");
    String c = QueryFixtures.vehicle("zv", "C1");
    // a: out 10:00, in 10:01, in 10:02, out 10:03, in 10:04, (11 min gap) in 10:15, in 10:16,
    //    in 10:26 (a gap of exactly 10 min keeps the visit)
    // → 6 fixes inside; visits 10:01–10:02 (2), 10:04–10:04 (1), 10:15–10:26 (3)
    QueryFixtures.fix(pool, a, min(0), OUT, 37.605, null, null);
    QueryFixtures.fix(pool, a, min(1), IN, 37.605, null, null);
    QueryFixtures.fix(pool, a, min(2), IN, 37.606, null, null);
    QueryFixtures.fix(pool, a, min(3), OUT, 37.606, null, null);
    QueryFixtures.fix(pool, a, min(4), IN, 37.607, null, null);
    QueryFixtures.fix(pool, a, min(15), IN, 37.607, null, null);
    QueryFixtures.fix(pool, a, min(16), IN, 37.608, null, null);
    QueryFixtures.fix(pool, a, min(26), IN, 37.608, null, null);
    // b: always outside (east of the zone)
    QueryFixtures.fix(pool, b, min(1), IN, 37.62, null, null);
    QueryFixtures.fix(pool, b, min(2), IN, 37.63, null, null);
    // c: inside only before the interval, and once at its start (from is inclusive)
    QueryFixtures.fix(pool, c, T0.minusSeconds(60), IN, 37.605, null, null);
    QueryFixtures.fix(pool, c, T0, IN, 37.605, null, null);

    given()
        .queryParam("zone", zone)
        .queryParam("from", T0.toString())
        .queryParam("to", "2025-02-03T11:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(200)
        .body("zoneId", equalTo(zone))
        .body("from", equalTo("2025-02-03T10:00:00Z"))
        .body("maxGapS", equalTo(600))
        .body("vehicles", hasSize(2))
        .body(vehicle(a) + ".plate", equalTo("A1"))
        .body(vehicle(a) + ".points", equalTo(6))
        .body(vehicle(a) + ".firstFix", equalTo("2025-02-03T10:01:00Z"))
        .body(vehicle(a) + ".lastFix", equalTo("2025-02-03T10:26:00Z"))
        .body(vehicle(a) + ".visits", hasSize(3))
        .body(vehicle(a) + ".visits[0].enteredAt", equalTo("2025-02-03T10:01:00Z"))
        .body(vehicle(a) + ".visits[0].leftAt", equalTo("2025-02-03T10:02:00Z"))
        .body(vehicle(a) + ".visits[0].points", equalTo(2))
        .body(vehicle(a) + ".visits[1].enteredAt", equalTo("2025-02-03T10:04:00Z"))
        .body(vehicle(a) + ".visits[1].leftAt", equalTo("2025-02-03T10:04:00Z"))
        .body(vehicle(a) + ".visits[2].enteredAt", equalTo("2025-02-03T10:15:00Z"))
        .body(vehicle(a) + ".visits[2].leftAt", equalTo("2025-02-03T10:26:00Z"))
        .body(vehicle(a) + ".visits[2].points", equalTo(3))
        .body(vehicle(b), nullValue())
        .body(vehicle(c) + ".points", equalTo(1))
        .body(vehicle(c) + ".visits[0].enteredAt", equalTo("2025-02-03T10:00:00Z"));

    // an interval ending before 10:04 (to is exclusive) sees only the first visit of a
    given()
        .queryParam("zone", zone)
        .queryParam("from", "2025-02-03T10:00:30Z")
        .queryParam("to", "2025-02-03T10:04:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(200)
        .body("vehicles", hasSize(1))
        .body(vehicle(a) + ".visits", hasSize(1))
        .body(vehicle(a) + ".points", equalTo(2));
  }

  @Test
  void unknownZoneIs404AndBadParametersAre400() {
    given()
        .queryParam("zone", "no-such-zone")
        .queryParam("from", "2025-02-03T10:00:00Z")
        .queryParam("to", "2025-02-03T11:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given()
        .queryParam("from", "2025-02-03T10:00:00Z")
        .queryParam("to", "2025-02-03T11:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(400)
        .body("field", equalTo("zone"));
    given()
        .queryParam("zone", "z")
        .queryParam("from", "2025-02-03T11:00:00Z")
        .queryParam("to", "2025-02-03T11:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .queryParam("zone", "z")
        .queryParam("from", "2025-02-01T00:00:00Z")
        .queryParam("to", "2025-02-09T00:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .queryParam("zone", "z")
        .queryParam("from", "yesterday")
        .queryParam("to", "2025-02-09T00:00:00Z")
        .get("/api/v1/zone-visits")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
  }
}
