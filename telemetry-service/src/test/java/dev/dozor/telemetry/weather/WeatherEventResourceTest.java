package dev.dozor.telemetry.weather;

import static dev.dozor.telemetry.registry.RegistryFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.telemetry.registry.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WeatherEventResourceTest {

  private static io.restassured.response.ValidatableResponse put(String id, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/weather-events/{id}", id)
        .then();
  }

  private static Map<String, Object> event(String district, String kind, String at) {
    Map<String, Object> b = new HashMap<>();
    b.put("districtId", district);
    b.put("kind", kind);
    b.put("at", at);
    return b;
  }

  @Test
  void createUpdateGetListDeleteArePublishedWithATombstoneLast() {
    String district = RegistryFixtures.district();
    // a year no other test uses, so the window holds only these events
    String started = newId("wx");
    String ended = newId("wx");
    var start = RegistryFixtures.registryEnd();
    put(started, event(district, "snowfall-started", "2031-12-01T22:00:00Z"))
        .statusCode(201)
        .body("kind", equalTo("snowfall-started"));
    put(ended, event(district, "snowfall-ended", "2031-12-02T05:00:00Z")).statusCode(201);
    Map<String, Object> corrected = event(district, "snowfall-ended", "2031-12-02T04:30:00Z");
    corrected.put("note", "по данным Гидрометцентра");
    put(ended, corrected).statusCode(200).body("at", equalTo("2031-12-02T04:30:00Z"));
    given()
        .get("/api/v1/weather-events/{id}", ended)
        .then()
        .statusCode(200)
        .body("note", equalTo("по данным Гидрометцентра"));

    given()
        .queryParam("district", district)
        .queryParam("from", "2031-12-01T00:00:00Z")
        .queryParam("to", "2031-12-03T00:00:00Z")
        .get("/api/v1/weather-events")
        .then()
        .statusCode(200)
        .body("id", contains(started, ended));
    given()
        .queryParam("district", district)
        .queryParam("from", "2031-12-02T00:00:00Z")
        .queryParam("to", "2031-12-02T04:30:00Z")
        .get("/api/v1/weather-events")
        .then()
        .body("size()", equalTo(0));

    given().delete("/api/v1/weather-events/{id}", ended).then().statusCode(204);
    given().get("/api/v1/weather-events/{id}", ended).then().statusCode(404);
    given().delete("/api/v1/weather-events/{id}", ended).then().statusCode(404);

    var records = RegistryFixtures.published(start, RegistryKeys.weather(ended), 3);
    assertEquals(3, records.size());
    WeatherEventRecord first =
        JsonSerde.fromBytes(records.get(0).value(), WeatherEventRecord.class);
    assertEquals(Instant.parse("2031-12-02T05:00:00Z"), first.at());
    assertEquals(district, first.districtId());
    assertEquals(
        Instant.parse("2031-12-02T04:30:00Z"),
        JsonSerde.fromBytes(records.get(1).value(), WeatherEventRecord.class).at());
    assertNull(records.get(2).value(), "tombstone");
  }

  @Test
  void invalidEventsAreRejectedNamingTheField() {
    String district = RegistryFixtures.district();
    put(newId("wx"), event(newId("nowhere"), "snowfall-started", "2031-01-01T00:00:00Z"))
        .statusCode(400)
        .body("field", equalTo("districtId"));
    put(newId("wx"), event(district, "rain", "2031-01-01T00:00:00Z"))
        .statusCode(400)
        .body("field", equalTo("kind"));
    put(newId("wx"), event(district, "snowfall-ended", null))
        .statusCode(400)
        .body("field", equalTo("at"));
    put(newId("wx"), event(district, "snowfall-ended", "tomorrow"))
        .statusCode(400)
        .body("field", equalTo("at"));
    given()
        .queryParam("to", "soon")
        .get("/api/v1/weather-events")
        .then()
        .statusCode(400)
        .body("field", equalTo("to"));
  }
}
