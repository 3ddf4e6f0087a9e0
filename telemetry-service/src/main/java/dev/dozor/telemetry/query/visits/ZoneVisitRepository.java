package dev.dozor.telemetry.query.visits;

import dev.dozor.telemetry.query.RowStreams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixes in and around a zone. */
@ApplicationScoped
public class ZoneVisitRepository {
  /**
   * The vehicles with a fix inside (the positions gist index with the time filter), then all their
   * fixes of the interval in order, flagged inside or not: an outside fix ends a visit.
   */
  static final String FIXES =
      """
      WITH z AS (SELECT geom FROM telemetry.zones WHERE id = $1),
      seen AS (
        SELECT DISTINCT p.vehicle_id
        FROM telemetry.positions p, z
        WHERE p.fix_time >= $2 AND p.fix_time < $3 AND ST_Intersects(p.geom, z.geom))
      SELECT p.vehicle_id, (date_part('epoch', p.fix_time) * 1000)::int8,
             ST_Intersects(p.geom, z.geom)
      FROM telemetry.positions p, z
      WHERE p.vehicle_id IN (SELECT vehicle_id FROM seen)
        AND p.fix_time >= $2 AND p.fix_time < $3
      ORDER BY p.vehicle_id, p.fix_time
      """;

  private final Pool pool;

  public ZoneVisitRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> zoneExists(String zoneId) {
    return pool.preparedQuery("SELECT 1 FROM telemetry.zones WHERE id = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(zoneId))
        .map(rows -> rows.size() > 0);
  }

  /** Visit trackers per vehicle that was inside at least once, by vehicle id in order. */
  public Uni<Map<String, ZoneVisitTracker>> visits(
      String zoneId, Instant from, Instant to, long maxGapMs) {
    return RowStreams.collect(
        pool,
        FIXES,
        Tuple.of(zoneId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)),
        RowStreams.into(
            LinkedHashMap<String, ZoneVisitTracker>::new,
            (map, row) ->
                map.computeIfAbsent(row.getString(0), v -> new ZoneVisitTracker(maxGapMs))
                    .accept(row.getLong(1), row.getBoolean(2))));
  }

  /** Plates of these vehicles (unregistered ones are absent). */
  public Uni<Map<String, String>> plates(List<String> vehicleIds) {
    return pool.preparedQuery("SELECT id, plate FROM telemetry.vehicles WHERE id = ANY($1)")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(vehicleIds.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, String> plates = new HashMap<>();
              rows.forEach(r -> plates.put(r.getString(0), r.getString(1)));
              return plates;
            });
  }
}
