package dev.dozor.telemetry.planning;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentView;
import dev.dozor.telemetry.registry.RowDeletion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code telemetry.assignments}, on the reactive PG pool. */
@ApplicationScoped
public class AssignmentRepository {
  /** assignments.vehicle_id references vehicles (V4). */
  public static final String VEHICLE_FK = "assignments_vehicle_id_fkey";

  /** assignments.zone_id references zones (V4). */
  public static final String ZONE_FK = "assignments_zone_id_fkey";

  private static final String COLUMNS =
      "id, vehicle_id, shift_start, shift_end, zone_id, segment_ids, corridor_m, note, updated_at";

  /**
   * What the assignment names, in one round trip: the vehicle, the zone's kind, unknown segments.
   */
  private static final String REFERENCES =
      """
      SELECT EXISTS (SELECT 1 FROM telemetry.vehicles WHERE id = $1) AS vehicle,
             (SELECT kind FROM telemetry.zones WHERE id = $2) AS zone_kind,
             (SELECT array_agg(s ORDER BY n) FROM unnest($3::text[]) WITH ORDINALITY AS u(s, n)
              WHERE NOT EXISTS (SELECT 1 FROM telemetry.road_segments WHERE id = s))
               AS unknown_segments
      """;

  // xmax = 0 only for a freshly inserted row: tells a create from an update
  private static final String UPSERT =
      """
      INSERT INTO telemetry.assignments
        (id, vehicle_id, shift_start, shift_end, zone_id, segment_ids, corridor_m, note)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (id) DO UPDATE SET
        vehicle_id = excluded.vehicle_id, shift_start = excluded.shift_start,
        shift_end = excluded.shift_end, zone_id = excluded.zone_id,
        segment_ids = excluded.segment_ids, corridor_m = excluded.corridor_m,
        note = excluded.note, updated_at = now()
      RETURNING (xmax = 0) AS created
      """;

  /** Assignments whose shift overlaps [from, to); every filter optional. */
  private static final String LIST =
      """
      SELECT %s FROM telemetry.assignments
      WHERE ($1::text IS NULL OR vehicle_id = $1)
        AND ($2::timestamptz IS NULL OR shift_end > $2)
        AND ($3::timestamptz IS NULL OR shift_start < $3)
      ORDER BY shift_start, id
      """
          .formatted(COLUMNS);

  /** Unknown segment ids named in a 400 (the rest are counted). */
  private static final int SHOWN_UNKNOWN = 10;

  private final Pool pool;

  public AssignmentRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<AssignmentView>> list(String vehicleId, Instant from, Instant to) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(vehicleId, utc(from), utc(to)))
        .map(AssignmentRepository::toViews);
  }

  /** The assignment, or null. */
  public Uni<AssignmentView> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM telemetry.assignments WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toViews(rows).stream().findFirst().orElse(null));
  }

  /** Every assignment as a registry record (for the re-publication). */
  public Uni<List<AssignmentRecord>> allRecords() {
    return list(null, null, null)
        .map(list -> list.stream().map(AssignmentRepository::toRecord).toList());
  }

  /**
   * Checks what the assignment names (400 naming the field) and creates or replaces it, in one
   * transaction.
   *
   * @return true when it was created
   */
  public Uni<Boolean> upsert(AssignmentRecord a) {
    String[] segments = a.segmentIds().toArray(String[]::new);
    return pool.withTransaction(
            conn ->
                requireReferences(conn, a, segments)
                    .chain(
                        () ->
                            conn.preparedQuery(UPSERT)
                                .execute(
                                    Tuple.tuple()
                                        .addValue(a.id())
                                        .addValue(a.vehicleId())
                                        .addValue(utc(a.shiftStart()))
                                        .addValue(utc(a.shiftEnd()))
                                        .addValue(a.zoneId())
                                        .addValue(segments)
                                        .addValue(a.corridorM())
                                        .addValue(a.note())))
                    .map(rows -> rows.iterator().next().getBoolean("created")))
        .onFailure()
        .transform(AssignmentRepository::constraintToApiError);
  }

  /** Deletes the assignment (nothing references one); 404 when it does not exist. */
  public Uni<Void> delete(String id) {
    return RowDeletion.delete(pool, "telemetry.assignments", "assignment", id, List.of());
  }

  private static Uni<Void> requireReferences(
      SqlConnection conn, AssignmentRecord a, String[] segments) {
    return conn.preparedQuery(REFERENCES)
        .execute(Tuple.of(a.vehicleId(), a.zoneId(), segments))
        .invoke(
            rows -> {
              Row r = rows.iterator().next();
              if (!r.getBoolean("vehicle")) {
                throw ApiException.invalid(
                    "vehicleId", "vehicle '" + a.vehicleId() + "' is not registered");
              }
              String kind = r.getString("zone_kind");
              if (a.zoneId() != null && kind == null) {
                throw ApiException.invalid("zoneId", "zone '" + a.zoneId() + "' does not exist");
              }
              if (a.zoneId() != null && !ZoneRecord.WORK_ZONE.equals(kind)) {
                throw ApiException.invalid(
                    "zoneId",
                    "zone '" + a.zoneId() + "' is a " + kind + ", not a " + ZoneRecord.WORK_ZONE);
              }
              String[] unknown = r.getArrayOfStrings("unknown_segments");
              if (unknown != null && unknown.length > 0) {
                int shown = Math.min(unknown.length, SHOWN_UNKNOWN);
                String more =
                    unknown.length > shown ? " and " + (unknown.length - shown) + " more" : "";
                throw ApiException.invalid(
                    "segmentIds",
                    "unknown road segments: "
                        + String.join(", ", Arrays.asList(unknown).subList(0, shown))
                        + more);
              }
            })
        .replaceWithVoid();
  }

  /** A vehicle or zone deleted between the check and the commit: the foreign key decides. */
  private static Throwable constraintToApiError(Throwable failure) {
    if (failure instanceof ApiException) {
      return failure;
    }
    String violated = DbErrors.violated(failure, List.of(VEHICLE_FK, ZONE_FK));
    if (violated == null) {
      return failure;
    }
    return VEHICLE_FK.equals(violated)
        ? ApiException.invalid("vehicleId", "the vehicle no longer exists")
        : ApiException.invalid("zoneId", "the zone no longer exists");
  }

  static AssignmentRecord toRecord(AssignmentView v) {
    return AssignmentRecord.of(
        v.id(),
        v.vehicleId(),
        v.shiftStart(),
        v.shiftEnd(),
        v.zoneId(),
        v.segmentIds(),
        v.corridorM(),
        v.note());
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static List<AssignmentView> toViews(RowSet<Row> rows) {
    List<AssignmentView> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      String[] segments = r.getArrayOfStrings("segment_ids");
      list.add(
          new AssignmentView(
              r.getString("id"),
              r.getString("vehicle_id"),
              r.getOffsetDateTime("shift_start").toInstant(),
              r.getOffsetDateTime("shift_end").toInstant(),
              r.getString("zone_id"),
              segments == null ? List.of() : List.of(segments),
              r.getDouble("corridor_m"),
              r.getString("note"),
              r.getOffsetDateTime("updated_at").toInstant()));
    }
    return list;
  }
}
