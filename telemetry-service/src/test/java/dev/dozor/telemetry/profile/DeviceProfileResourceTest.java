package dev.dozor.telemetry.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceProfileResourceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final String GALILEO =
      """
      {"name": "Galileo plough truck",
       "mappings": [
         {"channel": "plough", "input": "din3", "inverted": false},
         {"channel": "spreadRateGm2", "input": "ain1", "scale": 0.25, "offset": -10}
       ]}
      """;

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static void putProfile(String id, String body, int status) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/device-profiles/{id}", id)
        .then()
        .statusCode(status);
  }

  @Test
  void profileIsCreatedReadUpdatedListedDeletedAndEveryChangeIsPublished() {
    String id = newId("prof");
    var start = TestKafka.endOffsets(Topics.REGISTRY);

    given()
        .contentType(ContentType.JSON)
        .body(GALILEO)
        .put("/api/v1/device-profiles/{id}", id)
        .then()
        .statusCode(201)
        .body("id", equalTo(id))
        .body("name", equalTo("Galileo plough truck"))
        .body("mappings[0].channel", equalTo("plough"))
        .body("mappings[0].input", equalTo("din3"))
        .body("mappings[1].scale", equalTo(0.25f))
        .body("mappings[1].offset", equalTo(-10.0f))
        .body("mappings[1].threshold", nullValue())
        .body("updatedAt", notNullValue());
    given()
        .get("/api/v1/device-profiles/{id}", id)
        .then()
        .statusCode(200)
        .body("mappings.size()", equalTo(2));

    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"name": "Galileo, sensor inverted",
             "mappings": [{"channel": "plough", "input": "din4", "inverted": true}]}
            """)
        .put("/api/v1/device-profiles/{id}", id)
        .then()
        .statusCode(200)
        .body("mappings.size()", equalTo(1))
        .body("mappings[0].inverted", equalTo(true));
    given().get("/api/v1/device-profiles").then().statusCode(200).body("id", hasItem(id));

    given().delete("/api/v1/device-profiles/{id}", id).then().statusCode(204);
    given().get("/api/v1/device-profiles/{id}", id).then().statusCode(404);
    given().delete("/api/v1/device-profiles/{id}", id).then().statusCode(404);
    given().get("/api/v1/device-profiles").then().body("id", not(hasItem(id)));

    var records =
        TestKafka.readFrom(
            start,
            r -> RegistryKeys.profile(id).equals(r.key()),
            found -> found.size() >= 3,
            DEADLINE);
    assertEquals(3, records.size(), "created, updated, deleted");
    DeviceProfileRecord created =
        JsonSerde.fromBytes(records.get(0).value(), DeviceProfileRecord.class);
    assertEquals(id, created.id());
    assertEquals("Galileo plough truck", created.name());
    assertEquals(
        List.of(
            ChannelMapping.digital("plough", "din3", false),
            ChannelMapping.linear("spreadRateGm2", "ain1", 0.25, -10.0)),
        created.mappings());
    DeviceProfileRecord updated =
        JsonSerde.fromBytes(records.get(1).value(), DeviceProfileRecord.class);
    assertEquals(List.of(ChannelMapping.digital("plough", "din4", true)), updated.mappings());
    assertNull(records.get(2).value(), "a deleted profile ends with a tombstone");
  }

  @Test
  void invalidProfilesAre400NamingTheFieldAndStoreNothing() {
    Map<String, String> bodyToField =
        Map.of(
            "{\"mappings\": []}",
            "name",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"snorkel\", \"input\": \"din1\"}]}",
            "mappings[0].channel",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"plough\", \"input\": \"din1\"},"
                + " {\"channel\": \"plough\", \"input\": \"din2\"}]}",
            "mappings[1].channel",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"spreadRateGm2\", \"input\": \"ain1\","
                + " \"inverted\": true}]}",
            "mappings[0].inverted",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"brush\", \"input\": \"din 2\"}]}",
            "mappings[0].input",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"brush\", \"input\": \"\"}]}",
            "mappings[0].input",
            "{\"name\": \"x\", \"mappings\": [{\"channel\": \"spreadRateGm2\", \"input\": \"ain1\","
                + " \"scale\": 1e400}]}",
            "mappings[0].scale");
    bodyToField.forEach(
        (body, field) -> {
          String id = newId("prof");
          given()
              .contentType(ContentType.JSON)
              .body(body)
              .put("/api/v1/device-profiles/{id}", id)
              .then()
              .statusCode(400)
              .body("error", equalTo("validation"))
              .body("field", equalTo(field))
              .body("message", notNullValue());
          given().get("/api/v1/device-profiles/{id}", id).then().statusCode(404);
        });
  }

  @Test
  void profileInUseCannotBeDeletedUntilNoDeviceNamesIt() {
    String profile = newId("prof");
    String vehicle = newId("veh");
    String device = newId("dev");
    putProfile(profile, GALILEO, 201);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "P1", "type", "plough"))
        .put("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(201);
    String osmandId = "osm-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "vehicleId",
                vehicle,
                "protocol",
                "osmand",
                "terminalId",
                osmandId,
                "profileId",
                profile))
        .put("/api/v1/devices/{id}", device)
        .then()
        .statusCode(201);

    given()
        .delete("/api/v1/device-profiles/{id}", profile)
        .then()
        .statusCode(409)
        .body("error", equalTo("conflict"))
        .body("message", containsString(device));
    given().get("/api/v1/device-profiles/{id}", profile).then().statusCode(200);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", vehicle, "protocol", "osmand", "terminalId", osmandId))
        .put("/api/v1/devices/{id}", device)
        .then()
        .statusCode(200)
        .body("profileId", nullValue());
    given().delete("/api/v1/device-profiles/{id}", profile).then().statusCode(204);
  }
}
