package dev.dozor.telemetry.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TokenHash;
import dev.dozor.events.Topics;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryResourceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static void putVehicle(String id, String type) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "A" + id.hashCode(), "type", type, "district", "North"))
        .put("/api/v1/vehicles/{id}", id)
        .then()
        .statusCode(201);
  }

  @Test
  void registeredVehicleAndDeviceAreListedAndTheDeviceIsPublishedWithTheTokenHashOnly() {
    String vehicle = newId("veh");
    String device = newId("dev");
    String token = "secret-" + UUID.randomUUID();
    putVehicle(vehicle, "sweeper");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", vehicle, "protocol", "http-json", "token", token))
        .put("/api/v1/devices/{id}", device)
        .then()
        .statusCode(201)
        .body("vehicleId", equalTo(vehicle));

    given().get("/api/v1/vehicles").then().statusCode(200).body("id", hasItem(vehicle));
    given()
        .get("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(200)
        .body("type", equalTo("sweeper"))
        .body("district", equalTo("North"))
        .body("lastState", nullValue());
    String devices = given().get("/api/v1/devices").then().statusCode(200).extract().asString();
    assertFalse(devices.contains(token), "device list must not reveal the token");
    assertFalse(devices.contains(TokenHash.sha256Hex(token)), "nor its hash");
    given().get("/api/v1/devices").then().body("id", hasItem(device));

    var published =
        TestKafka.readUntil(
            Topics.REGISTRY,
            r -> RegistryKeys.device(device).equals(r.key()),
            found -> !found.isEmpty(),
            DEADLINE);
    assertEquals(1, published.size(), "one DeviceRecord on the registry topic");
    byte[] value = published.get(0).value();
    DeviceRecord record = JsonSerde.fromBytes(value, DeviceRecord.class);
    assertEquals(vehicle, record.vehicleId());
    assertEquals("http-json", record.protocol());
    assertEquals(TokenHash.sha256Hex(token), record.tokenSha256());
    assertFalse(new String(value, StandardCharsets.UTF_8).contains(token));

    var vehicles =
        TestKafka.readUntil(
            Topics.REGISTRY,
            r -> RegistryKeys.vehicle(vehicle).equals(r.key()),
            found -> !found.isEmpty(),
            DEADLINE);
    assertEquals(
        "sweeper", JsonSerde.fromBytes(vehicles.get(0).value(), VehicleRecord.class).type());
  }

  @Test
  void updatingAVehicleAnswers200WithTheNewValues() {
    String vehicle = newId("veh");
    putVehicle(vehicle, "plough");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "B777", "type", "spreader"))
        .put("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(200)
        .body("plate", equalTo("B777"))
        .body("type", equalTo("spreader"));
  }

  @Test
  void unknownVehicleTypeIsRejectedNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "A1", "type", "submarine"))
        .put("/api/v1/vehicles/{id}", newId("veh"))
        .then()
        .statusCode(400)
        .body("field", equalTo("type"))
        .body("message", not(nullValue()));
  }

  @Test
  void deviceForAnUnknownVehicleIsRejected() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", newId("ghost"), "token", "0123456789abcdef0123"))
        .put("/api/v1/devices/{id}", newId("dev"))
        .then()
        .statusCode(400)
        .body("field", equalTo("vehicleId"));
  }

  @Test
  void shortTokenIsRejected() {
    String vehicle = newId("veh");
    putVehicle(vehicle, "loader");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", vehicle, "token", "short"))
        .put("/api/v1/devices/{id}", newId("dev"))
        .then()
        .statusCode(400)
        .body("field", equalTo("token"));
  }

  @Test
  void unknownVehicleIs404WithAJsonBody() {
    given()
        .get("/api/v1/vehicles/{id}", newId("nobody"))
        .then()
        .statusCode(404)
        .contentType(ContentType.JSON)
        .body("error", equalTo("not-found"));
  }

  @Test
  void malformedJsonIs400WithoutAStackTrace() {
    String body =
        given()
            .contentType(ContentType.JSON)
            .body("{\"plate\": ")
            .put("/api/v1/vehicles/{id}", newId("veh"))
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertFalse(body.contains("Exception"), body);
  }

  @Test
  void deletingADevicePublishesATombstone() {
    String vehicle = newId("veh");
    String device = newId("dev");
    putVehicle(vehicle, "refuse");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", vehicle, "token", "tok-" + UUID.randomUUID()))
        .put("/api/v1/devices/{id}", device)
        .then()
        .statusCode(201);

    given().delete("/api/v1/devices/{id}", device).then().statusCode(204);
    given().delete("/api/v1/devices/{id}", device).then().statusCode(404);

    var records =
        TestKafka.readUntil(
            Topics.REGISTRY,
            r -> RegistryKeys.device(device).equals(r.key()),
            found -> found.size() >= 2,
            DEADLINE);
    assertEquals(2, records.size());
    assertNull(records.get(1).value(), "the last record of a deleted device is a tombstone");
  }
}
