package dev.dozor.gateway.osmand;

import static dev.dozor.gateway.KafkaTestSupport.awaitPoints;
import static dev.dozor.gateway.KafkaTestSupport.publishRegistry;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.registry.DeviceRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OsmAnd port against the real broker: devices and profiles come from the registry topic,
 * accepted positions are read back from the telemetry topic.
 */
@QuarkusTest
class OsmAndServerTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Inject OsmAndServer server;
  @Inject DeviceRegistry registry;

  private String terminalId;
  private String deviceId;
  private String vehicleId;
  private Instant t0;

  @BeforeEach
  void registerDevice() throws Exception {
    terminalId = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
    deviceId = UUID.randomUUID().toString();
    vehicleId = UUID.randomUUID().toString();
    t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    register(null);
  }

  private void register(String profileId) throws Exception {
    publishRegistry(
        RegistryKeys.device(deviceId),
        DeviceRecord.of(deviceId, vehicleId, DeviceRecord.OSMAND, null, terminalId, profileId));
    await(
        () ->
            registry
                .byTerminal(DeviceRecord.OSMAND, terminalId)
                .map(d -> java.util.Objects.equals(d.profileId(), profileId))
                .orElse(false),
        "device " + terminalId + " to be known");
  }

  @Test
  void acceptsQueryFormOnlyAfterKafkaStoredIt() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();

    HttpResponse<String> response =
        get(
            "/?id="
                + terminalId
                + "&lat=55.7558&lon=37.6173&timestamp="
                + t0.getEpochSecond()
                + "&speed=10&bearing=90&altitude=150&batt=80.5&din1=1");

    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(deviceId, p.deviceId());
    assertEquals(t0, p.fixTime());
    assertEquals(55.7558, p.lat());
    assertEquals(37.6173, p.lon());
    assertEquals(18.52, p.speedKmh(), 1e-9);
    assertEquals(90.0, p.headingDeg());
    assertEquals(Equipment.NONE, p.equipment());
    assertEquals(Map.of("altitude", "150", "batt", "80.5", "din1", "1"), p.attributes());
    assertNotNull(p.receivedAt());

    int accepted =
        given()
            .get("/api/v1/stats")
            .then()
            .statusCode(200)
            .extract()
            .path("protocols.osmand.acceptedPoints");
    assertTrue(accepted >= 1, "the stats endpoint counts accepted OsmAnd points");
  }

  @Test
  void acceptsPostedForm() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    String form =
        "deviceid=" + terminalId + "&lat=55.1&lon=37.2&timestamp=" + t0.toEpochMilli() + "&sat=7";

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

    assertEquals(200, response.statusCode());
    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(55.1, p.lat());
    assertEquals(Map.of("sats", "7"), p.attributes());
  }

  @Test
  void acceptsTraccarClientJson() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    String body =
        "{\"location\":{\"timestamp\":\""
            + t0
            + "\",\"coords\":{\"latitude\":55.75,\"longitude\":37.61,\"accuracy\":4.5,"
            + "\"speed\":10,\"heading\":158.5,\"altitude\":103},\"is_moving\":true,"
            + "\"odometer\":15250,\"event\":\"motionchange\","
            + "\"battery\":{\"level\":0.88,\"is_charging\":false},"
            + "\"activity\":{\"type\":\"in_vehicle\"},\"extras\":{}},"
            + "\"device_id\":\""
            + terminalId
            + "\"}";

    HttpResponse<String> response = postJson(body);

    assertEquals(200, response.statusCode());
    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(t0, p.fixTime());
    assertEquals(36.0, p.speedKmh(), 1e-9);
    assertEquals(158.5, p.headingDeg());
    assertEquals(15.25, p.odometerKm());
    assertEquals(
        Map.of(
            "accuracy", "4.5",
            "altitude", "103",
            "batt", "88",
            "charge", "0",
            "is_moving", "1",
            "event", "motionchange",
            "activity", "in_vehicle"),
        p.attributes());
  }

  @Test
  void appliesTheDeviceProfileEndToEnd() throws Exception {
    String profileId = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.profile(profileId),
        DeviceProfileRecord.of(
            profileId,
            "plough sensor reads 0 when down; spreader density on ain2",
            List.of(
                ChannelMapping.digital("plough", "din1", true),
                ChannelMapping.linear("spreadRateGm2", "ain2", 0.1, 0.0),
                new ChannelMapping("spreader", "ain2", false, 0.1, 0.0, 5.0))));
    await(() -> registry.profile(profileId).isPresent(), "profile " + profileId + " to be known");
    register(profileId);
    Map<TopicPartition, Long> before = telemetryEndOffsets();

    HttpResponse<String> response =
        get(
            "/?id="
                + terminalId
                + "&lat=55.7&lon=37.6&timestamp="
                + t0.getEpochSecond()
                + "&din1=0&ain2=300&ain9=7.25");

    assertEquals(200, response.statusCode());
    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(new Equipment(true, null, true, 30.0, null, null, null), p.equipment());
    assertEquals(Map.of("ain9", "7.25"), p.attributes());
  }

  @Test
  void answersUnknownDeviceIdWith404() throws Exception {
    HttpResponse<String> response =
        get("/?id=nobody-" + UUID.randomUUID() + "&lat=55&lon=37&timestamp=" + t0.getEpochSecond());
    assertEquals(404, response.statusCode());
    assertTrue(response.body().startsWith("unknown device id \"nobody-"), response.body());
  }

  @Test
  void answersMalformedInputWith400NamingTheParameter() throws Exception {
    HttpResponse<String> response =
        get("/?id=" + terminalId + "&lat=north&lon=37&timestamp=" + t0.getEpochSecond());
    assertEquals(400, response.statusCode());
    assertEquals("parameter lat must be a number, got \"north\"\n", response.body());

    HttpResponse<String> json = postJson("{\"device_id\":\"" + terminalId + "\",\"location\":[");
    assertEquals(400, json.statusCode());
    assertTrue(json.body().startsWith("malformed JSON: "), json.body());
  }

  @Test
  void dropsImplausibleFixButAnswers200() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    assertEquals(
        200,
        get("/?id=" + terminalId + "&lat=55&lon=37&speed=900&timestamp=" + t0.getEpochSecond())
            .statusCode());
    assertEquals(
        200,
        get("/?id="
                + terminalId
                + "&lat=55.2&lon=37&timestamp="
                + t0.plusSeconds(1).getEpochSecond())
            .statusCode());
    List<TelemetryPoint> stored = awaitPoints(vehicleId, before, 1);
    assertEquals(55.2, stored.get(0).lat());
  }

  @Test
  void refusesTooLargeBodyAndOtherMethods() throws Exception {
    HttpResponse<String> large =
        send(
            HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=" + "1".repeat(70_000))));
    assertEquals(413, large.statusCode());

    HttpResponse<String> put =
        send(HttpRequest.newBuilder(uri("/")).PUT(HttpRequest.BodyPublishers.ofString("")));
    assertEquals(405, put.statusCode());
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(""));
  }

  // --- helpers ---

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  private HttpResponse<String> postJson(String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
