package dev.dozor.telemetry.zone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.geo.GeoInputs;
import dev.dozor.telemetry.registry.RowDeletion;
import dev.dozor.telemetry.zone.ZoneDtos.ZoneProperties;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code telemetry.zones} in PostGIS. Geometry is refused, not repaired: a zone drawn with a
 * self-intersection is a drawing mistake the user should see (the district import repairs instead,
 * because official boundaries are what they are).
 */
@ApplicationScoped
public class ZoneRepository {
  /** vehicles.depot_zone_id references zones (V4). */
  public static final String VEHICLE_DEPOT_FK = "vehicles_depot_zone_id_fkey";

  /** assignments.zone_id references zones (V4). */
  public static final String ASSIGNMENT_FK = "assignments_zone_id_fkey";

  /** GeoJSON text (parameter g) → 2D geometry in 4326, as the client drew it. */
  private static final String PARSED = "ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326))";

  private static final String FIRST_INVALID =
      """
      SELECT i, ST_IsValidReason(geom) AS reason, ST_IsEmpty(geom) AS empty
      FROM (SELECT i, %s AS geom FROM unnest($1::text[]) WITH ORDINALITY AS u(g, i)) parsed
      WHERE ST_IsEmpty(geom) OR NOT ST_IsValid(geom)
      ORDER BY i LIMIT 1
      """
          .formatted(PARSED);

  private static final String FIRST_UNKNOWN_DISTRICT =
      """
      SELECT i, d FROM unnest($1::text[]) WITH ORDINALITY AS u(d, i)
      WHERE d IS NOT NULL AND NOT EXISTS (SELECT 1 FROM telemetry.districts WHERE id = d)
      ORDER BY i LIMIT 1
      """;

  /** A zone whose kind would change away from what a vehicle (depot) or assignment needs. */
  private static final String FIRST_KIND_CONFLICT =
      """
      SELECT u.i, 'vehicle ''' || v.id || ''' has it as depot' AS user_text
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(id, kind, i)
      JOIN telemetry.vehicles v ON v.depot_zone_id = u.id
      WHERE u.kind <> 'depot'
      UNION ALL
      SELECT u.i, 'assignment ''' || a.id || ''' works in it' AS user_text
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(id, kind, i)
      JOIN telemetry.assignments a ON a.zone_id = u.id
      WHERE u.kind <> 'work-zone'
      ORDER BY 1 LIMIT 1
      """;

  // xmax = 0 only for a freshly inserted row: tells a create from an update
  private static final String UPSERT =
      """
      INSERT INTO telemetry.zones (id, name, kind, district_id, geom)
      SELECT id, name, kind, district, ST_Multi(%s)
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS u(id, name, kind, district, g)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, kind = excluded.kind, district_id = excluded.district_id,
        geom = excluded.geom, updated_at = now()
      RETURNING (xmax = 0) AS created, %s
      """;

  private static final String COLUMNS =
      "id, name, kind, district_id, ST_Area(geom::geography) AS area_m2, updated_at,"
          + " ST_AsGeoJSON(geom) AS geometry";

  private static final List<RowDeletion.Reference> REFERENCES =
      List.of(
          new RowDeletion.Reference(
              "vehicle", "telemetry.vehicles", "depot_zone_id", VEHICLE_DEPOT_FK),
          new RowDeletion.Reference(
              "assignment", "telemetry.assignments", "zone_id", ASSIGNMENT_FK));

  private final Pool pool;
  private final ObjectMapper mapper;

  public ZoneRepository(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapper = mapper;
  }

  /** How the fields of the i-th zone are named in 400s: a request body or an import file. */
  public record Fields(
      IntFunction<String> geometry, IntFunction<String> district, IntFunction<String> kind) {
    /** {@code PUT /api/v1/zones/{id}}. */
    public static final Fields REQUEST =
        new Fields(i -> "geometry", i -> "districtId", i -> "kind");

    /** {@code POST /api/v1/geo/zones}. */
    public static final Fields IMPORT =
        new Fields(
            i -> "features[" + i + "].geometry",
            i -> "features[" + i + "].properties.district",
            i -> "features[" + i + "].properties.kind");
  }

  /** A stored zone: the record (geometry as stored), its properties, whether it was created. */
  public record StoredZone(ZoneRecord record, ZoneProperties properties, boolean created) {}

