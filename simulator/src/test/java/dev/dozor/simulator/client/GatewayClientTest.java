package dev.dozor.simulator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayClientTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");
  private static final GatewayClient.Settings FAST =
      new GatewayClient.Settings(
          Duration.ofSeconds(5),
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          Duration.ofSeconds(5));

  static TelemetryPoint point(int second) {
    return TelemetryPoint.of(
        "sim-plough-01",
        "dev-sim-plough-01",
        T0.plusSeconds(second),
        null,
        55.8512345,
        37.6401234,
        32.5,
        90.0,
        new Equipment(true, false, null, null, null, true, null));
  }

  @Test
  void postsAJsonArrayWithTheBearerToken() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(202, "{\"accepted\":2}")) {
      SendResult result =
          new GatewayClient(server.uri(), FAST).send(TOKEN, List.of(point(0), point(2)));

      assertTrue(result.isAccepted());
      assertEquals(202, result.status());
      assertEquals(2, result.accepted());
      FakeHttpServer.Request request = server.requests().get(0);
      assertEquals("POST", request.method());
      assertEquals("/api/v1/telemetry", request.path());
      assertEquals("Bearer " + TOKEN, request.header("Authorization"));
      assertEquals("application/json", request.header("Content-Type"));
      JsonNode body = JsonSerde.mapper().readTree(request.body());
      assertTrue(body.isArray());
      assertEquals(2, body.size());
      JsonNode first = body.get(0);
      assertEquals("2026-01-15T06:00:00.000Z", first.get("fixTime").asText());
      assertEquals("2026-01-15T06:00:02.000Z", body.get(1).get("fixTime").asText());
      assertEquals(55.8512345, first.get("lat").asDouble());
      assertEquals(37.6401234, first.get("lon").asDouble());
      assertEquals(32.5, first.get("speedKmh").asDouble());
      assertEquals(90.0, first.get("headingDeg").asDouble());
      assertEquals(
          JsonSerde.mapper().readTree("{\"plough\":true,\"brush\":false,\"ignition\":true}"),
          first.get("equipment"));
      List<String> fields = new ArrayList<>();
      first.fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("fixTime", "lat", "lon", "speedKmh", "headingDeg", "equipment"), fields);
    }
  }

  @Test
  void retries401UntilTheRegistrationReachesTheGateway() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(401, "").then(401, "").always(202, "")) {
      SendResult result = new GatewayClient(server.uri(), FAST).send(TOKEN, List.of(point(0)));

      assertTrue(result.isAccepted());
      assertEquals(3, result.attempts());
      assertEquals(1, result.accepted());
      assertEquals(3, server.requests().size());
      assertEquals(server.requests().get(0).body(), server.requests().get(2).body());
    }
  }

  @Test
  void givesUpOn401AfterTheAuthWaitNamingTheUrl() throws Exception {
    GatewayClient.Settings shortWait =
        new GatewayClient.Settings(
            Duration.ofMillis(100),
            Duration.ofMillis(20),
            Duration.ofMillis(20),
            Duration.ofSeconds(5));
    try (FakeHttpServer server =
        new FakeHttpServer().always(401, "{\"error\":\"unknown token\"}")) {
      GatewayClient client = new GatewayClient(server.uri(), shortWait);
      SimulatorException e =
          assertThrows(SimulatorException.class, () -> client.send(TOKEN, List.of(point(0))));

      assertTrue(e.getMessage().contains(server.uri() + "/api/v1/telemetry"), e.getMessage());
      assertTrue(e.getMessage().contains("401"), e.getMessage());
      assertTrue(e.getMessage().contains("dev-sim-plough-01"), e.getMessage());
      assertTrue(server.requests().size() >= 2, "retried before giving up");
    }
  }

  @Test
  void classifies503AsUnavailableAnd400AsRejected() throws Exception {
    try (FakeHttpServer server =
        new FakeHttpServer().then(503, "busy").always(400, "{\"field\":\"lat\"}")) {
      GatewayClient client = new GatewayClient(server.uri(), FAST);
      SendResult busy = client.send(TOKEN, List.of(point(0)));
      SendResult bad = client.send(TOKEN, List.of(point(0)));

      assertEquals(SendResult.Outcome.UNAVAILABLE, busy.outcome());
      assertEquals(503, busy.status());
      assertEquals(0, busy.accepted());
      assertEquals(SendResult.Outcome.REJECTED, bad.outcome());
      assertEquals("{\"field\":\"lat\"}", bad.detail());
    }
  }

  @Test
  void anUnreachableGatewayIsUnavailableNotAnError() throws Exception {
    FakeHttpServer server = new FakeHttpServer();
    java.net.URI gone = server.uri();
    server.close();
    SendResult result = new GatewayClient(gone, FAST).send(TOKEN, List.of(point(0)));
    assertEquals(SendResult.Outcome.UNAVAILABLE, result.outcome());
    assertEquals(0, result.status());
    assertFalse(result.detail().isEmpty());
  }
}
