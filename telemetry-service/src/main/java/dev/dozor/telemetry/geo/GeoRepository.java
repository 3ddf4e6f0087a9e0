package dev.dozor.telemetry.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.OkrugRecord;
import dev.dozor.events.RoadSegmentRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Geography in PostGIS with the reactive PG client. Geometry work happens in SQL: GeoJSON is
 * parsed, repaired and split by PostGIS; one statement per chunk of features (arrays + unnest).
 */
@ApplicationScoped
public class GeoRepository {

  /** GeoJSON (Multi)Polygon text → valid MultiPolygon in 4326. */
  private static final String AREA =
      "ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)), 3))";

  static final String UPSERT_OKRUGS =
      """
      INSERT INTO telemetry.okrugs (id, name, abbrev, okato, geom, imported_at)
      SELECT id, name, abbrev, okato, %s, now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS u(id, name, abbrev, okato, g)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, abbrev = excluded.abbrev, okato = excluded.okato,
        geom = excluded.geom, imported_at = excluded.imported_at
      """
          .formatted(AREA);

  static final String UPSERT_DISTRICTS =
      """
      INSERT INTO telemetry.districts (id, name, okrug_abbrev, okato, oktmo, geom, imported_at)
      SELECT id, name, okrug, okato, oktmo, %s, now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS u(id, name, okrug, okato, oktmo, g)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, okrug_abbrev = excluded.okrug_abbrev, okato = excluded.okato,
        oktmo = excluded.oktmo, geom = excluded.geom, imported_at = excluded.imported_at
      """
          .formatted(AREA);

  static final String DELETE_WAYS =
      "DELETE FROM telemetry.road_segments WHERE way_id = ANY($1) RETURNING id";

  /**
   * Splits each way into n = ceil(geodesic length / max) pieces of equal length. Fractions are
   * taken in the way's UTM zone (metric, scale error < 0.1 %), not in degrees, where a metre east
   * and a metre north differ by 1/cos(lat). The district is the one containing the midpoint.
   */
  static final String INSERT_SEGMENTS =
      """
      WITH way AS (
        SELECT way_id, name, category, priority, maxspeed, geom,
               greatest(1, ceil(ST_Length(geom::geography) / $6))::int AS n,
               (CASE WHEN ST_Y(ST_Centroid(geom)) >= 0 THEN 32600 ELSE 32700 END)
                 + least(60, floor((ST_X(ST_Centroid(geom)) + 180) / 6)::int + 1) AS utm
        FROM (SELECT way_id, name, category, priority, maxspeed,
                     ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) AS geom
              FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $7::int[])
                   AS u(way_id, name, category, maxspeed, g, priority)) parsed
      ), seg AS (
        SELECT w.way_id, w.name, w.category, w.priority, w.maxspeed, s.i AS seq,
               ST_Transform(
                 ST_LineSubstring(ST_Transform(w.geom, w.utm), s.i::float8 / w.n,
                                  (s.i + 1)::float8 / w.n), 4326) AS geom
        FROM way w CROSS JOIN LATERAL generate_series(0, w.n - 1) AS s(i)
      ), ins AS (
        INSERT INTO telemetry.road_segments
          (id, way_id, seq, name, category, priority, maxspeed_kmh, district_id, length_m, geom,
           imported_at)
        SELECT seg.way_id || '-' || seg.seq, seg.way_id, seg.seq, seg.name, seg.category,
               seg.priority, seg.maxspeed, d.id, ST_Length(seg.geom::geography), seg.geom, now()
        FROM seg
        LEFT JOIN LATERAL (
          SELECT id FROM telemetry.districts
          WHERE ST_Contains(geom, ST_LineInterpolatePoint(seg.geom, 0.5))
          ORDER BY id LIMIT 1) d ON true
        ON CONFLICT (id) DO UPDATE SET
          way_id = excluded.way_id, seq = excluded.seq, name = excluded.name,
          category = excluded.category, priority = excluded.priority,
          maxspeed_kmh = excluded.maxspeed_kmh,
          district_id = excluded.district_id, length_m = excluded.length_m,
          geom = excluded.geom, imported_at = excluded.imported_at
        RETURNING id, district_id
      )
      SELECT count(*) AS segments, count(*) FILTER (WHERE district_id IS NULL) AS without_district,
             coalesce(array_agg(id), '{}') AS ids
      FROM ins
      """;

  static final String DISTRICT_COLUMNS =
      "id, name, okrug_abbrev, okato, oktmo, ST_Area(geom::geography) / 1e6 AS area_km2";

