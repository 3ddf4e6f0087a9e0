package dev.dozor.telemetry.coverage;

import dev.dozor.events.SchemaVersions;
import dev.dozor.events.SegmentPass;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment passes in {@code telemetry.segment_passes}: one multi-row upsert per batch, and reads.
 *
 * <p>Upsert, not insert-or-skip: the same pass (same id, so same segment, vehicle and start)
 * arrives again while it grows (a derived pass is published at checkpoints and when it closes;
 * rules-service may re-match after late data), and only the newest end and the largest covered
 * fraction are worth keeping. {@code greatest} makes the result independent of the order in which
 * versions arrive, so a re-delivered old version never shrinks a pass; the WHERE clause skips
 * writes that change nothing.
 */
@ApplicationScoped
public class SegmentPassRepository {

  static final String UPSERT =
      """
      INSERT INTO telemetry.segment_passes AS p
        (pass_id, segment_id, vehicle_id, started_at, ended_at, equipment, covered_fraction,
         source, stored_at)
      SELECT id::uuid, s, v, st, en, e, f::real, src, now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[],
                  $6::text[], $7::float8[], $8::text[])
           AS u(id, s, v, st, en, e, f, src)
      ON CONFLICT (pass_id, started_at) DO UPDATE SET
        ended_at = greatest(p.ended_at, excluded.ended_at),
        covered_fraction = greatest(p.covered_fraction, excluded.covered_fraction),
        stored_at = excluded.stored_at
      WHERE excluded.ended_at > p.ended_at OR excluded.covered_fraction > p.covered_fraction
      """;

  static final String BY_SEGMENT =
      """
      SELECT pass_id::text AS pass_id, segment_id, vehicle_id, started_at, ended_at, equipment,
             covered_fraction, source
      FROM telemetry.segment_passes
      WHERE segment_id = $1 AND started_at >= $2 AND started_at < $4 AND ended_at > $3
      ORDER BY started_at, pass_id
      """;

  private final Pool pool;

  public SegmentPassRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Upserts the passes in one statement (partitions must exist); completes after COMMIT.
   *
   * @return rows inserted or extended
   */
  public Uni<Integer> upsert(Collection<SegmentPass> passes) {
    List<SegmentPass> merged = merge(passes);
    if (merged.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int n = merged.size();
    String[] id = new String[n];
    String[] segment = new String[n];
    String[] vehicle = new String[n];
    OffsetDateTime[] started = new OffsetDateTime[n];
    OffsetDateTime[] ended = new OffsetDateTime[n];
    String[] equipment = new String[n];
    Double[] fraction = new Double[n];
    String[] source = new String[n];
    for (int i = 0; i < n; i++) {
      SegmentPass p = merged.get(i);
      id[i] = p.passId();
      segment[i] = p.segmentId();
      vehicle[i] = p.vehicleId();
      started[i] = utc(p.startedAt());
      ended[i] = utc(p.endedAt());
      equipment[i] = p.equipment();
      fraction[i] = p.coveredFraction();
      source[i] = p.source();
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(id)
            .addArrayOfString(segment)
            .addArrayOfString(vehicle)
            .addArrayOfOffsetDateTime(started)
            .addArrayOfOffsetDateTime(ended)
            .addArrayOfString(equipment)
            .addArrayOfDouble(fraction)
            .addArrayOfString(source);
    return pool.withTransaction(
        conn -> conn.preparedQuery(UPSERT).execute(args).map(rows -> rows.rowCount()));
  }

  /**
   * Passes of a segment overlapping {@code [from, to)}, that started at or after {@code
   * earliestStart}, in start order.
   */
  public Uni<List<SegmentPass>> bySegment(
      String segmentId, Instant earliestStart, Instant from, Instant to) {
    return pool.preparedQuery(BY_SEGMENT)
        .execute(Tuple.of(segmentId, utc(earliestStart), utc(from), utc(to)))
        .map(
            rows -> {
              List<SegmentPass> out = new ArrayList<>();
              rows.forEach(r -> out.add(pass(r)));
              return out;
            });
  }

  /**
   * One version per (id, start), the longest: a multi-row {@code ON CONFLICT DO UPDATE} must not
   * touch a row twice.
   */
  static List<SegmentPass> merge(Collection<SegmentPass> passes) {
    Map<String, SegmentPass> byKey = new LinkedHashMap<>();
    for (SegmentPass p : passes) {
      byKey.merge(
          p.passId() + '|' + p.startedAt().toEpochMilli(),
          p,
          (a, b) ->
              new SegmentPass(
                  a.schemaVersion(),
                  a.passId(),
                  a.segmentId(),
                  a.vehicleId(),
                  a.startedAt(),
                  a.endedAt().isAfter(b.endedAt()) ? a.endedAt() : b.endedAt(),
                  a.equipment(),
                  Math.max(a.coveredFraction(), b.coveredFraction()),
                  a.source()));
    }
    return new ArrayList<>(byKey.values());
  }

  private static SegmentPass pass(Row r) {
    return new SegmentPass(
        SchemaVersions.SEGMENT_PASS,
        r.getString("pass_id"),
        r.getString("segment_id"),
        r.getString("vehicle_id"),
        r.getOffsetDateTime("started_at").toInstant(),
        r.getOffsetDateTime("ended_at").toInstant(),
        r.getString("equipment"),
        ((Number) r.getValue("covered_fraction")).doubleValue(),
        r.getString("source"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