  /** Zones, optionally only of one kind and/or district, by id. */
  public Uni<List<StoredZone>> list(String kind, String districtId) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM telemetry.zones WHERE ($1::text IS NULL OR kind = $1)"
                + " AND ($2::text IS NULL OR district_id = $2) ORDER BY id")
        .execute(Tuple.of(kind, districtId))
        .map(rows -> toZones(rows, false));
  }

  /** The zone, or null. */
  public Uni<StoredZone> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM telemetry.zones WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toZones(rows, false).stream().findFirst().orElse(null));
  }

  /** Every zone as a registry record (for the re-publication). */
  public Uni<List<ZoneRecord>> allRecords() {
    return list(null, null).map(list -> list.stream().map(StoredZone::record).toList());
  }

  /**
   * Creates or replaces the zones in one transaction, after checking them all: geometry valid and
   * not empty, district imported, kind still fitting the vehicles and assignments that use it.
   */
  public Uni<List<StoredZone>> upsert(List<GeoInputs.Zone> zones, Fields fields) {
    int n = zones.size();
    String[][] cols = new String[5][n];
    for (int k = 0; k < n; k++) {
      GeoInputs.Zone z = zones.get(k);
      cols[0][k] = z.id();
      cols[1][k] = z.name();
      cols[2][k] = z.kind();
      cols[3][k] = z.districtId();
      cols[4][k] = z.geometry();
    }
    return pool.withTransaction(
        conn ->
            requireValid(conn, cols[4], fields)
                .chain(() -> requireDistricts(conn, cols[3], fields))
                .chain(() -> requireKindsFit(conn, zones, cols[0], cols[2], fields))
                .chain(
                    () -> {
                      Tuple args = Tuple.tuple();
                      for (String[] col : cols) {
                        args.addValue(col);
                      }
                      return conn.preparedQuery(UPSERT.formatted(PARSED, COLUMNS)).execute(args);
                    })
                .map(rows -> toZones(rows, true)));
  }

  /** Deletes the zone unless a vehicle (depot) or an assignment names it. */
  public Uni<Void> delete(String id) {
    return RowDeletion.delete(pool, "telemetry.zones", "zone", id, REFERENCES);
  }

  private Uni<Void> requireValid(SqlConnection conn, String[] geometries, Fields fields) {
    return conn.preparedQuery(FIRST_INVALID)
        .execute(Tuple.of(geometries))
        .onFailure(PgException.class)
        .transform(
            e ->
                ApiException.invalid(
                    fields.geometry().apply(0),
                    "geometry is not readable GeoJSON: " + e.getMessage()))
        .invoke(
            rows -> {
              if (rows.size() > 0) {
                Row r = rows.iterator().next();
                int i = r.getLong("i").intValue() - 1;
                String why =
                    Boolean.TRUE.equals(r.getBoolean("empty"))
                        ? "is empty"
                        : "is not a valid polygon: " + r.getString("reason");
                throw ApiException.invalid(
                    fields.geometry().apply(i),
                    fields.geometry().apply(i)
                        + " "
                        + why
                        + " (rings must not cross themselves or each other)");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireDistricts(SqlConnection conn, String[] districts, Fields fields) {
    return conn.preparedQuery(FIRST_UNKNOWN_DISTRICT)
        .execute(Tuple.of(districts))
        .invoke(
            rows -> {
              if (rows.size() > 0) {
                Row r = rows.iterator().next();
                int i = r.getLong("i").intValue() - 1;
                throw ApiException.invalid(
                    fields.district().apply(i),
                    "district '" + r.getString("d") + "' is not imported");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireKindsFit(
      SqlConnection conn, List<GeoInputs.Zone> zones, String[] ids, String[] kinds, Fields fields) {
    return conn.preparedQuery(FIRST_KIND_CONFLICT)
        .execute(Tuple.of(ids, kinds))
        .invoke(
            rows -> {
              if (rows.size() > 0) {
                Row r = rows.iterator().next();
                int i = r.getLong("i").intValue() - 1;
                GeoInputs.Zone z = zones.get(i);
                throw ApiException.conflict(
                    fields.kind().apply(i),
                    "zone '"
                        + z.id()
                        + "' cannot become a "
                        + z.kind()
                        + ": "
                        + r.getString("user_text"));
              }
            })
        .replaceWithVoid();
  }

  private List<StoredZone> toZones(RowSet<Row> rows, boolean withCreated) {
    List<StoredZone> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      JsonNode geometry = json(r.getString("geometry"));
      ZoneProperties props =
          new ZoneProperties(
              r.getString("id"),
              r.getString("name"),
              r.getString("kind"),
              r.getString("district_id"),
              Math.round(r.getDouble("area_m2") * 10) / 10.0,
              r.getOffsetDateTime("updated_at").toInstant());
      list.add(
          new StoredZone(
              ZoneRecord.of(props.id(), props.name(), props.kind(), props.districtId(), geometry),
              props,
              withCreated && Boolean.TRUE.equals(r.getBoolean("created"))));
    }
    return list;
  }

  private JsonNode json(String geometry) {
    try {
      return mapper.readTree(geometry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostGIS returned invalid GeoJSON", e);
    }
  }
}
