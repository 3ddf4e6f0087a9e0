package dev.dozor.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.TokenHash;
import dev.dozor.events.Topics;
import dev.dozor.events.kafka.JsonSerializer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP JSON endpoint against the real broker: devices come from the registry topic, accepted
 * points are really on the telemetry topic. Ids are random so parallel runs do not interfere.
 */
@QuarkusTest
class TelemetryResourceTest {
  private static final String PATH = "/api/v1/telemetry";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private String deviceId;
  private String vehicleId;
  private String token;

  @BeforeEach
  void registerDevice() {
    deviceId = UUID.randomUUID().toString();
    vehicleId = UUID.randomUUID().toString();
    token = UUID.randomUUID() + "-" + UUID.randomUUID();
    publishRegistry(
        RegistryKeys.device(deviceId),
        DeviceRecord.of(deviceId, vehicleId, "http-json", TokenHash.sha256Hex(token)));
    awaitStatus(token, s -> s != 401, "device to be known to the gateway");
  }

  @Test
  void acceptsValidBatchOnlyAfterKafkaStoredItKeyedByVehicle() {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
    String body =
        "["
            + fullPoint(t0)
            + ","
            + point(t0.plusSeconds(1), 55.851, 37.641)
            + ","
            + point(t0.plusSeconds(2), 55.852, 37.642)
            + "]";

    post(token, body).then().statusCode(202).body("accepted", equalTo(3));

    List<TelemetryPoint> stored = awaitOwnPoints(before, 3);
    TelemetryPoint first = stored.get(0);
    assertEquals(vehicleId, first.vehicleId());
    assertEquals(deviceId, first.deviceId());
    assertEquals(t0, first.fixTime());
    assertEquals(55.85, first.lat());
    assertEquals(37.64, first.lon());
    assertEquals(42.5, first.speedKmh());
    assertEquals(90.0, first.headingDeg());
    assertEquals(1234.5, first.odometerKm());
    assertEquals(Boolean.TRUE, first.equipment().plough());
    assertEquals(12.0, first.equipment().spreadRateGm2());
    assertEquals(Map.of("din3", "1"), first.attributes());
    assertNotNull(first.receivedAt());
    assertEquals(0.0, stored.get(1).speedKmh());
    assertEquals(
        List.of(t0, t0.plusSeconds(1), t0.plusSeconds(2)),
        stored.stream().map(TelemetryPoint::fixTime).toList());
  }

  @Test
  void refusesUnknownTokenWith401() {
    post("not-a-registered-token", "[" + point(Instant.now(), 55.0, 37.0) + "]")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .body("error", equalTo("unauthorized"))
        .body("message", equalTo("unknown or missing device token"));
  }

  @Test
  void refusesMissingAuthorizationWith401() {
    given()
        .contentType(ContentType.JSON)
        .body("[" + point(Instant.now(), 55.0, 37.0) + "]")
        .post(PATH)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer");
  }

  @Test
  void refusesWholeBatchWhenOnePointHasBadLatitudeAndNamesIt() {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
    String invalid =
        "["
            + point(t0, 55.0, 37.0)
            + ","
            + point(t0.plusSeconds(1), 55.0, 37.0)
            + ","
            + point(t0.plusSeconds(2), 95.0, 37.0)
            + "]";

    post(token, invalid)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid point"))
        .body("index", equalTo(2))
        .body("field", equalTo("lat"))
        .body("message", equalTo("lat must be between -90 and 90, got 95.0"));

    // Same key, same partition: if the refused points had been published, they would precede this.
    Instant marker = t0.plusSeconds(10);
    post(token, "[" + point(marker, 56.0, 38.0) + "]").then().statusCode(202);
    List<TelemetryPoint> stored = awaitOwnPoints(before, 1);
    assertEquals(List.of(marker), stored.stream().map(TelemetryPoint::fixTime).toList());
  }

  @Test
  void refusesMalformedJsonWithoutStackTrace() {
    post(token, "[{\"fixTime\": \"2026-11-28T10:00:00Z\", \"lat\": ")
        .then()
        .statusCode(400)
        .body("error", equalTo("malformed JSON"))
        .body("message", org.hamcrest.Matchers.not(containsString("\tat ")));
  }

  @Test
  void refusesWrongTypeAsMalformedJsonNamingThePlace() {
    post(token, "[{\"fixTime\": \"2026-11-28T10:00:00Z\", \"lat\": \"north\", \"lon\": 37.0}]")
        .then()
        .statusCode(400)
        .body("error", equalTo("malformed JSON"))
        .body("message", containsString("[0].lat"));
  }

