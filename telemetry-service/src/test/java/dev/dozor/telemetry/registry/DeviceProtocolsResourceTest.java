package dev.dozor.telemetry.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TokenHash;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Devices of the protocols that identify themselves by a terminal id, and their profiles. */
@QuarkusTest
class DeviceProtocolsResourceTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Inject RegistryService registry;

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A 15-digit IMEI no other test run is likely to use. */
  static String randomImei() {
    return "35" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
  }

  private static String randomTid() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1, 4_294_967_296L));
  }

  private static String newVehicle() {
    String vehicle = newId("veh");
    RegistryResourceTest.putVehicle(vehicle, "plough");
    return vehicle;
  }

  private static String newProfile() {
    String profile = newId("prof");
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\": \"Wialon plough\", \"mappings\": [{\"channel\": \"plough\","
                + " \"input\": \"din3\"}]}")
        .put("/api/v1/device-profiles/{id}", profile)
        .then()
        .statusCode(201);
    return profile;
  }

  private static Map<String, Object> device(
      String vehicle, String protocol, String terminalId, String... more) {
    Map<String, Object> body = new HashMap<>();
    body.put("vehicleId", vehicle);
    body.put("protocol", protocol);
    body.put("terminalId", terminalId);
    for (int i = 0; i + 1 < more.length; i += 2) {
      body.put(more[i], more[i + 1]);
    }
    return body;
  }

  private static io.restassured.response.ValidatableResponse put(
      String id, Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).put("/api/v1/devices/{id}", id).then();
  }

  private static ConsumerRecord<String, byte[]> lastPublished(
      Map<org.apache.kafka.common.TopicPartition, Long> start, String key, int expected) {
    var records =
        TestKafka.readFrom(
            start, r -> key.equals(r.key()), found -> found.size() >= expected, DEADLINE);
    assertEquals(expected, records.size(), "records published for " + key);
    return records.get(records.size() - 1);
  }

  @Test
  void wialonDeviceWithProfileRoundTripsAndIsPublishedWithThePasswordHashOnly() {
    String vehicle = newVehicle();
    String profile = newProfile();
    String device = newId("dev");
    String imei = randomImei();
    String password = "pw-" + UUID.randomUUID().toString().substring(0, 8);
    var start = TestKafka.endOffsets(Topics.REGISTRY);

    put(device, device(vehicle, "wialon-ips", imei, "password", password, "profileId", profile))
        .statusCode(201)
        .body("id", equalTo(device))
        .body("protocol", equalTo("wialon-ips"))
        .body("terminalId", equalTo(imei))
        .body("profileId", equalTo(profile))
        .body("password", nullValue());
    String shown =
        given()
            .get("/api/v1/devices/{id}", device)
            .then()
            .statusCode(200)
            .body("terminalId", equalTo(imei))
            .body("profileId", equalTo(profile))
            .body("vehicleId", equalTo(vehicle))
            .extract()
            .asString();
    assertFalse(shown.contains(password), "the API never shows the password");
    assertFalse(shown.contains(TokenHash.sha256Hex(password)), "nor its hash");

    var published = lastPublished(start, RegistryKeys.device(device), 1);
    DeviceRecord record = JsonSerde.fromBytes(published.value(), DeviceRecord.class);
    assertEquals(
        DeviceRecord.of(
            device, vehicle, "wialon-ips", TokenHash.sha256Hex(password), imei, profile),
        record);
    assertFalse(new String(published.value(), StandardCharsets.UTF_8).contains(password));
  }

  @Test
  void wialonDeviceWithoutPasswordIsPublishedWithoutHashAndMayShareAPassword() {
    String vehicle = newVehicle();
    String a = newId("dev");
    String b = newId("dev");
    String c = newId("dev");
    var start = TestKafka.endOffsets(Topics.REGISTRY);

    put(a, device(vehicle, "wialon-ips", randomImei())).statusCode(201);
    put(b, device(vehicle, "wialon-ips", randomImei(), "password", "fleet-pw")).statusCode(201);
    put(c, device(vehicle, "wialon-ips", randomImei(), "password", "fleet-pw")).statusCode(201);

    DeviceRecord noPassword =
        JsonSerde.fromBytes(
            lastPublished(start, RegistryKeys.device(a), 1).value(), DeviceRecord.class);
    assertNull(noPassword.tokenSha256(), "no password: the device logs in with NA");
    DeviceRecord shared =
        JsonSerde.fromBytes(
            lastPublished(start, RegistryKeys.device(c), 1).value(), DeviceRecord.class);
    assertEquals(TokenHash.sha256Hex("fleet-pw"), shared.tokenSha256());
  }

  @Test
  void egtsAndOsmandDevicesNeedNoTokenAndArePublishedWithTheirTerminalId() {
    String vehicle = newVehicle();
    String egts = newId("dev");
    String osmand = newId("dev");
    String tid = randomTid();
    String osmandId = "osm-" + UUID.randomUUID();
    var start = TestKafka.endOffsets(Topics.REGISTRY);

    put(egts, device(vehicle, "egts", tid)).statusCode(201).body("terminalId", equalTo(tid));
    put(osmand, device(vehicle, "osmand", osmandId)).statusCode(201);

    DeviceRecord egtsRecord =
        JsonSerde.fromBytes(
            lastPublished(start, RegistryKeys.device(egts), 1).value(), DeviceRecord.class);
    assertEquals(DeviceRecord.of(egts, vehicle, "egts", null, tid, null), egtsRecord);
    DeviceRecord osmandRecord =
        JsonSerde.fromBytes(
            lastPublished(start, RegistryKeys.device(osmand), 1).value(), DeviceRecord.class);
    assertEquals(osmandId, osmandRecord.terminalId());
    assertNull(osmandRecord.tokenSha256());
  }

  @Test
  void duplicateTerminalOfTheSameProtocolIs409NamingTheOwner() {
    String vehicle = newVehicle();
    String owner = newId("dev");
    String intruder = newId("dev");
    String imei = randomImei();
    put(owner, device(vehicle, "egts", imei)).statusCode(201);

    put(intruder, device(vehicle, "egts", imei))
        .statusCode(409)
        .body("error", equalTo("conflict"))
        .body("field", equalTo("terminalId"))
        .body("message", containsString(owner));
    given().get("/api/v1/devices/{id}", intruder).then().statusCode(404);

    // the owner may be saved again with its own terminal, and another protocol may use the same id
    put(owner, device(vehicle, "egts", imei)).statusCode(200);
    put(intruder, device(vehicle, "wialon-ips", imei)).statusCode(201);
  }

  @Test
  void unknownProfileIs400NamingProfileId() {
    String vehicle = newVehicle();
    String device = newId("dev");
    put(device, device(vehicle, "osmand", "osm-" + UUID.randomUUID(), "profileId", newId("ghost")))
        .statusCode(400)
        .body("field", equalTo("profileId"))
        .body("message", containsString("does not exist"));
    given().get("/api/v1/devices/{id}", device).then().statusCode(404);
  }

  @Test
  void invalidProtocolFieldsAre400NamingTheField() {
    String vehicle = newVehicle();
    Map<Map<String, Object>, String> bodyToField =
        Map.of(
            device(vehicle, "teltonika", "123"), "protocol",
            device(vehicle, "egts", "0042"), "terminalId",
            device(vehicle, "egts", "4294967296"), "terminalId",
            device(vehicle, "osmand", null), "terminalId",
            device(vehicle, "osmand", "osm-1", "token", "0123456789abcdef0123"), "token",
            device(vehicle, "wialon-ips", "3563;07"), "terminalId",
            device(vehicle, "wialon-ips", "356307", "password", "a#b"), "password",
            device(vehicle, "http-json", "123", "token", "0123456789abcdef0123"), "terminalId");
    bodyToField.forEach(
        (body, field) ->
            put(newId("dev"), body)
                .statusCode(400)
                .body("error", equalTo("validation"))
                .body("field", equalTo(field)));
  }

  @Test
  void republicationSendsProfilesBeforeTheDevicesThatNameThem() throws Throwable {
    String vehicle = newVehicle();
    String profile = newProfile();
    String device = newId("dev");
    put(device, device(vehicle, "osmand", "osm-" + UUID.randomUUID(), "profileId", profile))
        .statusCode(201);
    var start = TestKafka.endOffsets(Topics.REGISTRY);

    RegistryService.RepublishCount count =
        VertxContextSupport.subscribeAndAwait(() -> registry.republishAll());

    assertTrue(count.profiles() >= 1 && count.devices() >= 1, count.toString());
    var profileRecord = lastPublished(start, RegistryKeys.profile(profile), 1);
    var deviceRecord = lastPublished(start, RegistryKeys.device(device), 1);
    assertEquals(
        profile, JsonSerde.fromBytes(profileRecord.value(), DeviceProfileRecord.class).id());
    assertEquals(
        profile, JsonSerde.fromBytes(deviceRecord.value(), DeviceRecord.class).profileId());
    assertTrue(
        profileRecord.timestamp() <= deviceRecord.timestamp(),
        "the profile was acknowledged before the device was sent");
  }
}
