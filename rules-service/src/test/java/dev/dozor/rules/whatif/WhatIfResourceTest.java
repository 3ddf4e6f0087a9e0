package dev.dozor.rules.whatif;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "If we raise the plough limit to 55, what changes?" through REST, over streamed telemetry. */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
@QuarkusTestResource(value = TelemetryExportStandIn.class, restrictToAnnotatedClass = true)
class WhatIfResourceTest {
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  @Test
  void aCandidateWithAHigherLimitRemovesTheViolationOfA50KmhPlough() throws Exception {
    TelemetryExportStandIn.POINTS.clear();
    for (int s = 0; s <= 100; s += 5) {
      TelemetryExportStandIn.POINTS.add(
          TelemetryPoint.of(
              "plough-50",
              "dev-1",
              T0.plusSeconds(s),
              T0.plusSeconds(s + 1),
              55.70 + s * 0.00012,
              37.62,
              s < 100 ? 50 : 10,
              0.0,
              Equipment.plough(true)));
    }
    int version =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "author", "ivanova",
                    "comment", "what if 55",
                    "parameters", Map.of("speedLimitKmh", 55)))
            .post("/api/v1/regulations/SPD-001/versions")
            .then()
            .statusCode(201)
            .extract()
            .path("version");

    String location =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "regulationId", "SPD-001",
                    "version", version,
                    "district", "45338000",
                    "from", "2026-01-15T00:00:00Z",
                    "to", "2026-01-16T00:00:00Z",
                    "requestedBy", "ivanova"))
            .post("/api/v1/whatif")
            .then()
            .statusCode(202)
            .body("status", equalTo("RUNNING"))
            .extract()
            .header("Location");

    JsonPath done = awaitFinished(location);
    assertEquals("DONE", done.getString("status"));
    assertEquals(21, done.getInt("points"));
    assertEquals(1, done.getInt("vehiclesInExport"));
    assertEquals(100.0, done.getDouble("progressPct"));
    Map<String, Object> spd = done.getMap("regulations.find { it.regulationId == 'SPD-001' }");
    assertEquals(1, spd.get("active"));
    assertEquals(0, spd.get("candidate"));
    assertEquals(1, spd.get("removed"));
    assertTrue(
        TelemetryExportStandIn.QUERIES.stream()
            .anyMatch(
                q -> q.contains("district=45338000") && q.contains("from=2026-01-15T00:00:00Z")));
  }

  @Test
  void aRefusedExportFailsTheReplayWithTelemetryServicesReason() throws Exception {
    String location =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "regulationId", "SPD-001",
                    "version", 1,
                    "district", "unknown",
                    "from", "2026-01-15T00:00:00Z",
                    "to", "2026-01-16T00:00:00Z"))
            .post("/api/v1/whatif")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");

    JsonPath failed = awaitFinished(location);
    assertEquals("FAILED", failed.getString("status"));
    assertTrue(failed.getString("error").contains("404"), failed.getString("error"));
  }

  @Test
  void aRequestWithoutAPeriodOrAnUnknownVersionIsRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("regulationId", "SPD-001", "version", 1, "district", "45338000"))
        .post("/api/v1/whatif")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "regulationId", "SPD-001",
                "version", 999,
                "district", "45338000",
                "from", "2026-01-15T00:00:00Z",
                "to", "2026-01-16T00:00:00Z"))
        .post("/api/v1/whatif")
        .then()
        .statusCode(404)
        .body("error", startsWith("regulation SPD-001 has no version 999"));
  }

  private static JsonPath awaitFinished(String location) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
      if (!"RUNNING".equals(job.getString("status"))) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("what-if replay still running after 60 s: " + job.prettify());
      }
      Thread.sleep(200);
    }
  }
}