  @Test
  void refusesEmptyArray() {
    post(token, "[]").then().statusCode(400).body("error", equalTo("empty batch"));
  }

  @Test
  void refusesMoreThanMaxPointsPerRequestWith413() {
    Instant t = Instant.now().minusSeconds(5);
    String body =
        IntStream.range(0, 1001)
            .mapToObj(i -> point(t, 55.0, 37.0))
            .collect(Collectors.joining(",", "[", "]"));
    post(token, body)
        .then()
        .statusCode(413)
        .body("error", equalTo("too many points"))
        .body("message", containsString("at most 1000"));
  }

  @Test
  void refusesDeviceWithoutVehicleWith403() {
    String unboundId = UUID.randomUUID().toString();
    String unboundToken = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.device(unboundId),
        DeviceRecord.of(unboundId, null, "http-json", TokenHash.sha256Hex(unboundToken)));
    awaitStatus(unboundToken, s -> s != 401, "unbound device to be known");

    post(unboundToken, "[" + point(Instant.now(), 55.0, 37.0) + "]")
        .then()
        .statusCode(403)
        .body("error", equalTo("device not bound"))
        .body("message", containsString(unboundId));
  }

  @Test
  void tombstoneRevokesDevice() {
    publishRegistry(RegistryKeys.device(deviceId), null);

    awaitStatus(token, s -> s == 401, "tombstoned device to be refused");
    post(token, "[" + point(Instant.now(), 55.0, 37.0) + "]").then().statusCode(401);
  }

  @Test
  void isReadyOnceRegistryIsRead() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  // --- helpers ---

  private static Response post(String bearer, String body) {
    return given()
        .header("Authorization", "Bearer " + bearer)
        .contentType(ContentType.JSON)
        .body(body)
        .post(PATH);
  }

  private static String point(Instant fixTime, double lat, double lon) {
    return String.format(
        Locale.ROOT, "{\"fixTime\":\"%s\",\"lat\":%s,\"lon\":%s}", fixTime, lat, lon);
  }

  private static String fullPoint(Instant fixTime) {
    return "{\"fixTime\":\""
        + fixTime
        + "\",\"lat\":55.85,\"lon\":37.64,\"speedKmh\":42.5,\"headingDeg\":90,"
        + "\"odometerKm\":1234.5,\"equipment\":{\"plough\":true,\"brush\":false,\"spreader\":false,"
        + "\"spreadRateGm2\":12.0,\"bodyTip\":false,\"ignition\":true,\"pto\":false},"
        + "\"attributes\":{\"din3\":\"1\"}}";
  }

  /** Posts an empty batch (never published) until the status satisfies the predicate. */
  private static void awaitStatus(String bearer, Predicate<Integer> wanted, String what) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    int status;
    do {
      status = post(bearer, "[]").statusCode();
      if (wanted.test(status)) {
        return;
      }
      sleep(100);
    } while (System.nanoTime() < deadline);
    fail("timed out waiting for " + what + "; last status " + status);
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  private static void publishRegistry(String key, Object value) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>())) {
      producer.send(new ProducerRecord<>(Topics.REGISTRY, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish registry record " + key, e);
    }
  }

  private static KafkaConsumer<String, byte[]> telemetryConsumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> telemetryPartitions() {
    return IntStream.range(0, Topics.TELEMETRY_PARTITIONS)
        .mapToObj(i -> new TopicPartition(Topics.TELEMETRY, i))
        .toList();
  }

  private static Map<TopicPartition, Long> telemetryEndOffsets() {
    try (KafkaConsumer<String, byte[]> c = telemetryConsumer()) {
      return c.endOffsets(telemetryPartitions());
    }
  }

  /** This test's vehicle's points published after {@code from}, waiting for {@code count}. */
  private List<TelemetryPoint> awaitOwnPoints(Map<TopicPartition, Long> from, int count) {
    List<TelemetryPoint> own = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = telemetryConsumer()) {
      c.assign(telemetryPartitions());
      from.forEach(c::seek);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (own.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (vehicleId.equals(r.key())) {
            own.add(JsonSerde.fromBytes(r.value(), TelemetryPoint.class));
          }
        }
      }
    }
    assertFalse(own.size() < count, "expected " + count + " points on the topic, found " + own);
    assertTrue(own.size() == count, "unexpected extra points: " + own);
    return own;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
