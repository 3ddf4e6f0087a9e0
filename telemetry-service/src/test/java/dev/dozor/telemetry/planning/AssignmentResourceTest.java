package dev.dozor.telemetry.planning;

import static dev.dozor.telemetry.registry.RegistryFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.telemetry.registry.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentResourceTest {

  private static io.restassured.response.ValidatableResponse put(String id, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/assignments/{id}", id)
        .then();
  }

  private static Map<String, Object> body(String vehicle, String start, String end) {
    Map<String, Object> b = new HashMap<>();
    b.put("vehicleId", vehicle);
    b.put("shiftStart", start);
    b.put("shiftEnd", end);
    return b;
  }

  private static String vehicle() {
    String id = newId("veh");
    assertEquals(201, RegistryFixtures.putVehicle(id, Map.of()));
    return id;
  }

  @Test
  void createUpdateGetListDeleteArePublishedWithATombstoneLast() {
    String vehicle = vehicle();
    String zone = newId("wz");
    RegistryFixtures.putZone(zone, "work-zone");
    List<String> segments = RegistryFixtures.segments();
    String id = newId("asg");
    var start = RegistryFixtures.registryEnd();

    Map<String, Object> night = body(vehicle, "2024-01-15T23:00:00Z", "2024-01-16T07:00:00Z");
    night.put("zoneId", zone);
    night.put("segmentIds", List.of(segments.get(0), segments.get(1), segments.get(0)));
    night.put("corridorM", 25.0);
    night.put("note", "ночная смена");
    put(id, night)
        .statusCode(201)
        .body("zoneId", equalTo(zone))
        .body("segmentIds", contains(segments.get(0), segments.get(1)))
        .body("shiftStart", equalTo("2024-01-15T23:00:00Z"));

    Map<String, Object> day = body(vehicle, "2024-01-16T08:00:00Z", "2024-01-16T20:00:00Z");
    day.put("segmentIds", List.of(segments.get(2)));
    put(id, day).statusCode(200).body("zoneId", equalTo(null)).body("corridorM", equalTo(null));
    given()
        .get("/api/v1/assignments/{id}", id)
        .then()
        .statusCode(200)
        .body("segmentIds", contains(segments.get(2)));

    String other = newId("asg");
    Map<String, Object> next = body(vehicle, "2024-01-17T08:00:00Z", "2024-01-17T20:00:00Z");
    next.put("zoneId", zone);
    put(other, next).statusCode(201);

    // overlapping the window [10:00, 09:00 next day): the day shift only
    given()
        .queryParam("vehicle", vehicle)
        .queryParam("from", "2024-01-16T10:00:00Z")
        .queryParam("to", "2024-01-17T08:00:00Z")
        .get("/api/v1/assignments")
        .then()
        .statusCode(200)
        .body("id", contains(id));
    given()
        .queryParam("vehicle", vehicle)
        .get("/api/v1/assignments")
        .then()
        .body("id", contains(id, other));
    given()
        .queryParam("from", "2024-01-17T10:00:00Z")
        .queryParam("to", "2024-01-17T09:00:00Z")
        .get("/api/v1/assignments")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
    given()
        .queryParam("from", "yesterday")
        .get("/api/v1/assignments")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));

    // a work zone with an assignment can neither go nor change kind
    given()
        .delete("/api/v1/zones/{id}", zone)
        .then()
        .statusCode(409)
        .body("message", containsString(other));

    given().delete("/api/v1/assignments/{id}", id).then().statusCode(204);
    given().get("/api/v1/assignments/{id}", id).then().statusCode(404);
    given().delete("/api/v1/assignments/{id}", id).then().statusCode(404);

    var records = RegistryFixtures.published(start, RegistryKeys.assignment(id), 3);
    assertEquals(3, records.size());
    AssignmentRecord first = JsonSerde.fromBytes(records.get(0).value(), AssignmentRecord.class);
    assertEquals(Instant.parse("2024-01-15T23:00:00Z"), first.shiftStart());
    assertEquals(List.of(segments.get(0), segments.get(1)), first.segmentIds());
    assertEquals(25.0, first.corridorM());
    assertNull(records.get(2).value(), "tombstone");
  }

  @Test
  void invalidAssignmentsAreRejectedNamingTheField() {
    String vehicle = vehicle();
    List<String> segments = RegistryFixtures.segments();
    String yard = newId("yard");
    RegistryFixtures.putZone(yard, "yard");
    String s = "2024-02-01T06:00:00Z";
    String e = "2024-02-01T14:00:00Z";

    Map<String, Object> ok = body(vehicle, s, e);
    ok.put("segmentIds", segments);

    Map<String, Object> unknownVehicle = new HashMap<>(ok);
    unknownVehicle.put("vehicleId", newId("ghost"));
    put(newId("asg"), unknownVehicle).statusCode(400).body("field", equalTo("vehicleId"));

    Map<String, Object> backwards = new HashMap<>(ok);
    backwards.put("shiftEnd", s);
    put(newId("asg"), backwards).statusCode(400).body("field", equalTo("shiftEnd"));

    Map<String, Object> badTime = new HashMap<>(ok);
    badTime.put("shiftStart", "01.02.2024 06:00");
    put(newId("asg"), badTime).statusCode(400).body("field", equalTo("shiftStart"));

    put(newId("asg"), body(vehicle, s, e)).statusCode(400).body("field", equalTo("segmentIds"));

    Map<String, Object> unknownSegments = new HashMap<>(ok);
    String ghost1 = newId("ghost-seg");
    String ghost2 = newId("ghost-seg");
    unknownSegments.put("segmentIds", List.of(segments.get(0), ghost1, ghost2));
    put(newId("asg"), unknownSegments)
        .statusCode(400)
        .body("field", equalTo("segmentIds"))
        .body("message", containsString(ghost1))
        .body("message", containsString(ghost2));

    for (double corridor : new double[] {0, -5}) {
      Map<String, Object> badCorridor = new HashMap<>(ok);
      badCorridor.put("corridorM", corridor);
      put(newId("asg"), badCorridor).statusCode(400).body("field", equalTo("corridorM"));
    }

    Map<String, Object> notWorkZone = body(vehicle, s, e);
    notWorkZone.put("zoneId", yard);
    put(newId("asg"), notWorkZone)
        .statusCode(400)
        .body("field", equalTo("zoneId"))
        .body("message", containsString("work-zone"));
    notWorkZone.put("zoneId", newId("nozone"));
    put(newId("asg"), notWorkZone).statusCode(400).body("field", equalTo("zoneId"));

    given()
        .get("/api/v1/assignments/{id}", newId("asg"))
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
  }
}
