package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline on the packaged services: device → gateway → Kafka → telemetry-service
 * (PostGIS) and → rules-service (SPD-001) → dispatch-service (violations API).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndIT {
  private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);
  private static final int FIX_INTERVAL_S = 5;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = JsonSerde.mapper();
  private PackagedCenter center;
  private CenterApi api;

  @BeforeAll
  void startCenter() throws Exception {
    center = PackagedCenter.start(http);
    api = new CenterApi(http, center, PIPELINE_DEADLINE);
  }

  @AfterAll
  void stopCenter() throws Exception {
    if (center != null) {
      center.close();
    }
  }

  @Test
  void ploughSpeedingThroughTheGatewayIsStoredOnceAndRaisesSpd001InDispatch() throws Exception {
    String vehicleId = "e2e-plough-" + UUID.randomUUID();
    String token = registerVehicleWithDevice(vehicleId, "plough");

    // 2 min of fixes every 5 s: 100 s with the plough down at 55 km/h, then the plough goes up.
    Instant start = Instant.now().minus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i <= 24; i++) {
      boolean ploughDown = i <= 20;
      points.add(point(start.plusSeconds((long) i * FIX_INTERVAL_S), i, 55.0, ploughDown));
    }
    for (int from = 0; from < points.size(); from += 5) {
      postAccepted(token, points.subList(from, Math.min(points.size(), from + 5)));
    }
    // the device retries a batch it thinks was lost: delivered twice, stored once
    postAccepted(token, points.subList(5, 10));

    long expected = points.size();
    long[] counts =
        await(
            "all " + expected + " points of " + vehicleId + " stored in PostGIS",
            () -> positionCounts(vehicleId),
            c -> c[0] >= expected);
    assertEquals(expected, counts[0], "rows stored for " + vehicleId);
    assertEquals(expected, counts[1], "distinct fix times stored for " + vehicleId);

    JsonNode violation =
        await(
            "the SPD-001 episode of " + vehicleId + " closed in dispatch-service",
            () -> closedSpd001(vehicleId),
            v -> v != null);
    assertEquals("SPD-001", violation.get("regulationId").asText());
    assertEquals(start.toString(), Instant.parse(violation.get("startedAt").asText()).toString());
    assertTrue(violation.toString().contains("55"), "measurements carry the speed: " + violation);

    // the duplicate delivery did not double the episode
    JsonNode all = violations(vehicleId);
    assertEquals(1, all.size(), "one episode for " + vehicleId + ": " + all);
  }

  @Test
  void gatewayRefusesUnknownTokenAndInvalidPointWithoutHarmingValidTraffic() throws Exception {
    String vehicleId = "e2e-sweeper-" + UUID.randomUUID();
    String token = registerVehicleWithDevice(vehicleId, "sweeper");
    Instant t = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    HttpResponse<String> unknown =
        post("bad-token-" + UUID.randomUUID(), List.of(point(t, 0, 10, false)));
    assertEquals(401, unknown.statusCode(), unknown.body());

    Map<String, Object> bad = point(t.plusSeconds(5), 1, 10, false);
    bad.put("lat", 95.0);
    HttpResponse<String> invalid = post(token, List.of(point(t, 0, 10, false), bad));
    assertEquals(400, invalid.statusCode(), invalid.body());
    JsonNode error = json.readTree(invalid.body());
    assertEquals(1, error.get("index").asInt(), invalid.body());
    assertEquals("lat", error.get("field").asText(), invalid.body());

    postAccepted(token, List.of(point(t.plusSeconds(10), 2, 10, false)));
    long[] counts =
        await("the valid point stored", () -> positionCounts(vehicleId), c -> c[0] >= 1);
    assertEquals(1, counts[0], "only the valid point of " + vehicleId + " is stored");
  }

  @Test
  void boardInAHeadlessBrowserShowsTheVehicleAndItsLiveViolation() throws Exception {
    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    assumeTrue(
        chromium.isPresent(),
        "Chromium is not installed (bin/dozor test installs it as root: apt-get install -y"
            + " chromium); the board is not checked in a browser");
    String vehicleId = "e2e-board-" + UUID.randomUUID().toString().substring(0, 8);
    String token = registerVehicleWithDevice(vehicleId, "plough");
    // 80 s with the plough down at 58 km/h and still going: the episode stays open (active)
    Instant start = Instant.now().minus(90, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i <= 16; i++) {
      points.add(point(start.plusSeconds((long) i * FIX_INTERVAL_S), i, 58.0, true));
    }
    postAccepted(token, points);
    await(
        "the open SPD-001 episode of " + vehicleId + " in dispatch-service",
        () -> violations(vehicleId).size(),
        n -> n > 0);

    String board =
        center
                .dispatch
                .baseUrl()
                .replace("http://", "http://dispatcher:" + PackagedCenter.DISPATCHER_PASSWORD + "@")
            + "/";
    String dom = chromium.get().dumpDom(board, 15_000);

    assertTrue(dom.contains("Dozor — ОДС"), "the board page rendered: " + head(dom));
    assertTrue(
        dom.contains("veh-label") && dom.contains(vehicleId),
        "the map shows a labelled marker for " + vehicleId + ": " + head(dom));
    assertTrue(
        dom.matches("(?s).*<li class=\"violation[^\"]*\"[^>]*>.*SPD-001.*" + vehicleId + ".*")
            || dom.matches(
                "(?s).*<li class=\"violation[^\"]*\"[^>]*>.*" + vehicleId + ".*SPD-001.*"),
        "the live list shows the SPD-001 violation of " + vehicleId + ": " + head(dom));
  }

  private static String head(String dom) {
    return dom.length() > 3000 ? dom.substring(0, 3000) + "…" : dom;
  }

  // ------------------------------------------------------------------ helpers

  private String registerVehicleWithDevice(String vehicleId, String type) throws Exception {
    String token = UUID.randomUUID().toString().replace("-", "");
    Map<String, Object> vehicle = new LinkedHashMap<>();
    vehicle.put("plate", "Е2Е" + vehicleId.hashCode() % 1000);
    vehicle.put("type", type);
    vehicle.put("contractor", "e2e");
    vehicle.put("district", "Марфино");
    put(center.telemetry.baseUrl() + "/api/v1/vehicles/" + vehicleId, vehicle);
    put(
        center.telemetry.baseUrl() + "/api/v1/devices/dev-" + vehicleId,
        Map.of("vehicleId", vehicleId, "protocol", "http-json", "token", token));
    // the gateway learns the device from the registry topic
    await(
        "the gateway to know device dev-" + vehicleId,
        () -> {
          try {
            return post(token, List.of()).statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        status -> status != 401);
    return token;
  }

  private void put(String url, Object body) throws Exception {
    api.put(url, body);
  }

  private static Map<String, Object> point(Instant fixTime, int i, double speed, boolean plough) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("fixTime", fixTime.toString());
    p.put("lat", 55.85 + i * 0.0012);
    p.put("lon", 37.64);
    p.put("speedKmh", speed);
    p.put("headingDeg", 0.0);
    p.put("equipment", Map.of("plough", plough, "ignition", true));
    return p;
  }

  private HttpResponse<String> post(String token, List<Map<String, Object>> points)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(center.gateway.baseUrl() + "/api/v1/telemetry"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(points)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void postAccepted(String token, List<Map<String, Object>> points) throws Exception {
    HttpResponse<String> response = post(token, points);
    assertEquals(202, response.statusCode(), "gateway answer: " + response.body());
  }

  private long[] positionCounts(String vehicleId) {
    try (Connection c =
            DriverManager.getConnection(
                PackagedCenter.requiredEnv("DOZOR_JDBC_URL"),
                PackagedCenter.requiredEnv("DOZOR_DB_USER"),
                PackagedCenter.requiredEnv("DOZOR_DB_PASSWORD"));
        PreparedStatement q =
            c.prepareStatement(
                "select count(*), count(distinct fix_time) from telemetry.positions"
                    + " where vehicle_id = ?")) {
      q.setString(1, vehicleId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot count positions: " + e.getMessage(), e);
    }
  }

  private JsonNode violations(String vehicleId) {
    JsonNode body =
        api.dispatchGet(
            "/api/v1/violations?vehicleId=" + URLEncoder.encode(vehicleId, StandardCharsets.UTF_8));
    return body.isArray() ? body : body.path("items");
  }

  private JsonNode closedSpd001(String vehicleId) {
    for (JsonNode v : violations(vehicleId)) {
      if ("SPD-001".equals(v.path("regulationId").asText())
          && "CLOSED".equals(v.path("status").asText())) {
        return v;
      }
    }
    return null;
  }

  private <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    return api.await(what, probe, done);
  }
}
