package dev.dozor.telemetry.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.telemetry.common.DbErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When two requests race past the service's own checks, the database constraints decide; these
 * tests make sure the service recognises them behind Hibernate Reactive and the Vert.x PG client.
 */
@QuarkusTest
class RegistryConstraintsTest {
  private static final List<String> CONSTRAINTS =
      List.of(
          DeviceRepository.TERMINAL_UNIQUE,
          DeviceRepository.HTTP_TOKEN_UNIQUE,
          DeviceRepository.PROFILE_FK);

  @Inject DeviceRepository devices;
  @Inject Pool pool;

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void duplicateTerminalWrittenPastTheCheckIsRecognisedAsTheTerminalConstraint() {
    String vehicle = newId("veh");
    RegistryResourceTest.putVehicle(vehicle, "refuse");
    String terminal = "osm-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("vehicleId", vehicle, "protocol", "osmand", "terminalId", terminal))
        .put("/api/v1/devices/{id}", newId("dev"))
        .then()
        .statusCode(201);

    Device twin = new Device();
    twin.id = newId("dev");
    twin.vehicleId = vehicle;
    twin.protocol = "osmand";
    twin.terminalId = terminal;
    twin.createdAt = Instant.now();
    twin.updatedAt = twin.createdAt;
    Throwable failure =
        assertThrows(
            Throwable.class,
            () ->
                VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> devices.persist(twin))));
    assertEquals(DeviceRepository.TERMINAL_UNIQUE, DbErrors.violated(failure, CONSTRAINTS));
  }

  @Test
  void deletingAProfileADeviceNamesIsRefusedByTheForeignKey() {
    String vehicle = newId("veh");
    String profile = newId("prof");
    RegistryResourceTest.putVehicle(vehicle, "refuse");
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"p\", \"mappings\": []}")
        .put("/api/v1/device-profiles/{id}", profile)
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "vehicleId",
                vehicle,
                "protocol",
                "egts",
                "terminalId",
                DeviceProtocolsResourceTest.randomImei(),
                "profileId",
                profile))
        .put("/api/v1/devices/{id}", newId("dev"))
        .then()
        .statusCode(201);

    Throwable failure =
        assertThrows(
            Throwable.class,
            () ->
                pool.preparedQuery("DELETE FROM telemetry.device_profiles WHERE id = $1")
                    .execute(Tuple.of(profile))
                    .await()
                    .indefinitely());
    assertEquals(DeviceRepository.PROFILE_FK, DbErrors.violated(failure, CONSTRAINTS));
  }
}