  static final String SEGMENT_COLUMNS =
      "id, way_id, seq, name, category, priority, maxspeed_kmh, district_id, length_m,"
          + " ST_AsGeoJSON(geom) AS geometry";

  private final Pool pool;
  private final ObjectMapper mapper;

  public GeoRepository(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapper = mapper;
  }

  /** Upserts okrugs; returns rows written. */
  public Uni<Integer> upsertOkrugs(SqlConnection conn, List<GeoInputs.Okrug> okrugs) {
    int n = okrugs.size();
    String[][] cols = new String[5][n];
    for (int k = 0; k < n; k++) {
      GeoInputs.Okrug o = okrugs.get(k);
      cols[0][k] = o.id();
      cols[1][k] = o.name();
      cols[2][k] = o.abbrev();
      cols[3][k] = o.okato();
      cols[4][k] = o.geometry();
    }
    return conn.preparedQuery(UPSERT_OKRUGS)
        .execute(Tuple.of(cols[0], cols[1], cols[2], cols[3], cols[4]))
        .map(rows -> rows.rowCount());
  }

  /** Upserts districts; returns rows written. */
  public Uni<Integer> upsertDistricts(SqlConnection conn, List<GeoInputs.District> districts) {
    int n = districts.size();
    String[][] cols = new String[6][n];
    for (int k = 0; k < n; k++) {
      GeoInputs.District d = districts.get(k);
      cols[0][k] = d.id();
      cols[1][k] = d.name();
      cols[2][k] = d.okrugAbbrev();
      cols[3][k] = d.okato();
      cols[4][k] = d.oktmo();
      cols[5][k] = d.geometry();
    }
    Tuple args = Tuple.tuple();
    for (String[] col : cols) {
      args.addValue(col);
    }
    return conn.preparedQuery(UPSERT_DISTRICTS).execute(args).map(rows -> rows.rowCount());
  }

  /**
   * What one road chunk wrote.
   *
   * @param removedIds segments of these ways that existed before and are gone now (a way that got
   *     shorter): they need tombstones on the registry topic
   */
  public record SegmentCounts(long segments, long withoutDistrict, List<String> removedIds) {}

  /** Replaces the segments of these ways (old segments first deleted), split at {@code maxM}. */
  public Uni<SegmentCounts> replaceRoads(
      SqlConnection conn, List<GeoInputs.Road> roads, double maxM) {
    int n = roads.size();
    String[] way = new String[n];
    String[] name = new String[n];
    String[] category = new String[n];
    Integer[] maxspeed = new Integer[n];
    String[] geometry = new String[n];
    Integer[] priority = new Integer[n];
    for (int k = 0; k < n; k++) {
      GeoInputs.Road r = roads.get(k);
      way[k] = r.wayId();
      name[k] = r.name();
      category[k] = r.category();
      maxspeed[k] = r.maxspeedKmh();
      geometry[k] = r.geometry();
      priority[k] = RoadPriority.of(r.category());
    }
    Tuple args = Tuple.tuple();
    args.addValue(way).addValue(name).addValue(category).addValue(maxspeed).addValue(geometry);
    args.addValue(maxM).addValue(priority);
    return conn.preparedQuery(DELETE_WAYS)
        .execute(Tuple.of(way))
        .chain(
            deleted ->
                conn.preparedQuery(INSERT_SEGMENTS)
                    .execute(args)
                    .map(
                        rows -> {
                          Row row = rows.iterator().next();
                          Set<String> written = Set.of(row.getArrayOfStrings("ids"));
                          List<String> removed = new ArrayList<>();
                          for (Row d : deleted) {
                            if (!written.contains(d.getString("id"))) {
                              removed.add(d.getString("id"));
                            }
                          }
                          return new SegmentCounts(
                              row.getLong("segments"), row.getLong("without_district"), removed);
                        }));
  }

  /** All districts without geometry, by okrug then name. */
  public Uni<List<GeoDtos.District>> districts() {
    return pool.query(
            "SELECT " + DISTRICT_COLUMNS + " FROM telemetry.districts ORDER BY okrug_abbrev, name")
        .execute()
        .map(
            rows -> {
              List<GeoDtos.District> list = new ArrayList<>(rows.size());
              rows.forEach(r -> list.add(toDistrict(r)));
              return list;
            });
  }

  /** One district with its geometry as GeoJSON text, or null. */
  public Uni<DistrictWithGeometry> district(String id) {
    return pool.preparedQuery(
            "SELECT "
                + DISTRICT_COLUMNS
                + ", ST_AsGeoJSON(geom) AS geometry FROM telemetry.districts WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? null
                    : new DistrictWithGeometry(
                        toDistrict(rows.iterator().next()),
                        rows.iterator().next().getString("geometry")));
  }

