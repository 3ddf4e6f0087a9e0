package dev.dozor.telemetry.zone;

import static dev.dozor.telemetry.registry.RegistryFixtures.newId;
import static dev.dozor.telemetry.registry.RegistryFixtures.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.registry.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoneResourceTest {
  @Inject Pool pool;

  private static Map<String, Object> zone(String name, String kind, Object geometry) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", kind);
    body.put("geometry", geometry);
    return body;
  }

  private static io.restassured.response.ValidatableResponse put(String id, Object body) {
    return given().contentType(ContentType.JSON).body(body).put("/api/v1/zones/{id}", id).then();
  }

  /** A bow-tie: the ring crosses itself. */
  private static final Map<String, Object> BOW_TIE =
      Map.of(
          "type",
          "Polygon",
          "coordinates",
          List.of(
              List.of(
                  List.of(30, 60),
                  List.of(30.01, 60.01),
                  List.of(30.01, 60),
                  List.of(30, 60.01),
                  List.of(30, 60))));

  @Test
  void aPolygonIsStoredAsAMultiPolygonServedAsGeoJsonAndPublished() {
    String id = newId("zone");
    var start = RegistryFixtures.registryEnd();
    put(id, zone("Двор 1", "yard", square(30.3, 60.0)))
        .statusCode(201)
        .body("type", equalTo("Feature"))
        .body("id", equalTo(id))
        .body("properties.kind", equalTo("yard"))
        .body("geometry.type", equalTo("MultiPolygon"));
    // about 55.7 m x 111.4 m at 60 N
    var feature = given().get("/api/v1/zones/{id}", id).then().statusCode(200).extract().jsonPath();
    assertEquals(6200, feature.getDouble("properties.areaM2"), 100);
    assertEquals(
        "MULTIPOLYGON",
        TestDb.query(pool, "SELECT GeometryType(geom) AS t FROM telemetry.zones WHERE id = $1", id)
            .get(0)
            .getString("t"));

    put(id, zone("Двор 1 (депо)", "depot", square(30.31, 60.0)))
        .statusCode(200)
        .body("properties.name", equalTo("Двор 1 (депо)"));
    given()
        .queryParam("kind", "depot")
        .get("/api/v1/zones")
        .then()
        .statusCode(200)
        .body("type", equalTo("FeatureCollection"))
        .body("features.id", hasItem(id));
    given()
        .queryParam("kind", "yard")
        .get("/api/v1/zones")
        .then()
        .body("features.id", not(hasItem(id)));

    given().delete("/api/v1/zones/{id}", id).then().statusCode(204);
    given()
        .get("/api/v1/zones/{id}", id)
        .then()
        .statusCode(404)
        .body("error", equalTo("not-found"));
    given().delete("/api/v1/zones/{id}", id).then().statusCode(404);

    var records = RegistryFixtures.published(start, RegistryKeys.zone(id), 3);
    assertEquals(3, records.size());
    ZoneRecord created = JsonSerde.fromBytes(records.get(0).value(), ZoneRecord.class);
    assertEquals("yard", created.kind());
    assertEquals("MultiPolygon", created.geometry().get("type").asText());
    assertEquals("depot", JsonSerde.fromBytes(records.get(1).value(), ZoneRecord.class).kind());
    assertNull(records.get(2).value(), "tombstone");
  }

  @Test
  void invalidZonesAreRejectedNamingTheField() {
    put(newId("zone"), zone("x", "yard", BOW_TIE))
        .statusCode(400)
        .body("field", equalTo("geometry"))
        .body("message", containsString("Self-intersection"));
    put(newId("zone"), zone("x", "parking", square(30.3, 60)))
        .statusCode(400)
        .body("field", equalTo("kind"));
    put(newId("zone"), zone("", "yard", square(30.3, 60)))
        .statusCode(400)
        .body("field", equalTo("name"));
    put(newId("zone"), zone("x", "yard", null)).statusCode(400).body("field", equalTo("geometry"));
    put(
            newId("zone"),
            zone(
                "x",
                "yard",
                Map.of(
                    "type",
                    "LineString",
                    "coordinates",
                    List.of(List.of(30, 60), List.of(31, 60)))))
        .statusCode(400)
        .body("field", equalTo("geometry.type"));
    put(newId("zone"), zone("x", "yard", square(190, 60)))
        .statusCode(400)
        .body("field", equalTo("geometry.coordinates"));
    Map<String, Object> unknownDistrict = zone("x", "yard", square(30.3, 60));
    unknownDistrict.put("districtId", newId("nowhere"));
    put(newId("zone"), unknownDistrict).statusCode(400).body("field", equalTo("districtId"));
    given()
        .queryParam("kind", "parking")
        .get("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("field", equalTo("kind"));
  }

  @Test
  void aZoneWithADistrictKeepsIt() {
    String district = RegistryFixtures.district();
    String id = newId("zone");
    Map<String, Object> body = zone("Рабочая зона", "work-zone", square(37.45, 55.73));
    body.put("districtId", district);
    put(id, body).statusCode(201).body("properties.districtId", equalTo(district));
    given()
        .queryParam("district", district)
        .get("/api/v1/zones")
        .then()
        .body("features.id", hasItem(id));
  }

  @Test
  void aDepotAVehicleUsesCannotBeDeletedNorStopBeingADepot() {
    String depot = newId("depot");
    String yard = newId("yard");
    String vehicle = newId("veh");
    RegistryFixtures.putZone(depot, "depot");
    RegistryFixtures.putZone(yard, "yard");

    assertEquals(201, RegistryFixtures.putVehicle(vehicle, Map.of("depotZoneId", depot)));
    given().get("/api/v1/vehicles/{id}", vehicle).then().body("depotZoneId", equalTo(depot));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("plate", "A1", "type", "plough", "depotZoneId", yard))
        .put("/api/v1/vehicles/{id}", vehicle)
        .then()
        .statusCode(400)
        .body("field", equalTo("depotZoneId"))
        .body("message", containsString("not a depot"));

    given()
        .delete("/api/v1/zones/{id}", depot)
        .then()
        .statusCode(409)
        .body("message", containsString(vehicle));
    put(depot, zone("no longer a depot", "yard", square(30.3, 60)))
        .statusCode(409)
        .body("field", equalTo("kind"));
  }

  @Test
  void importingZonesTwiceGivesTheSameRows() {
    String a = newId("imp");
    String b = newId("imp");
    String file =
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"id":"%s","name":"Склад","kind":"container-site"},
          "geometry":{"type":"Polygon","coordinates":[[[30.4,60],[30.401,60],[30.401,60.001],[30.4,60]]]}},
         {"type":"Feature","id":"%s","properties":{"name":"Снегоплавильный пункт","kind":"snow-melting-station"},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[30.5,60],[30.501,60],[30.501,60.001],[30.5,60]]]]}}]}"""
            .formatted(a, b);
    var start = RegistryFixtures.registryEnd();
    post(file)
        .statusCode(200)
        .body("kind", equalTo("zones"))
        .body("features", equalTo(2))
        .body("imported", equalTo(2))
        .body("created", equalTo(2));
    post(file).statusCode(200).body("imported", equalTo(2)).body("created", equalTo(0));
    assertEquals(
        2,
        TestDb.count(
            pool,
            "SELECT count(*) FROM telemetry.zones WHERE id = ANY($1)",
            (Object) new String[] {a, b}));
    given()
        .get("/api/v1/zones/{id}", b)
        .then()
        .body("properties.kind", equalTo("snow-melting-station"));
    assertEquals(
        2,
        RegistryFixtures.published(start, RegistryKeys.zone(a), 2).size(),
        "published by each import");
  }

  @Test
  void aZoneFileWithOneBadFeatureIsRefusedWhole() {
    String good = newId("imp");
    String badKind =
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"id":"%s","name":"ok","kind":"yard"},
          "geometry":{"type":"Polygon","coordinates":[[[30.4,60],[30.401,60],[30.401,60.001],[30.4,60]]]}},
         {"type":"Feature","properties":{"id":"%s-2","name":"bad","kind":"parking"},
          "geometry":{"type":"Polygon","coordinates":[[[30.4,60],[30.401,60],[30.401,60.001],[30.4,60]]]}}]}"""
            .formatted(good, good);
    post(badKind).statusCode(400).body("field", equalTo("features[1].properties.kind"));
    String badGeometry =
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"id":"%s","name":"ok","kind":"yard"},
          "geometry":{"type":"Polygon","coordinates":[[[30.4,60],[30.401,60],[30.401,60.001],[30.4,60]]]}},
         {"type":"Feature","properties":{"id":"%s-2","name":"bow tie","kind":"yard"},
          "geometry":{"type":"Polygon","coordinates":[[[30,60],[30.01,60.01],[30.01,60],[30,60.01],[30,60]]]}}]}"""
            .formatted(good, good);
    post(badGeometry)
        .statusCode(400)
        .body("field", equalTo("features[1].geometry"))
        .body("message", containsString("Self-intersection"));
    post("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"n\",\"kind\":\"yard\"},\"geometry\":null}]}")
        .statusCode(400)
        .body("field", equalTo("features[0].properties.id"));
    assertEquals(
        0, TestDb.count(pool, "SELECT count(*) FROM telemetry.zones WHERE id LIKE $1", good + "%"));
  }

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given()
        .contentType("application/geo+json; charset=UTF-8")
        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/v1/geo/zones")
        .then();
  }
}
