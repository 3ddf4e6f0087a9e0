package dev.dozor.telemetry.registry;

import static dev.dozor.telemetry.registry.RegistryFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ContractorRecord;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.VehicleRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vehicles name contractors, districts and depots; the re-publication covers every kind. */
@QuarkusTest
class VehicleReferencesTest {
  @Inject RegistryService registry;

  private static io.restassured.response.ValidatableResponse putVehicle(
      String id, Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).put("/api/v1/vehicles/{id}", id).then();
  }

  @Test
  void referencesAreStoredShownAndPublished() {
    String district = RegistryFixtures.district();
    String contractor = newId("ctr");
    String depot = newId("depot");
    String vehicle = newId("veh");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Подрядчик"))
        .put("/api/v1/contractors/{id}", contractor)
        .then()
        .statusCode(201);
    RegistryFixtures.putZone(depot, "depot");
    var start = RegistryFixtures.registryEnd();

    putVehicle(
            vehicle,
            Map.of(
                "plate", "А123ВС77",
                "type", "plough",
                "contractorId", contractor,
                "homeDistrictId", district,
                "depotZoneId", depot))
        .statusCode(201)
        .body("contractorId", equalTo(contractor))
        .body("homeDistrictId", equalTo(district))
        .body("depotZoneId", equalTo(depot));

    VehicleRecord record =
        JsonSerde.fromBytes(
            RegistryFixtures.published(start, RegistryKeys.vehicle(vehicle), 1).get(0).value(),
            VehicleRecord.class);
    assertEquals(contractor, record.contractorId());
    assertEquals(district, record.homeDistrictId());
    assertEquals(depot, record.depotZoneId());
  }

  @Test
  void unknownReferencesAreRejectedNamingTheField() {
    String vehicle = newId("veh");
    String yard = newId("yard");
    RegistryFixtures.putZone(yard, "yard");
    Map.of(
            "contractorId", newId("nobody"),
            "homeDistrictId", newId("nowhere"),
            "depotZoneId", newId("nozone"))
        .forEach(
            (field, value) ->
                putVehicle(vehicle, Map.of("plate", "A1", "type", "plough", field, value))
                    .statusCode(400)
                    .body("error", equalTo("validation"))
                    .body("field", equalTo(field)));
    putVehicle(vehicle, Map.of("plate", "A1", "type", "plough", "depotZoneId", yard))
        .statusCode(400)
        .body("field", equalTo("depotZoneId"));
    putVehicle(vehicle, Map.of("plate", "A1", "type", "plough", "contractorId", "bad id!"))
        .statusCode(400)
        .body("field", equalTo("contractorId"));
    given().get("/api/v1/vehicles/{id}", vehicle).then().statusCode(404);
  }

  @Test
  void theRepublicationSendsEveryKindOfTheRegistry() throws Throwable {
    String district = RegistryFixtures.district();
    List<String> segments = RegistryFixtures.segments();
    String contractor = newId("ctr");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Подрядчик"))
        .put("/api/v1/contractors/{id}", contractor)
        .then()
        .statusCode(201);
    var start = RegistryFixtures.registryEnd();

    RegistryService.RepublishCount count =
        VertxContextSupport.subscribeAndAwait(() -> registry.republishAll());

    assertTrue(count.contractors() >= 1, count.toString());
    assertTrue(count.districts() >= 146, count.toString());
    assertTrue(count.segments() >= 3, count.toString());
    assertEquals(
        "Подрядчик",
        JsonSerde.fromBytes(
                RegistryFixtures.published(start, RegistryKeys.contractor(contractor), 1)
                    .get(0)
                    .value(),
                ContractorRecord.class)
            .name());
    DistrictRecord d =
        JsonSerde.fromBytes(
            RegistryFixtures.published(start, RegistryKeys.district(district), 1).get(0).value(),
            DistrictRecord.class);
    assertEquals("MultiPolygon", d.geometry().get("type").asText());
    RoadSegmentRecord s =
        JsonSerde.fromBytes(
            RegistryFixtures.published(start, RegistryKeys.segment(segments.get(1)), 1)
                .get(0)
                .value(),
            RoadSegmentRecord.class);
    assertEquals(2, s.priority(), "secondary");
    assertEquals(150.0, s.lengthM(), 0.01);
    assertEquals("LineString", s.geometry().get("type").asText());
  }
}
