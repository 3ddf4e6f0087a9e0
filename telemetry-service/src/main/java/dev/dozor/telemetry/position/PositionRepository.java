package dev.dozor.telemetry.position;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes positions and the last state per vehicle with the reactive PG client: one multi-row insert
 * from arrays per batch (no per-point round-trips) and one state upsert, in one transaction.
 */
@ApplicationScoped
public class PositionRepository {

  static final String INSERT_POSITIONS =
      """
      INSERT INTO telemetry.positions
        (vehicle_id, fix_time, received_at, geom, speed_kmh, heading_deg, odometer_km,
         equipment, attributes)
      SELECT v, t, r, ST_SetSRID(ST_MakePoint(lon, lat), 4326), s::real, h::real, o,
             e::jsonb, a::jsonb
      FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::float8[], $5::float8[],
                  $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[])
           AS u(v, t, r, lon, lat, s, h, o, e, a)
      ON CONFLICT DO NOTHING
      """;

  static final String UPSERT_STATE =
      """
      INSERT INTO telemetry.vehicle_state
        (vehicle_id, fix_time, geom, speed_kmh, heading_deg, equipment, updated_at)
      SELECT v, t, ST_SetSRID(ST_MakePoint(lon, lat), 4326), s::real, h::real, e::jsonb, now()
      FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[],
                  $6::float8[], $7::text[])
           AS u(v, t, lon, lat, s, h, e)
      ON CONFLICT (vehicle_id) DO UPDATE SET
        fix_time = excluded.fix_time, geom = excluded.geom, speed_kmh = excluded.speed_kmh,
        heading_deg = excluded.heading_deg, equipment = excluded.equipment,
        updated_at = excluded.updated_at
      WHERE excluded.fix_time > vehicle_state.fix_time
      """;

  private final Pool pool;

  public PositionRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores a batch (partitions must exist) and advances the vehicles' last state, atomically; the
   * Uni completes after COMMIT.
   *
   * @return rows actually inserted (the rest were already stored)
   */
  public Uni<Integer> store(PositionBatch batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return pool.withTransaction(
        conn ->
            insertPositions(conn, batch.points())
                .call(inserted -> upsertState(conn, batch.latestPerVehicle())));
  }

  private Uni<Integer> insertPositions(SqlConnection conn, List<TelemetryPoint> points) {
    int n = points.size();
    String[] vehicle = new String[n];
    OffsetDateTime[] fix = new OffsetDateTime[n];
    OffsetDateTime[] received = new OffsetDateTime[n];
    Double[] lon = new Double[n];
    Double[] lat = new Double[n];
    Double[] speed = new Double[n];
    Double[] heading = new Double[n];
    Double[] odometer = new Double[n];
    String[] equipment = new String[n];
    String[] attributes = new String[n];
    for (int i = 0; i < n; i++) {
      TelemetryPoint p = points.get(i);
      vehicle[i] = p.vehicleId();
      fix[i] = utc(p.fixTime());
      received[i] = p.receivedAt() == null ? null : utc(p.receivedAt());
      lon[i] = p.lon();
      lat[i] = p.lat();
      speed[i] = p.speedKmh();
      heading[i] = p.headingDeg();
      odometer[i] = p.odometerKm();
      equipment[i] = JsonSerde.toJson(p.equipment());
      attributes[i] = JsonSerde.toJson(p.attributes());
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(vehicle)
            .addArrayOfOffsetDateTime(fix)
            .addArrayOfOffsetDateTime(received)
            .addArrayOfDouble(lon)
            .addArrayOfDouble(lat)
            .addArrayOfDouble(speed)
            .addArrayOfDouble(heading)
            .addArrayOfDouble(odometer)
            .addArrayOfString(equipment)
            .addArrayOfString(attributes);
    return conn.preparedQuery(INSERT_POSITIONS).execute(args).map(rows -> rows.rowCount());
  }

  private Uni<Void> upsertState(SqlConnection conn, List<TelemetryPoint> latest) {
    int n = latest.size();
    String[] vehicle = new String[n];
    OffsetDateTime[] fix = new OffsetDateTime[n];
    Double[] lon = new Double[n];
    Double[] lat = new Double[n];
    Double[] speed = new Double[n];
    Double[] heading = new Double[n];
    String[] equipment = new String[n];
    for (int i = 0; i < n; i++) {
      TelemetryPoint p = latest.get(i);
      vehicle[i] = p.vehicleId();
      fix[i] = utc(p.fixTime());
      lon[i] = p.lon();
      lat[i] = p.lat();
      speed[i] = p.speedKmh();
      heading[i] = p.headingDeg();
      equipment[i] = JsonSerde.toJson(p.equipment());
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(vehicle)
            .addArrayOfOffsetDateTime(fix)
            .addArrayOfDouble(lon)
            .addArrayOfDouble(lat)
            .addArrayOfDouble(speed)
            .addArrayOfDouble(heading)
            .addArrayOfString(equipment);
    return conn.preparedQuery(UPSERT_STATE).execute(args).replaceWithVoid();
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
