package dev.dozor.dispatch.board;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.dispatch.TestKafka;
import dev.dozor.events.Equipment;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardTest {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI baseUri;

  private static TelemetryPoint point(String vehicle, Instant fix) {
    return TelemetryPoint.of(
        vehicle, "dev-" + vehicle, fix, fix, 55.75, 37.61, 12.5, 90.0, Equipment.plough(true));
  }

  private static boolean onBoard(String vehicle) {
    List<String> ids =
        given()
            .auth()
            .preemptive()
            .basic("dispatcher", "dozor-demo")
            .get("/api/v1/board/positions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("vehicleId", String.class);
    return ids.contains(vehicle);
  }

  /**
   * The board reads from the latest offset of a fresh group, so a point produced before the
   * partitions are assigned is not seen: keep sending newer fixes until one arrives.
   */
  private static void sendUntilOnBoard(String vehicle) {
    Instant[] fix = {Instant.now().truncatedTo(ChronoUnit.MILLIS)};
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              fix[0] = fix[0].plusSeconds(1);
              TestKafka.send(Topics.TELEMETRY, vehicle, point(vehicle, fix[0]));
              return onBoard(vehicle);
            });
  }

  @Test
  void producedPointAppearsInPositions() {
    String vehicle = "veh-" + UUID.randomUUID();
    sendUntilOnBoard(vehicle);
    Map<String, Object> p =
        given()
            .auth()
            .preemptive()
            .basic("dispatcher", "dozor-demo")
            .get("/api/v1/board/positions")
            .then()
            .extract()
            .jsonPath()
            .getMap("find { it.vehicleId == '" + vehicle + "' }");
    assertEquals("plough", p.get("mode"));
    assertEquals(55.75f, ((Number) p.get("lat")).floatValue());
  }

  @Test
  void configExposesNoTilesByDefault() {
    given()
        .auth()
        .preemptive()
        .basic("dispatcher", "dozor-demo")
        .get("/api/v1/board/config")
        .then()
        .statusCode(200)
        .body("tileUrl", org.hamcrest.Matchers.nullValue())
        .body("pushIntervalMs", org.hamcrest.Matchers.equalTo(1000))
        .body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Moscow"));
  }

  @Test
  void webSocketSendsSnapshotThenLivePositionsAndViolations() throws Exception {
    String vehicle = "veh-" + UUID.randomUUID();
    sendUntilOnBoard(vehicle);

    LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("dispatcher:dozor-demo".getBytes(StandardCharsets.UTF_8));
    WebSocketClientConnection connection =
        BasicWebSocketConnector.create()
            .baseUri(baseUri)
            .path("/ws/board")
            .addHeader("Authorization", auth)
            .onTextMessage((c, m) -> received.add(read(m)))
            .connectAndAwait();
    try {
      JsonNode first = received.poll(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      assertEquals("positions", first.get("type").asText());
      assertTrue(first.get("snapshot").asBoolean());
      assertTrue(containsVehicle(first.get("items"), vehicle), "snapshot lists " + vehicle);

      // a live position of the same vehicle arrives as a coalesced change
      TestKafka.send(Topics.TELEMETRY, vehicle, point(vehicle, Instant.now().plusSeconds(3600)));
      awaitMessage(
          received,
          m ->
              m.get("type").asText().equals("positions")
                  && !m.get("snapshot").asBoolean()
                  && containsVehicle(m.get("items"), vehicle));

      Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
      ViolationEvent opened =
          new ViolationEvent(
              SchemaVersions.VIOLATION_EVENT,
              ViolationEvent.episodeId("SPD-001", vehicle, start),
              "SPD-001",
              1,
              "Plough raised above speed limit",
              "HIGH",
              vehicle,
              ViolationStatus.OPENED,
              start,
              null,
              start.plusSeconds(10),
              Map.of("speedLimitKmh", 40.0),
              Map.of("maxSpeedKmh", 57.0),
              List.of(new EvidencePoint(start, 55.75, 37.61, 57.0)));
      TestKafka.send(Topics.VIOLATIONS, vehicle, opened);
      JsonNode violation =
          awaitMessage(
              received,
              m ->
                  m.get("type").asText().equals("violation")
                      && m.get("item").get("vehicleId").asText().equals(vehicle));
      assertEquals("OPENED", violation.get("item").get("status").asText());
      assertEquals(57.0, violation.get("item").get("measurements").get("maxSpeedKmh").asDouble());
    } finally {
      connection.closeAndAwait();
    }
  }

  @Test
  void webSocketWithoutCredentialsIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class,
        () ->
            BasicWebSocketConnector.create().baseUri(baseUri).path("/ws/board").connectAndAwait());
  }

  private static JsonNode awaitMessage(
      LinkedBlockingQueue<JsonNode> queue, java.util.function.Predicate<JsonNode> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode m = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
      if (m != null && wanted.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching board message within " + DEADLINE);
  }

  private static boolean containsVehicle(JsonNode items, String vehicle) {
    for (JsonNode item : items) {
      if (item.get("vehicleId").asText().equals(vehicle)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
