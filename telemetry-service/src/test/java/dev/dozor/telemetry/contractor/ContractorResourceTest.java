package dev.dozor.telemetry.contractor;

import static dev.dozor.telemetry.registry.RegistryFixtures.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.ContractorRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.registry.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractorResourceTest {

  private static io.restassured.response.ValidatableResponse put(String id, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/contractors/{id}", id)
        .then();
  }

  @Test
  void createUpdateGetListDeleteArePublishedWithATombstoneLast() {
    String id = newId("ctr");
    var start = RegistryFixtures.registryEnd();

    put(id, Map.of("name", "ГБУ Жилищник", "inn", "7701234567", "phone", "+7 (495) 123-45-67"))
        .statusCode(201)
        .body("id", equalTo(id))
        .body("inn", equalTo("7701234567"))
        .body("updatedAt", not(nullValue()));
    put(id, Map.of("name", "ГБУ Жилищник СВАО")).statusCode(200).body("inn", nullValue());
    given()
        .get("/api/v1/contractors/{id}", id)
        .then()
        .statusCode(200)
        .body("name", equalTo("ГБУ Жилищник СВАО"));
    given().get("/api/v1/contractors").then().statusCode(200).body("id", hasItem(id));

    given().delete("/api/v1/contractors/{id}", id).then().statusCode(204);
    given().get("/api/v1/contractors/{id}", id).then().statusCode(404);
    given().delete("/api/v1/contractors/{id}", id).then().statusCode(404);

    var records = RegistryFixtures.published(start, RegistryKeys.contractor(id), 3);
    assertEquals(3, records.size(), "created, updated, deleted");
    ContractorRecord first = JsonSerde.fromBytes(records.get(0).value(), ContractorRecord.class);
    assertEquals("7701234567", first.inn());
    assertEquals(
        "ГБУ Жилищник СВАО",
        JsonSerde.fromBytes(records.get(1).value(), ContractorRecord.class).name());
    assertNull(records.get(2).value(), "a deleted contractor ends with a tombstone");
  }

  @Test
  void invalidFieldsAreRejectedNamingTheField() {
    Map.of(
            Map.of("inn", "7701234567"), "name",
            Map.of("name", "x", "inn", "12345"), "inn",
            Map.of("name", "x", "phone", "call me"), "phone",
            Map.of("name", "x".repeat(201)), "name")
        .forEach(
            (body, field) ->
                put(newId("ctr"), body)
                    .statusCode(400)
                    .body("error", equalTo("validation"))
                    .body("field", equalTo(field)));
    put("bad id!", Map.of("name", "x")).statusCode(400).body("field", equalTo("id"));
  }

  @Test
  void aContractorAVehicleNamesCannotBeDeleted() {
    String contractor = newId("ctr");
    String vehicle = newId("veh");
    put(contractor, Map.of("name", "Автодор")).statusCode(201);
    var start = RegistryFixtures.registryEnd();
    assertEquals(201, RegistryFixtures.putVehicle(vehicle, Map.of("contractorId", contractor)));
    given().get("/api/v1/vehicles/{id}", vehicle).then().body("contractorId", equalTo(contractor));
    VehicleRecord published =
        JsonSerde.fromBytes(
            RegistryFixtures.published(start, RegistryKeys.vehicle(vehicle), 1).get(0).value(),
            VehicleRecord.class);
    assertEquals(contractor, published.contractorId());

    given()
        .delete("/api/v1/contractors/{id}", contractor)
        .then()
        .statusCode(409)
        .body("error", equalTo("conflict"))
        .body("message", containsString(vehicle));

    // once the vehicle no longer names it, it can go
    assertEquals(200, RegistryFixtures.putVehicle(vehicle, Map.of()));
    given().delete("/api/v1/contractors/{id}", contractor).then().statusCode(204);
  }
}
