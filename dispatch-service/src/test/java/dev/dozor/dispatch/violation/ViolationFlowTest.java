package dev.dozor.dispatch.violation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.dispatch.TestKafka;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.Topics;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ViolationFlowTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  static RequestSpecification dispatcher() {
    return given().auth().preemptive().basic("dispatcher", "dozor-demo");
  }

  static ViolationEvent event(
      String vehicle, String regulation, Instant start, ViolationStatus status, int seconds) {
    Instant at = start.plusSeconds(seconds);
    return new ViolationEvent(
        SchemaVersions.VIOLATION_EVENT,
        ViolationEvent.episodeId(regulation, vehicle, start),
        regulation,
        1,
        "Plough raised above speed limit",
        "HIGH",
        vehicle,
        status,
        start,
        status == ViolationStatus.CLOSED ? at : null,
        at,
        Map.of("speedLimitKmh", 40.0),
        Map.of("maxSpeedKmh", 40.0 + seconds, "durationS", (double) seconds),
        List.of(new EvidencePoint(at, 55.75, 37.61, 40.0 + seconds)));
  }

  static List<Violation> violationsOf(String vehicle) {
    return List.of(
        dispatcher()
            .queryParam("vehicleId", vehicle)
            .get("/api/v1/violations")
            .then()
            .statusCode(200)
            .extract()
            .as(Violation[].class));
  }

  private static Instant recentStart() {
    return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
  }

  @Test
  void closedEpisodeStaysClosedAndIsStoredOnce() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant start = recentStart();
    ViolationEvent opened = event(vehicle, "SPD-001", start, ViolationStatus.OPENED, 10);
    TestKafka.send(Topics.VIOLATIONS, vehicle, opened);
    TestKafka.send(
        Topics.VIOLATIONS, vehicle, event(vehicle, "SPD-001", start, ViolationStatus.CLOSED, 90));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<Violation> found = violationsOf(vehicle);
              assertEquals(1, found.size());
              assertEquals(ViolationStatus.CLOSED, found.get(0).status());
            });

    // a re-delivered OPENED, then a marker event behind it on the same partition (same key)
    TestKafka.send(Topics.VIOLATIONS, vehicle, opened);
    Instant markerStart = start.plusSeconds(600);
    TestKafka.send(
        Topics.VIOLATIONS,
        vehicle,
        event(vehicle, "SPD-002", markerStart, ViolationStatus.OPENED, 5));
    await().atMost(DEADLINE).until(() -> violationsOf(vehicle).size() == 2);

    Violation v =
        violationsOf(vehicle).stream()
            .filter(x -> x.regulationId().equals("SPD-001"))
            .findFirst()
            .orElseThrow();
    assertEquals(ViolationStatus.CLOSED, v.status());
    assertEquals(130.0, v.measurements().get("maxSpeedKmh"));
    assertEquals(start.plusSeconds(90), v.endedAt());
    assertEquals(1, v.evidence().size());
    assertEquals(opened.violationId(), v.id());
  }

  @Test
  void filtersByStatusRegulationAndStartTime() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant early = recentStart();
    Instant late = early.plusSeconds(1800);
    TestKafka.send(
        Topics.VIOLATIONS, vehicle, event(vehicle, "SPD-001", early, ViolationStatus.CLOSED, 30));
    TestKafka.send(
        Topics.VIOLATIONS, vehicle, event(vehicle, "BRS-002", late, ViolationStatus.UPDATED, 30));
    await().atMost(DEADLINE).until(() -> violationsOf(vehicle).size() == 2);

    // newest first
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("BRS-002", "SPD-001")));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("status", "active")
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("BRS-002")));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("status", "CLOSED")
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("SPD-001")));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("regulationId", "SPD-001")
        .get("/api/v1/violations")
        .then()
        .body("$", hasSize(1));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("from", early.plusSeconds(60).toString())
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("BRS-002")));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("to", early.plusSeconds(60).toString())
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("SPD-001")));
    dispatcher()
        .queryParam("vehicleId", vehicle)
        .queryParam("limit", "1")
        .get("/api/v1/violations")
        .then()
        .body("regulationId", equalTo(List.of("BRS-002")));
  }

  @Test
  void unparseableFromIsA400NamingTheParameter() {
    dispatcher()
        .queryParam("from", "yesterday")
        .get("/api/v1/violations")
        .then()
        .statusCode(400)
        .contentType(ContentType.JSON)
        .body("field", equalTo("from"))
        .body("error", containsString("ISO-8601"));
  }

  @Test
  void acknowledgesOnceThenConflicts() {
    String vehicle = "veh-" + UUID.randomUUID();
    ViolationEvent opened = event(vehicle, "SPD-001", recentStart(), ViolationStatus.OPENED, 10);
    TestKafka.send(Topics.VIOLATIONS, vehicle, opened);
    await().atMost(DEADLINE).until(() -> violationsOf(vehicle).size() == 1);
    String id = opened.violationId();

    dispatcher()
        .contentType(ContentType.JSON)
        .body("{\"comment\":\"crew called\"}")
        .post("/api/v1/violations/{id}/acknowledge", id)
        .then()
        .statusCode(200)
        .body("acknowledgedBy", equalTo("dispatcher"))
        .body("acknowledgedAt", notNullValue())
        .body("ackComment", equalTo("crew called"));
    dispatcher()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/violations/{id}/acknowledge", id)
        .then()
        .statusCode(409)
        .body("error", containsString("already acknowledged"));

    // a later event of the rules service keeps the acknowledgement
    TestKafka.send(
        Topics.VIOLATIONS,
        vehicle,
        event(vehicle, "SPD-001", opened.startedAt(), ViolationStatus.CLOSED, 60));
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                dispatcher()
                    .get("/api/v1/violations/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CLOSED"))
                    .body("acknowledgedBy", equalTo("dispatcher"))
                    .body("ackComment", equalTo("crew called")));
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    String poisonKey = "veh-" + UUID.randomUUID();
    try (var dlq = TestKafka.tail(Topics.deadLetter(Topics.VIOLATIONS))) {
      TestKafka.sendRaw(
          Topics.VIOLATIONS,
          poisonKey,
          "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      var dead = TestKafka.awaitKey(dlq, poisonKey, DEADLINE);
      org.junit.jupiter.api.Assertions.assertNotNull(dead, "poison record dead-lettered");
      org.junit.jupiter.api.Assertions.assertNotNull(
          dead.headers().lastHeader("dead-letter-reason"));
    }
    // the same partition (same key) still processes good records after the poison one
    ViolationEvent good = event(poisonKey, "SPD-001", recentStart(), ViolationStatus.OPENED, 10);
    TestKafka.send(Topics.VIOLATIONS, poisonKey, good);
    await().atMost(DEADLINE).until(() -> violationsOf(poisonKey).size() == 1);
  }

  @Test
  void unknownIdIsA404() {
    String id = UUID.randomUUID().toString();
    dispatcher()
        .get("/api/v1/violations/{id}", id)
        .then()
        .statusCode(404)
        .body("field", equalTo("id"));
    dispatcher()
        .contentType(ContentType.JSON)
        .post("/api/v1/violations/{id}/acknowledge", id)
        .then()
        .statusCode(404);
  }

  @Test
  void withoutCredentialsEverythingButHealthIsA401() {
    given().get("/api/v1/violations").then().statusCode(401);
    given().get("/api/v1/board/positions").then().statusCode(401);
    given().get("/").then().statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("dispatcher", "wrong")
        .get("/api/v1/violations")
        .then()
        .statusCode(401);
    given().get("/q/health/live").then().statusCode(200);
  }
}
