package dev.dozor.telemetry.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionStorageTest {
  @Inject Pool pool;
  @Inject PositionService positions;
  @Inject PositionRepository repository;
  @Inject PartitionManager partitions;
  @Inject PartitionJob job;

  private static TelemetryPoint point(String vehicle, Instant at) {
    return TelemetryPoint.of(vehicle, "d", at, at, 55.0, 37.0, 10, null, Equipment.brush(true));
  }

  @Test
  void insertingTheSameBatchTwiceStoresEachPointOnce() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant t0 = Instant.parse("2026-02-03T10:00:00Z");
    var batch = PositionBatch.of(List.of(point(vehicle, t0), point(vehicle, t0.plusSeconds(5))));
    partitions.ensure(batch.days()).await().indefinitely();

    int first = repository.store(batch).await().indefinitely();
    int second = repository.store(batch).await().indefinitely();

    assertEquals(2, first);
    assertEquals(0, second);
    assertEquals(
        2,
        TestDb.count(
            pool, "SELECT count(*) FROM telemetry.positions WHERE vehicle_id = $1", vehicle));
  }

  @Test
  void serviceCountsInBatchAndStoredDuplicates() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant t0 = Instant.parse("2026-02-04T10:00:00Z");
    var points = List.of(point(vehicle, t0), point(vehicle, t0), point(vehicle, t0.plusSeconds(1)));

    var first = positions.store(points).await().indefinitely();
    var second = positions.store(points).await().indefinitely();

    assertEquals(new PositionService.StoreResult(2, 1), first);
    assertEquals(new PositionService.StoreResult(0, 3), second);
  }

  @Test
  void pointsOfTwoDaysLandInTheirTwoDailyPartitions() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant lateEvening = Instant.parse("2026-03-01T23:59:59.500Z");
    positions
        .store(List.of(point(vehicle, lateEvening), point(vehicle, lateEvening.plusSeconds(1))))
        .await()
        .indefinitely();

    Set<String> used =
        TestDb.query(
                pool,
                "SELECT tableoid::regclass::text AS part FROM telemetry.positions"
                    + " WHERE vehicle_id = $1",
                vehicle)
            .stream()
            .map(r -> r.getString("part"))
            .collect(Collectors.toSet());

    assertEquals(Set.of("telemetry.positions_20260301", "telemetry.positions_20260302"), used);
    assertEquals(
        2,
        TestDb.count(
            pool,
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'telemetry.positions'::regclass"
                + " AND inhrelid::regclass::text IN"
                + " ('telemetry.positions_20260301', 'telemetry.positions_20260302')"));
  }

  @Test
  void partitionJobCreatesThePartitionsAheadOfTime() {
    List<LocalDate> window = job.window();
    LocalDate furthest = window.get(window.size() - 1);
    String name = "telemetry." + PartitionNames.of(furthest);
    // the furthest partition holds no data yet: drop it and let the job bring it back
    TestDb.query(pool, "DROP TABLE IF EXISTS " + name);
    partitions.forget();

    job.run().await().indefinitely();

    assertEquals(
        window.size(),
        TestDb.count(
            pool,
            "SELECT count(*) FROM unnest($1::text[]) AS n WHERE to_regclass(n) IS NOT NULL",
            (Object)
                window.stream()
                    .map(d -> "telemetry." + PartitionNames.of(d))
                    .toArray(String[]::new)));
    assertEquals(
        1, TestDb.count(pool, "SELECT count(*) FROM pg_class WHERE oid = to_regclass($1)", name));
  }
}
