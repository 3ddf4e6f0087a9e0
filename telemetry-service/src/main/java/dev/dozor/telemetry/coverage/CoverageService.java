package dev.dozor.telemetry.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.QueryParams;
import dev.dozor.telemetry.track.TrackInterval;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Coverage of a district or an assignment over an interval, and the passes of one segment. A
 * segment counts as serviced when at least one pass covering at least {@code
 * dozor.coverage.min-covered-fraction} of it overlaps the interval.
 */
@ApplicationScoped
public class CoverageService {
  private final CoverageRepository coverage;
  private final SegmentPassRepository passes;
  private final CoverageConfig config;

  public CoverageService(
      CoverageRepository coverage, SegmentPassRepository passes, CoverageConfig config) {
    this.coverage = coverage;
    this.passes = passes;
    this.config = config;
  }

  /**
   * Coverage of exactly one of {@code district} or {@code assignment}; for an assignment, a missing
   * bound of the interval is the bound of its shift.
   *
   * @throws ApiException 400 on missing or invalid parameters, 404 on an unknown scope
   */
  public Uni<CoverageReport.Collection> coverage(
      String district, String assignment, String from, String to, boolean geometry) {
    boolean hasDistrict = district != null && !district.isBlank();
    boolean hasAssignment = assignment != null && !assignment.isBlank();
    if (hasDistrict == hasAssignment) {
      throw ApiException.invalid(
          hasDistrict ? "assignment" : "district",
          "give exactly one of district=<id> or assignment=<id>");
    }
    if (hasDistrict) {
      Interval interval =
          interval(
              QueryParams.requiredInstant("from", from), QueryParams.requiredInstant("to", to));
      return coverage
          .districtName(district)
          .chain(
              name -> {
                if (name.isEmpty()) {
                  throw ApiException.notFound("no district " + district);
                }
                return report(CoverageScope.DISTRICT, district, interval, geometry);
              });
    }
    Instant fromOrNull = QueryParams.instant("from", from);
    Instant toOrNull = QueryParams.instant("to", to);
    return coverage
        .assignmentShift(assignment)
        .chain(
            shift -> {
              if (shift.isEmpty()) {
                throw ApiException.notFound("no assignment " + assignment);
              }
              Interval interval =
                  interval(
                      fromOrNull == null ? shift.get().start() : fromOrNull,
                      toOrNull == null ? shift.get().end() : toOrNull);
              return report(CoverageScope.ASSIGNMENT, assignment, interval, geometry);
            });
  }

  /** Stored passes of a segment overlapping the interval, in start order. */
  public Uni<List<SegmentPass>> segmentPasses(String segment, String from, String to) {
    if (segment == null || segment.isBlank()) {
      throw ApiException.invalid("segment", "segment is required (a road segment id)");
    }
    Interval interval =
        interval(QueryParams.requiredInstant("from", from), QueryParams.requiredInstant("to", to));
    return passes.bySegment(
        segment,
        interval.from().minus(config.query().passLookback()),
        interval.from(),
        interval.to());
  }

  private Uni<CoverageReport.Collection> report(
      CoverageScope scope, String id, Interval interval, boolean geometry) {
    return coverage
        .coverage(
            scope,
            id,
            interval.from().minus(config.query().passLookback()),
            interval.from(),
            interval.to(),
            config.minCoveredFraction(),
            geometry)
        .map(rows -> CoverageReport.build(scope, id, interval.from(), interval.to(), rows));
  }

  /** A validated half-open interval {@code [from, to)}. */
  record Interval(Instant from, Instant to) {}

  private Interval interval(Instant from, Instant to) {
    TrackInterval checked = TrackInterval.of(from, to, config.query().maxInterval());
    return new Interval(checked.from(), checked.to());
  }
}