  /** A district and its geometry (GeoJSON text). */
  public record DistrictWithGeometry(GeoDtos.District district, String geometry) {}

  /** Road segments, of one district or (districtId null) all, by way and seq. */
  public Uni<List<SegmentRow>> segments(String districtId) {
    String sql =
        "SELECT "
            + SEGMENT_COLUMNS
            + " FROM telemetry.road_segments WHERE $1::text IS NULL OR district_id = $1"
            + " ORDER BY way_id, seq";
    return pool.preparedQuery(sql)
        .execute(Tuple.of(districtId))
        .map(
            rows -> {
              List<SegmentRow> list = new ArrayList<>(rows.size());
              for (Row r : rows) {
                list.add(new SegmentRow(segmentProperties(r), r.getString("geometry")));
              }
              return list;
            });
  }

  /** Road segments as registry records: of these ways, or (wayIds null) all. */
  public Uni<List<RoadSegmentRecord>> segmentRecords(List<String> wayIds) {
    String sql =
        "SELECT "
            + SEGMENT_COLUMNS
            + " FROM telemetry.road_segments WHERE $1::text[] IS NULL OR way_id = ANY($1)"
            + " ORDER BY way_id, seq";
    return pool.preparedQuery(sql)
        .execute(Tuple.of(wayIds == null ? null : wayIds.toArray(String[]::new)))
        .map(
            rows -> {
              List<RoadSegmentRecord> list = new ArrayList<>(rows.size());
              for (Row r : rows) {
                GeoDtos.SegmentProperties p = segmentProperties(r);
                list.add(
                    RoadSegmentRecord.of(
                        p.id(),
                        p.wayId(),
                        p.name(),
                        p.category(),
                        p.priority(),
                        p.maxspeedKmh(),
                        p.districtId(),
                        p.lengthM(),
                        json(r.getString("geometry"))));
              }
              return list;
            });
  }

  /** Okrugs as registry records (geometry as stored): these, or (ids null) all. */
  public Uni<List<OkrugRecord>> okrugRecords(List<String> ids) {
    return pool.preparedQuery(
            "SELECT id, name, abbrev, ST_AsGeoJSON(geom) AS geometry FROM telemetry.okrugs"
                + " WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY id")
        .execute(Tuple.of(ids == null ? null : ids.toArray(String[]::new)))
        .map(
            rows -> {
              List<OkrugRecord> list = new ArrayList<>(rows.size());
              for (Row r : rows) {
                list.add(
                    OkrugRecord.of(
                        r.getString("id"),
                        r.getString("name"),
                        r.getString("abbrev"),
                        json(r.getString("geometry"))));
              }
              return list;
            });
  }

  /** Districts as registry records: these, or (ids null) all. */
  public Uni<List<DistrictRecord>> districtRecords(List<String> ids) {
    return pool.preparedQuery(
            "SELECT id, name, okrug_abbrev, ST_AsGeoJSON(geom) AS geometry"
                + " FROM telemetry.districts WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY id")
        .execute(Tuple.of(ids == null ? null : ids.toArray(String[]::new)))
        .map(
            rows -> {
              List<DistrictRecord> list = new ArrayList<>(rows.size());
              for (Row r : rows) {
                list.add(
                    DistrictRecord.of(
                        r.getString("id"),
                        r.getString("name"),
                        r.getString("okrug_abbrev"),
                        json(r.getString("geometry"))));
              }
              return list;
            });
  }

  private static GeoDtos.SegmentProperties segmentProperties(Row r) {
    return new GeoDtos.SegmentProperties(
        r.getString("id"),
        r.getString("way_id"),
        r.getInteger("seq"),
        r.getString("name"),
        r.getString("category"),
        r.getInteger("priority"),
        r.getInteger("maxspeed_kmh"),
        r.getString("district_id"),
        r.getDouble("length_m"));
  }

  private JsonNode json(String geometry) {
    try {
      return mapper.readTree(geometry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostGIS returned invalid GeoJSON", e);
    }
  }

  /** One segment: properties and geometry (GeoJSON text). */
  public record SegmentRow(GeoDtos.SegmentProperties properties, String geometry) {}

  public Pool pool() {
    return pool;
  }

  private static GeoDtos.District toDistrict(Row r) {
    return new GeoDtos.District(
        r.getString("id"),
        r.getString("name"),
        r.getString("okrug_abbrev"),
        r.getString("okato"),
        r.getString("oktmo"),
        Math.round(r.getDouble("area_km2") * 1000) / 1000.0);
  }
}
