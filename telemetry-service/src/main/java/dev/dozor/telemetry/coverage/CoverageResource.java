package dev.dozor.telemetry.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.telemetry.common.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * {@code GET /api/v1/coverage?district=|assignment=&from=&to=[&geometry=false]} and {@code GET
 * /api/v1/segment-passes?segment=&from=&to=}.
 */
@Path("/api/v1")
public class CoverageResource {
  private final CoverageService coverage;

  public CoverageResource(CoverageService coverage) {
    this.coverage = coverage;
  }

  @GET
  @Path("/coverage")
  @Produces({"application/geo+json", "application/json"})
  public Uni<CoverageReport.Collection> coverage(
      @QueryParam("district") String district,
      @QueryParam("assignment") String assignment,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("geometry") @DefaultValue("true") String geometry) {
    return coverage.coverage(district, assignment, from, to, flag("geometry", geometry));
  }

  @GET
  @Path("/segment-passes")
  @Produces("application/json")
  public Uni<List<SegmentPass>> segmentPasses(
      @QueryParam("segment") String segment,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return coverage.segmentPasses(segment, from, to);
  }

  private static boolean flag(String field, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.invalid(field, field + " must be true or false");
    };
  }
}
