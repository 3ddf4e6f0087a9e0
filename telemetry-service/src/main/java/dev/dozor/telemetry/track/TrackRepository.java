package dev.dozor.telemetry.track;

import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.RowStreams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Reads the fixes of one vehicle in a time interval: one query on the primary key (partition
 * pruning by fix_time), only the columns a track needs (time as epoch ms, lat/lon as doubles,
 * equipment as text, packed into an int when it changes), collected straight into primitive arrays.
 */
@ApplicationScoped
public class TrackRepository {
  static final String SELECT =
      "SELECT (date_part('epoch', fix_time) * 1000)::int8, ST_Y(geom), ST_X(geom),"
          + " equipment::text FROM telemetry.positions"
          + " WHERE vehicle_id = $1 AND fix_time >= $2 AND fix_time < $3 ORDER BY fix_time";

  private final Pool pool;

  private static final class Reader {
    final TrackPoints points = new TrackPoints();
    final EquipmentBits.TextDecoder equipment = new EquipmentBits.TextDecoder();
  }

  public TrackRepository(Pool pool) {
    this.pool = pool;
  }

  /** The fixes of {@code [from, to)} in time order. */
  public Uni<TrackPoints> fixes(String vehicleId, TrackInterval interval) {
    Tuple args =
        Tuple.of(
            vehicleId,
            interval.from().atOffset(ZoneOffset.UTC),
            interval.to().atOffset(ZoneOffset.UTC));
    return RowStreams.collect(
            pool,
            SELECT,
            args,
            RowStreams.into(
                Reader::new,
                (reader, row) ->
                    reader.points.add(
                        row.getLong(0),
                        row.getDouble(1),
                        row.getDouble(2),
                        reader.equipment.bits(row.getString(3)))))
        .map(reader -> reader.points);
  }

  /** Whether the vehicle is registered. */
  public Uni<Boolean> vehicleExists(String vehicleId) {
    return pool.preparedQuery("SELECT 1 FROM telemetry.vehicles WHERE id = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(vehicleId))
        .map(rows -> rows.size() > 0);
  }
}
