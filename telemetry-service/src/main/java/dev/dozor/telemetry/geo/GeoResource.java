package dev.dozor.telemetry.geo;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Geography: GeoJSON imports (okrugs, districts, roads, zones) and read-back of districts and road
 * segments.
 */
@Path("/api/v1/geo")
public class GeoResource {
  private static final String GEO_JSON = "application/geo+json";

  private final GeoImportService imports;
  private final GeoQueryService queries;

  public GeoResource(GeoImportService imports, GeoQueryService queries) {
    this.imports = imports;
    this.queries = queries;
  }

  @POST
  @Path("/okrugs")
  @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<GeoDtos.ImportResult> importOkrugs(String body) {
    return imports.importOkrugs(body);
  }

  @POST
  @Path("/districts")
  @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<GeoDtos.ImportResult> importDistricts(String body) {
    return imports.importDistricts(body);
  }

  @POST
  @Path("/roads")
  @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<GeoDtos.ImportResult> importRoads(String body) {
    return imports.importRoads(body);
  }

  @POST
  @Path("/zones")
  @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<GeoDtos.ImportResult> importZones(String body) {
    return imports.importZones(body);
  }

  @GET
  @Path("/districts")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<List<GeoDtos.District>> districts() {
    return queries.districts();
  }

  @GET
  @Path("/districts/{id}")
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  public Uni<GeoDtos.Feature> district(@PathParam("id") String id) {
    return queries.district(id);
  }

  @GET
  @Path("/road-segments")
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  public Uni<GeoDtos.FeatureCollection> segments(@QueryParam("district") String district) {
    return queries.segments(district);
  }
}
