package dev.dozor.telemetry.track;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads fixes of one vehicle in a time interval (partition pruning by fix_time). */
@ApplicationScoped
public class TrackRepository {
  private static final String SELECT =
      """
      SELECT fix_time, ST_Y(geom) AS lat, ST_X(geom) AS lon, speed_kmh, heading_deg,
             equipment::text AS equipment
      FROM telemetry.positions
      WHERE vehicle_id = $1 AND fix_time >= $2 AND fix_time < $3
      ORDER BY fix_time
      """;

  private final Pool pool;

  public TrackRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<TrackFix>> fixes(String vehicleId, TrackInterval interval) {
    Tuple args =
        Tuple.of(
            vehicleId,
            interval.from().atOffset(ZoneOffset.UTC),
            interval.to().atOffset(ZoneOffset.UTC));
    return pool.preparedQuery(SELECT)
        .execute(args)
        .map(
            rows -> {
              List<TrackFix> fixes = new ArrayList<>(rows.size());
              for (Row row : rows) {
                fixes.add(toFix(row));
              }
              return fixes;
            });
  }

  /** Whether the vehicle is registered. */
  public Uni<Boolean> vehicleExists(String vehicleId) {
    return pool.preparedQuery("SELECT 1 FROM telemetry.vehicles WHERE id = $1")
        .execute(Tuple.of(vehicleId))
        .map(rows -> rows.size() > 0);
  }

  private static TrackFix toFix(Row row) {
    String equipment = row.getString("equipment");
    return new TrackFix(
        row.getOffsetDateTime("fix_time").toInstant(),
        row.getDouble("lat"),
        row.getDouble("lon"),
        toDouble(row.getValue("speed_kmh")),
        toDouble(row.getValue("heading_deg")),
        equipment == null ? null : JsonSerde.fromJson(equipment, Equipment.class));
  }

  private static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
