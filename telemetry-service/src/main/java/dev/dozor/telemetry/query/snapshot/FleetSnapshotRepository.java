package dev.dozor.telemetry.query.snapshot;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.telemetry.query.snapshot.FleetSnapshot.Feature;
import dev.dozor.telemetry.query.snapshot.FleetSnapshot.Point;
import dev.dozor.telemetry.query.snapshot.FleetSnapshot.Properties;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The last position of every registered vehicle at a time. */
@ApplicationScoped
public class FleetSnapshotRepository {
  /**
   * One index probe per vehicle on the primary key (vehicle_id, fix_time), backwards from $1; the
   * time bounds prune the partitions outside [$2, $1].
   */
  static final String AT_TIME =
      """
      SELECT v.id, v.plate, v.type, p.fix_time, ST_X(p.geom), ST_Y(p.geom), p.speed_kmh,
             p.heading_deg, CASE WHEN jsonb_typeof(p.equipment) = 'object' THEN p.equipment::text END
      FROM telemetry.vehicles v
      CROSS JOIN LATERAL (
        SELECT fix_time, geom, speed_kmh, heading_deg, equipment
        FROM telemetry.positions p
        WHERE p.vehicle_id = v.id AND p.fix_time <= $1 AND p.fix_time >= $2
        ORDER BY p.fix_time DESC
        LIMIT 1) p
      ORDER BY v.id
      """;

  static final String NOW =
      """
      SELECT v.id, v.plate, v.type, s.fix_time, ST_X(s.geom), ST_Y(s.geom), s.speed_kmh,
             s.heading_deg, CASE WHEN jsonb_typeof(s.equipment) = 'object' THEN s.equipment::text END
      FROM telemetry.vehicles v JOIN telemetry.vehicle_state s ON s.vehicle_id = v.id
      WHERE s.fix_time >= $1
      ORDER BY v.id
      """;

  private final Pool pool;

  public FleetSnapshotRepository(Pool pool) {
    this.pool = pool;
  }

  /** From the stored positions: the last fix in {@code [at - maxAge, at]} per vehicle. */
  public Uni<List<Feature>> at(Instant at, Duration maxAge) {
    return pool.preparedQuery(AT_TIME)
        .execute(Tuple.of(utc(at), utc(at.minus(maxAge))))
        .map(rows -> features(rows, at));
  }

  /** From vehicle_state: the latest fix per vehicle, if not older than {@code maxAge}. */
  public Uni<List<Feature>> now(Instant now, Duration maxAge) {
    return pool.preparedQuery(NOW)
        .execute(Tuple.of(utc(now.minus(maxAge))))
        .map(rows -> features(rows, now));
  }

  /** Registered vehicles. */
  public Uni<Long> vehicleCount() {
    return pool.query("SELECT count(*) FROM telemetry.vehicles")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static List<Feature> features(RowSet<Row> rows, Instant at) {
    List<Feature> features = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Instant fix = row.getOffsetDateTime(3).toInstant();
      String equipment = row.getString(8);
      features.add(
          new Feature(
              new Point(row.getDouble(4), row.getDouble(5)),
              new Properties(
                  row.getString(0),
                  row.getString(1),
                  row.getString(2),
                  fix,
                  Duration.between(fix, at).toMillis() / 1000.0,
                  toDouble(row.getValue(6)),
                  toDouble(row.getValue(7)),
                  equipment == null ? null : JsonSerde.fromJson(equipment, Equipment.class))));
    }
    return features;
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
