package dev.dozor.telemetry.position;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code telemetry.vehicle_state}. */
@ApplicationScoped
public class VehicleStateRepository {
  private static final String SELECT =
      """
      SELECT vehicle_id, fix_time, ST_Y(geom) AS lat, ST_X(geom) AS lon, speed_kmh, heading_deg,
             equipment::text AS equipment
      FROM telemetry.vehicle_state WHERE vehicle_id = ANY($1::text[])
      """;

  private final Pool pool;

  public VehicleStateRepository(Pool pool) {
    this.pool = pool;
  }

  /** Last states of these vehicles, by vehicle id (vehicles without a fix are absent). */
  public Uni<Map<String, VehicleState>> find(Collection<String> vehicleIds) {
    if (vehicleIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery(SELECT)
        .execute(Tuple.tuple().addArrayOfString(vehicleIds.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, VehicleState> states = new HashMap<>();
              for (Row row : rows) {
                VehicleState s = toState(row);
                states.put(s.vehicleId(), s);
              }
              return states;
            });
  }

  private static VehicleState toState(Row row) {
    String equipment = row.getString("equipment");
    return new VehicleState(
        row.getString("vehicle_id"),
        row.getOffsetDateTime("fix_time").toInstant(),
        row.getDouble("lat"),
        row.getDouble("lon"),
        toDouble(row.getValue("speed_kmh")),
        toDouble(row.getValue("heading_deg")),
        equipment == null ? null : JsonSerde.fromJson(equipment, Equipment.class));
  }

  static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
