package dev.dozor.telemetry.query.mileage;

import dev.dozor.telemetry.query.EquipmentBits;
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

/**
 * Streams the fixes of an interval, vehicle by vehicle in time order (the primary key of each
 * partition), into one {@link MileageAccumulator} per vehicle; rows are never held in memory.
 */
@ApplicationScoped
public class MileageRepository {
  private static final String COLUMNS =
      "SELECT vehicle_id, (date_part('epoch', fix_time) * 1000)::int8, ST_Y(geom), ST_X(geom),"
          + " equipment::text, odometer_km FROM telemetry.positions"
          + " WHERE fix_time >= $1 AND fix_time < $2";
  static final String ALL = COLUMNS + " ORDER BY vehicle_id, fix_time";
  static final String SOME = COLUMNS + " AND vehicle_id = ANY($3) ORDER BY vehicle_id, fix_time";

  private final Pool pool;

  private static final class Reader {
    final Map<String, MileageAccumulator> byVehicle = new LinkedHashMap<>();
    final EquipmentBits.TextDecoder equipment = new EquipmentBits.TextDecoder();
  }

  public MileageRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param vehicleIds the vehicles, or empty for every vehicle with fixes
   */
  public Uni<Map<String, MileageAccumulator>> mileage(
      Instant from, Instant to, List<String> vehicleIds, double maxSpeedKmh) {
    Tuple args = Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    if (!vehicleIds.isEmpty()) {
      args.addArrayOfString(vehicleIds.toArray(String[]::new));
    }
    return RowStreams.collect(
            pool,
            vehicleIds.isEmpty() ? ALL : SOME,
            args,
            RowStreams.into(
                Reader::new,
                (reader, row) -> {
                  Double odometer = row.getDouble(5);
                  reader
                      .byVehicle
                      .computeIfAbsent(row.getString(0), v -> new MileageAccumulator(maxSpeedKmh))
                      .accept(
                          row.getLong(1),
                          row.getDouble(2),
                          row.getDouble(3),
                          reader.equipment.bits(row.getString(4)),
                          odometer == null ? Double.NaN : odometer);
                }))
        .map(reader -> reader.byVehicle);
  }

  /** Plates of these vehicles; unregistered ones are absent. Empty list: every vehicle. */
  public Uni<Map<String, String>> plates(List<String> vehicleIds) {
    var query =
        vehicleIds.isEmpty()
            ? pool.preparedQuery("SELECT id, plate FROM telemetry.vehicles").execute()
            : pool.preparedQuery("SELECT id, plate FROM telemetry.vehicles WHERE id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(vehicleIds.toArray(String[]::new)));
    return query.map(
        rows -> {
          Map<String, String> plates = new HashMap<>();
          rows.forEach(r -> plates.put(r.getString(0), r.getString(1)));
          return plates;
        });
  }
}
