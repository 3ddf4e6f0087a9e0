package dev.dozor.telemetry.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.position.PartitionManager;
import dev.dozor.telemetry.position.PartitionedTable;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Rows written directly, for coverage tests on hand-made geography. */
final class CoverageFixtures {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private CoverageFixtures() {}

  /** A district covering the rectangle (lon0, lat0)–(lon1, lat1). */
  static void district(Pool pool, String id, double lon0, double lat0, double lon1, double lat1) {
    TestDb.query(
        pool,
        "INSERT INTO telemetry.districts (id, name, oktmo, geom)"
            + " VALUES ($1, $2, $1, ST_Multi(ST_MakeEnvelope($3, $4, $5, $6, 4326)))",
        id,
        "Район " + id,
        lon0,
        lat0,
        lon1,
        lat1);
  }

  /** A straight road segment with a given length (hand-computed answers use it). */
  static void segment(
      Pool pool,
      String id,
      String district,
      double lengthM,
      double lon0,
      double lat0,
      double lon1,
      double lat1) {
    TestDb.query(
        pool,
        "INSERT INTO telemetry.road_segments"
            + " (id, way_id, seq, name, category, district_id, length_m, priority, geom)"
            + " VALUES ($1, $1, 0, 'Улица ' || $1, 'residential', $2, $3, 3,"
            + " ST_SetSRID(ST_MakeLine(ST_MakePoint($4, $5), ST_MakePoint($6, $7)), 4326))",
        id,
        district,
        lengthM,
        lon0,
        lat0,
        lon1,
        lat1);
  }

  /**
   * Removes the registry rows a test wrote (other tests count districts and vehicles), children
   * first. Passes stay: nothing counts them globally, and retention drops them.
   */
  static void cleanUp(
      Pool pool,
      List<String> assignments,
      List<String> zones,
      List<String> vehicles,
      List<String> segments,
      List<String> districts) {
    String[][] deletes = {
      {"telemetry.assignments", "id"},
      {"telemetry.zones", "id"},
      {"telemetry.vehicles", "id"},
      {"telemetry.road_segments", "id"},
      {"telemetry.districts", "id"}
    };
    List<List<String>> ids = List.of(assignments, zones, vehicles, segments, districts);
    for (int i = 0; i < deletes.length; i++) {
      TestDb.query(
          pool,
          "DELETE FROM " + deletes[i][0] + " WHERE " + deletes[i][1] + " = ANY($1)",
          (Object) ids.get(i).toArray(String[]::new));
    }
  }

  static void passes(
      PartitionManager partitions, SegmentPassRepository repo, List<SegmentPass> ps) {
    List<LocalDate> days =
        ps.stream()
            .map(p -> LocalDate.ofInstant(p.startedAt(), ZoneOffset.UTC))
            .distinct()
            .toList();
    partitions.ensure(PartitionedTable.SEGMENT_PASSES, days).await().atMost(WAIT);
    repo.upsert(ps).await().atMost(WAIT);
  }

  static SegmentPass pass(
      String segment, String vehicle, Instant start, Instant end, String eq, double fraction) {
    return SegmentPass.of(segment, vehicle, start, end, eq, fraction, "test");
  }
}
