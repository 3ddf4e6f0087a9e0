package dev.dozor.telemetry.zone;

import dev.dozor.telemetry.geo.GeoDtos;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
import dev.dozor.telemetry.zone.ZoneDtos.ZoneRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Zones, read back as GeoJSON Features; bulk import: {@code POST /api/v1/geo/zones}. */
@Path("/api/v1/zones")
public class ZoneResource {
  private static final String GEO_JSON = "application/geo+json";

  private final ZoneService zones;

  public ZoneResource(ZoneService zones) {
    this.zones = zones;
  }

  @GET
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  public Uni<GeoDtos.FeatureCollection> list(
      @QueryParam("kind") String kind, @QueryParam("district") String district) {
    return zones.list(kind, district);
  }

  @GET
  @Path("{id}")
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  public Uni<GeoDtos.Feature> get(@PathParam("id") String id) {
    return zones.get(id);
  }

  /**
   * Creates (201) or replaces (200) a zone; answers with the stored Feature after the registry
   * topic acknowledged. 400 for an invalid geometry names the reason (e.g. a self-intersection).
   */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> put(@PathParam("id") String id, ZoneRequest body) {
    return zones.put(id, body).map(PutResult::response);
  }

  /**
   * Deletes a zone (204) and publishes its tombstone; 409 while a vehicle or assignment names it.
   */
  @DELETE
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> delete(@PathParam("id") String id) {
    return zones.delete(id).replaceWith(Response.noContent().build());
  }
}
