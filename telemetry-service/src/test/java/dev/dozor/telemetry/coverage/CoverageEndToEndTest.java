package dev.dozor.telemetry.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.Eventually;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.TestKafka;
import dev.dozor.telemetry.geo.LocalProjection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole path on this side: a road imported through the REST API, the segment passes
 * rules-service matched for it published to the coverage topic, stored, and reported serviced. (The
 * matching of working points itself is rules-service's, tested there.)
 */
@QuarkusTest
class CoverageEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @Inject Pool pool;

  @Test
  void passesOfAnImportedRoadOnTheCoverageTopicServiceItsSegments() {
    String u = UUID.randomUUID().toString();
    String district = "d-" + u;
    String way = "e2e-" + u;
    String vehicle = "veh-" + u;
    Random r = new Random(u.hashCode());
    double lat = 61 + r.nextDouble();
    double lon0 = 31 + r.nextDouble();
    LocalProjection pr = new LocalProjection(lat, lon0);
    // 390 m due east: two segments of 195 m
    double lon1 = pr.lon(390);
    CoverageFixtures.district(pool, district, lon0 - 0.02, lat - 0.02, lon1 + 0.02, lat + 0.02);
    try {
      importPublishAndCheck(district, way, vehicle, lat, lon0, lon1);
    } finally {
      CoverageFixtures.cleanUp(
          pool,
          List.of(),
          List.of(),
          List.of(),
          List.of(way + "-0", way + "-1"),
          List.of(district));
    }
  }

  private void importPublishAndCheck(
      String district, String way, String vehicle, double lat, double lon0, double lon1) {
    String roads =
        """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"osm_id":"%s","highway":"residential","name":"Снежная улица"},
         "geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]}}]}"""
            .formatted(way, lon0, lat, lon1, lat);
    given()
        .contentType("application/geo+json; charset=UTF-8")
        .body(roads.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/geo/roads")
        .then()
        .statusCode(200)
        .body("segments", equalTo(2));
    assertEquals(
        2,
        TestDb.count(
            pool,
            "SELECT count(*) FROM telemetry.road_segments WHERE way_id = $1 AND district_id = $2",
            way,
            district));

    // a plough driving the road east at 36 km/h: rules-service reports each segment when it first
    // counts (half covered) and again when the vehicle leaves it; the store keeps one row per pass
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
    List<Map.Entry<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String segment = way + "-" + i;
      Instant start = t0.plusSeconds(8 + 19L * i);
      records.add(pass(segment, vehicle, start, start.plusSeconds(10), 0.52));
      records.add(pass(segment, vehicle, start, start.plusSeconds(19), 1.0));
    }
    TestKafka.send(Topics.COVERAGE, records);

    String url =
        "/api/v1/coverage?district="
            + district
            + "&from="
            + t0.minusSeconds(3600)
            + "&to="
            + t0.plusSeconds(3600)
            + "&geometry=false";
    JsonPath json =
        Eventually.await(
            DEADLINE,
            () -> given().get(url).then().statusCode(200).extract().jsonPath(),
            j -> j.getInt("summary.servicedSegments") == 2);
    assertEquals(100.0, json.getDouble("summary.servicedPercent"), 1e-9);
    assertEquals(List.of(way + "-0", way + "-1"), json.getList("features.properties.segmentId"));
    assertEquals(
        List.of(List.of("plough"), List.of("plough")),
        json.getList("features.properties.equipment"));
    assertEquals(
        json.getDouble("summary.lengthM"), json.getDouble("summary.byEquipment.plough"), 1e-9);

    JsonPath passes =
        given()
            .get(
                "/api/v1/segment-passes?segment="
                    + way
                    + "-0&from="
                    + t0.minusSeconds(3600)
                    + "&to="
                    + t0.plusSeconds(3600))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(vehicle), passes.getList("vehicleId"));
    assertEquals("rules-service", passes.getString("[0].source"));
    assertEquals("plough", passes.getString("[0].equipment"));
    assertEquals(1.0, passes.getDouble("[0].coveredFraction"), 1e-9);
    assertEquals(t0.plusSeconds(27), Instant.parse(passes.getString("[0].endedAt")));
  }

  private static Map.Entry<String, byte[]> pass(
      String segment, String vehicle, Instant start, Instant end, double fraction) {
    return Map.entry(
        segment,
        JsonSerde.toBytes(
            SegmentPass.of(segment, vehicle, start, end, "plough", fraction, "rules-service")));
  }
}
