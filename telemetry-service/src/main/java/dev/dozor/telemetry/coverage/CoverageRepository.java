package dev.dozor.telemetry.coverage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coverage reads: the scope (district or assignment), its segments with their passes aggregated in
 * one statement, and the road segments for the matcher. Reads the registry tables (districts,
 * assignments, zones) with its own SQL so the coverage feature depends on no other package.
 */
@ApplicationScoped
public class CoverageRepository {

  /** Segments of a district. */
  static final String DISTRICT_SEGMENTS =
      "SELECT id FROM telemetry.road_segments WHERE district_id = $1";

  /** The assignment's listed segments and the segments intersecting its zone. */
  static final String ASSIGNMENT_SEGMENTS =
      """
      SELECT unnest(a.segment_ids) FROM telemetry.assignments a WHERE a.id = $1
      UNION
      SELECT rs.id FROM telemetry.assignments a
        JOIN telemetry.zones z ON z.id = a.zone_id
        JOIN telemetry.road_segments rs ON ST_Intersects(rs.geom, z.geom)
      WHERE a.id = $1
      """;

  /**
   * Per segment of the scope: the passes overlapping [$3, $4) that started after $2 and cover at
   * least $5 of it. One index range scan per segment on (segment_id, started_at) INCLUDE (...).
   */
  static final String COVERAGE =
      """
      SELECT s.id, s.name, s.category, s.priority, s.length_m,
             CASE WHEN $6 THEN ST_AsGeoJSON(s.geom, 7) END AS geometry,
             a.passes, a.last_at, a.equipment
      FROM telemetry.road_segments s
      LEFT JOIN LATERAL (
        SELECT count(*) AS passes, max(p.ended_at) AS last_at,
               array_agg(DISTINCT p.equipment) AS equipment
        FROM telemetry.segment_passes p
        WHERE p.segment_id = s.id AND p.started_at >= $2 AND p.started_at < $4
          AND p.ended_at > $3 AND p.covered_fraction >= $5
      ) a ON true
      WHERE s.id IN (%s)
      ORDER BY s.id
      """;

  private final Pool pool;

  public CoverageRepository(Pool pool) {
    this.pool = pool;
  }

  /** The district's name, or empty when there is no such district. */
  public Uni<Optional<String>> districtName(String id) {
    return pool.preparedQuery("SELECT name FROM telemetry.districts WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString(0)));
  }

  /** The shift window of an assignment. */
  public record Shift(Instant start, Instant end) {}

  /** The assignment's shift, or empty when there is no such assignment. */
  public Uni<Optional<Shift>> assignmentShift(String id) {
    return pool.preparedQuery(
            "SELECT shift_start, shift_end FROM telemetry.assignments WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new Shift(
                      r.getOffsetDateTime(0).toInstant(), r.getOffsetDateTime(1).toInstant()));
            });
  }

  /** One segment of the scope with its aggregated passes. */
  public record SegmentRow(
      String id,
      String name,
      String category,
      int priority,
      double lengthM,
      String geometry,
      long passes,
      Instant lastServicedAt,
      List<String> equipment) {}

  /**
   * The segments of the scope (a district or an assignment) with their passes in the interval.
   *
   * @param earliestStart passes that started before this are not looked at
   */
  public Uni<List<SegmentRow>> coverage(
      CoverageScope scope,
      String id,
      Instant earliestStart,
      Instant from,
      Instant to,
      double minFraction,
      boolean geometry) {
    String segments = scope == CoverageScope.DISTRICT ? DISTRICT_SEGMENTS : ASSIGNMENT_SEGMENTS;
    return pool.preparedQuery(COVERAGE.formatted(segments))
        .execute(
            Tuple.tuple()
                .addString(id)
                .addOffsetDateTime(utc(earliestStart))
                .addOffsetDateTime(utc(from))
                .addOffsetDateTime(utc(to))
                .addDouble(minFraction)
                .addBoolean(geometry))
        .map(
            rows -> {
              List<SegmentRow> out = new ArrayList<>();
              for (Row r : rows) {
                String[] eq = r.getArrayOfStrings("equipment");
                OffsetDateTime last = r.getOffsetDateTime("last_at");
                out.add(
                    new SegmentRow(
                        r.getString("id"),
                        r.getString("name"),
                        r.getString("category"),
                        r.getInteger("priority"),
                        r.getDouble("length_m"),
                        r.getString("geometry"),
                        r.getLong("passes"),
                        last == null ? null : last.toInstant(),
                        eq == null ? List.of() : java.util.Arrays.asList(eq)));
              }
              return out;
            });
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
