package dev.dozor.telemetry.geo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.telemetry.registry.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Road imports set the priority and publish segments; a shortened way's lost segments get
 * tombstones.
 */
@QuarkusTest
class GeoPublicationTest {
  private static String road(String wayId, String highway, String coordinates) {
    return """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"osm_id":"%s","highway":"%s"},
         "geometry":{"type":"LineString","coordinates":%s}}]}"""
        .formatted(wayId, highway, coordinates);
  }

  private static void post(String body) {
    given()
        .contentType("application/geo+json; charset=UTF-8")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/geo/roads")
        .then()
        .statusCode(200);
  }

  @Test
  void segmentsArePublishedWithTheirPriorityAndRemovedOnesTombstoned() {
    String way = "fixture-" + UUID.randomUUID();
    var start = RegistryFixtures.registryEnd();
    post(road(way, "primary_link", "[[30.3,60.0],[30.3,60.00403905]]"));
    var json = given().get("/api/v1/geo/road-segments").then().statusCode(200).extract().jsonPath();
    assertEquals(1, json.getInt("features.find { it.id == '" + way + "-2' }.properties.priority"));

    // the way got shorter: one segment stays, two go
    post(road(way, "service", "[[30.3,60.0],[30.3,60.001]]"));
    var first = RegistryFixtures.published(start, RegistryKeys.segment(way + "-0"), 2);
    RoadSegmentRecord before = JsonSerde.fromBytes(first.get(0).value(), RoadSegmentRecord.class);
    RoadSegmentRecord after = JsonSerde.fromBytes(first.get(1).value(), RoadSegmentRecord.class);
    assertEquals(1, before.priority());
    assertEquals(4, after.priority());
    assertEquals(way, after.wayId());
    var removed = RegistryFixtures.published(start, RegistryKeys.segment(way + "-2"), 2);
    assertNotNull(removed.get(0).value());
    assertNull(removed.get(1).value(), "a segment the re-import dropped is tombstoned");
  }
}
