package dev.dozor.telemetry.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.Eventually;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TelemetryConsumerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Inject Pool pool;

  private static TelemetryPoint point(String vehicle, Instant at, double lat, double lon) {
    return TelemetryPoint.of(
        vehicle,
        "dev-" + vehicle,
        at,
        at.plusSeconds(1),
        lat,
        lon,
        25.5,
        180.0,
        Equipment.plough(true));
  }

  private static Map.Entry<String, byte[]> record(TelemetryPoint p) {
    return Map.entry(p.vehicleId(), JsonSerde.toBytes(p));
  }

  private static void produce(List<TelemetryPoint> points) {
    TestKafka.send(Topics.TELEMETRY, points.stream().map(TelemetryConsumerTest::record).toList());
  }

  private long rows(String vehicle) {
    return TestDb.count(
        pool, "SELECT count(*) FROM telemetry.positions WHERE vehicle_id = $1", vehicle);
  }

  @Test
  void consumedPointsAreStoredWithGeometryEquipmentAndLatestState() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.MINUTES);
    // newest first: the state must still end at the newest fix
    produce(
        List.of(
            point(vehicle, t0.plusSeconds(20), 55.75, 37.62),
            point(vehicle, t0, 55.70, 37.60),
            point(vehicle, t0.plusSeconds(10), 55.72, 37.61)));

    Eventually.await(DEADLINE, () -> rows(vehicle), n -> n == 3);

    var row =
        TestDb.query(
                pool,
                "SELECT ST_X(geom) AS x, ST_Y(geom) AS y, ST_SRID(geom) AS srid, speed_kmh,"
                    + " heading_deg, equipment->>'plough' AS plough, received_at"
                    + " FROM telemetry.positions WHERE vehicle_id = $1 AND fix_time = $2",
                vehicle,
                t0.atOffset(java.time.ZoneOffset.UTC))
            .get(0);
    assertEquals(37.60, row.getDouble("x"), 1e-9);
    assertEquals(55.70, row.getDouble("y"), 1e-9);
    assertEquals(4326, row.getInteger("srid"));
    assertEquals(25.5, ((Number) row.getValue("speed_kmh")).doubleValue(), 1e-6);
    assertEquals("true", row.getString("plough"));
    assertEquals(t0.plusSeconds(1), row.getOffsetDateTime("received_at").toInstant());

    var state =
        Eventually.await(
            DEADLINE,
            () ->
                TestDb.query(
                    pool,
                    "SELECT fix_time, ST_X(geom) AS x, ST_Y(geom) AS y FROM telemetry.vehicle_state"
                        + " WHERE vehicle_id = $1",
                    vehicle),
            r -> !r.isEmpty());
    assertEquals(t0.plusSeconds(20), state.get(0).getOffsetDateTime("fix_time").toInstant());
    assertEquals(37.62, state.get(0).getDouble("x"), 1e-9);
  }

  @Test
  void redeliveredAndDuplicatedPointsAreStoredExactlyOnce() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(5, ChronoUnit.MINUTES);
    List<TelemetryPoint> points = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      points.add(point(vehicle, t0.plusSeconds(i), 55.0 + i / 100.0, 37.0));
    }
    produce(points);
    Eventually.await(DEADLINE, () -> rows(vehicle), n -> n == 5);

    // re-delivery of the same points, plus one batch in which a point repeats itself
    TelemetryPoint later = point(vehicle, t0.plusSeconds(100), 56.0, 38.0);
    List<TelemetryPoint> again = new ArrayList<>(points);
    again.add(later);
    again.add(later);
    again.add(later);
    produce(again);

    // the last point of the second send is new: once it is stored, the whole send was consumed
    Eventually.await(
        DEADLINE,
        () ->
            TestDb.count(
                pool,
                "SELECT count(*) FROM telemetry.positions WHERE vehicle_id = $1 AND fix_time = $2",
                vehicle,
                later.fixTime().atOffset(java.time.ZoneOffset.UTC)),
        n -> n == 1);
    assertEquals(6, rows(vehicle));
    assertEquals(
        0,
        TestDb.count(
            pool,
            "SELECT count(*) FROM (SELECT fix_time FROM telemetry.positions WHERE vehicle_id = $1"
                + " GROUP BY fix_time HAVING count(*) > 1) d",
            vehicle));
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndGoodPointsAroundItAreStored() {
    String vehicle = "veh-" + UUID.randomUUID();
    String poisonKey = "poison-" + UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.MINUTES);
    TestKafka.send(
        Topics.TELEMETRY,
        List.of(
            record(point(vehicle, t0, 55.0, 37.0)),
            Map.entry(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8)),
            record(point(vehicle, t0.plusSeconds(1), 55.0, 37.0))));

    Eventually.await(DEADLINE, () -> rows(vehicle), n -> n == 2);
    var dead =
        TestKafka.readUntil(
            Topics.deadLetter(Topics.TELEMETRY),
            r -> poisonKey.equals(r.key()),
            found -> !found.isEmpty(),
            DEADLINE);
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).headers().lastHeader("dead-letter-reason") != null);
  }
}
