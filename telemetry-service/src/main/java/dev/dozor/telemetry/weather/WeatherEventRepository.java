package dev.dozor.telemetry.weather;

import dev.dozor.events.WeatherEventRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import dev.dozor.telemetry.registry.RowDeletion;
import dev.dozor.telemetry.weather.WeatherEventDtos.WeatherEventView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@code telemetry.weather_events}, on the reactive PG pool. */
@ApplicationScoped
public class WeatherEventRepository {
  /** weather_events.district_id references districts (V4). */
  public static final String DISTRICT_FK = "weather_events_district_id_fkey";

  private static final String COLUMNS = "id, district_id, kind, at, note, updated_at";

  // xmax = 0 only for a freshly inserted row: tells a create from an update
  private static final String UPSERT =
      """
      INSERT INTO telemetry.weather_events (id, district_id, kind, at, note)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (id) DO UPDATE SET
        district_id = excluded.district_id, kind = excluded.kind, at = excluded.at,
        note = excluded.note, updated_at = now()
      RETURNING (xmax = 0) AS created
      """;

  /** Events of a district (or all) at a time in [from, to); every filter optional. */
  private static final String LIST =
      """
      SELECT %s FROM telemetry.weather_events
      WHERE ($1::text IS NULL OR district_id = $1)
        AND ($2::timestamptz IS NULL OR at >= $2)
        AND ($3::timestamptz IS NULL OR at < $3)
      ORDER BY at, id
      """
          .formatted(COLUMNS);

  private final Pool pool;

  public WeatherEventRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<WeatherEventView>> list(String districtId, Instant from, Instant to) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(districtId, utc(from), utc(to)))
        .map(WeatherEventRepository::toViews);
  }

  /** The event, or null. */
  public Uni<WeatherEventView> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM telemetry.weather_events WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toViews(rows).stream().findFirst().orElse(null));
  }

  /** Every weather event as a registry record (for the re-publication). */
  public Uni<List<WeatherEventRecord>> allRecords() {
    return list(null, null, null)
        .map(list -> list.stream().map(WeatherEventRepository::toRecord).toList());
  }

  /**
   * Creates or replaces the event; 400 naming districtId when the district is not imported.
   *
   * @return true when it was created
   */
  public Uni<Boolean> upsert(WeatherEventRecord e) {
    return pool.withTransaction(
            conn ->
                conn.preparedQuery("SELECT 1 FROM telemetry.districts WHERE id = $1")
                    .execute(Tuple.of(e.districtId()))
                    .invoke(
                        rows -> {
                          if (rows.size() == 0) {
                            throw unknownDistrict(e.districtId());
                          }
                        })
                    .chain(
                        () ->
                            conn.preparedQuery(UPSERT)
                                .execute(
                                    Tuple.of(
                                        e.id(), e.districtId(), e.kind(), utc(e.at()), e.note())))
                    .map(rows -> rows.iterator().next().getBoolean("created")))
        .onFailure(f -> DbErrors.violated(f, List.of(DISTRICT_FK)) != null)
        .transform(f -> unknownDistrict(e.districtId()));
  }

  /** Deletes the event (nothing references one); 404 when it does not exist. */
  public Uni<Void> delete(String id) {
    return RowDeletion.delete(pool, "telemetry.weather_events", "weather event", id, List.of());
  }

  private static ApiException unknownDistrict(String districtId) {
    return ApiException.invalid("districtId", "district '" + districtId + "' is not imported");
  }

  static WeatherEventRecord toRecord(WeatherEventView v) {
    return WeatherEventRecord.of(v.id(), v.districtId(), v.kind(), v.at(), v.note());
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static List<WeatherEventView> toViews(RowSet<Row> rows) {
    List<WeatherEventView> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      list.add(
          new WeatherEventView(
              r.getString("id"),
              r.getString("district_id"),
              r.getString("kind"),
              r.getOffsetDateTime("at").toInstant(),
              r.getString("note"),
              r.getOffsetDateTime("updated_at").toInstant()));
    }
    return list;
  }
}
