package dev.dozor.telemetry.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dozor.events.Topics;
import dev.dozor.telemetry.TestKafka;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What the registry tests of the new entities share: ids, a district, segments, topic reads. */
public final class RegistryFixtures {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** Филёвский Парк (OKTMO) in the real mo.geojson. */
  public static final String DISTRICT = "45328000";

  private static final String DISTRICTS_FILE = "moscow-boundaries/mo.geojson";

  /** A 450 m line along 30.3 E near 60 N (outside Moscow): three segments of 150 m. */
  private static final String LINE_450_M = "[[30.3,60.0],[30.3,60.00403905]]";

  private static volatile boolean districtsImported;

  private RegistryFixtures() {}

  public static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /**
   * Makes sure the real districts are imported (idempotent; once per JVM) and returns {@link
   * #DISTRICT}. Skips the test when the shared data folder is absent, as the geography tests do.
   */
  public static synchronized String district() {
    if (!districtsImported) {
      String env = System.getenv("DOZOR_SHARED_DATA");
      Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
      Path file = dir.resolve(DISTRICTS_FILE);
      assumeTrue(Files.isRegularFile(file), "real districts not found at " + file + "; skipping");
      byte[] body;
      try {
        body = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      given()
          .contentType("application/geo+json")
          .body(body)
          .post("/api/v1/geo/districts")
          .then()
          .statusCode(200);
      districtsImported = true;
    }
    return DISTRICT;
  }

  /** Imports a 450 m fixture road (outside every district); returns its three segment ids. */
  public static List<String> segments() {
    String way = newId("fixture-way");
    String body =
        """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"osm_id":"%s","highway":"secondary","name":"Тестовая"},
         "geometry":{"type":"LineString","coordinates":%s}}]}"""
            .formatted(way, LINE_450_M);
    given()
        .contentType("application/geo+json; charset=UTF-8")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/geo/roads")
        .then()
        .statusCode(200);
    return List.of(way + "-0", way + "-1", way + "-2");
  }

  /** A square of about 110 m x 55 m near 60 N, 30.3 E, as a GeoJSON Polygon. */
  public static Map<String, Object> square(double lon, double lat) {
    double d = 0.001;
    return Map.of(
        "type",
        "Polygon",
        "coordinates",
        List.of(
            List.of(
                List.of(lon, lat),
                List.of(lon + d, lat),
                List.of(lon + d, lat + d),
                List.of(lon, lat + d),
                List.of(lon, lat))));
  }

  /** Creates a zone (201) of this kind. */
  public static void putZone(String id, String kind) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "zone " + id);
    body.put("kind", kind);
    body.put("geometry", square(30.3, 60.0));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/zones/{id}", id)
        .then()
        .statusCode(201);
  }

  /** Creates or replaces a vehicle with these extra fields; returns the status code. */
  public static int putVehicle(String id, Map<String, Object> extra) {
    Map<String, Object> body =
        new HashMap<>(Map.of("plate", "T" + id.hashCode(), "type", "plough"));
    body.putAll(extra);
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/vehicles/{id}", id)
        .then()
        .extract()
        .statusCode();
  }

  /** The registry topic's end offsets now: read from there to see only what a test published. */
  public static Map<TopicPartition, Long> registryEnd() {
    return TestKafka.endOffsets(Topics.REGISTRY);
  }

  /**
   * The records published under {@code key} since {@code start}, waiting for at least {@code n}.
   */
  public static List<ConsumerRecord<String, byte[]>> published(
      Map<TopicPartition, Long> start, String key, int n) {
    return TestKafka.readFrom(
        start, r -> key.equals(r.key()), found -> found.size() >= n, DEADLINE);
  }
}
