package dev.dozor.telemetry.track;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/vehicles/{id}/track?from=&to=[&tolerance=m][&stopMinutes=N]}: a GeoJSON
 * FeatureCollection of runs and stops (see {@link TrackGeoJson}).
 */
@Path("/api/v1/vehicles/{id}/track")
public class TrackResource {
  static final String GEO_JSON = "application/geo+json";

  private final TrackService tracks;

  public TrackResource(TrackService tracks) {
    this.tracks = tracks;
  }

  @GET
  @Produces({GEO_JSON, "application/json"})
  public Uni<Response> track(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tolerance") String tolerance,
      @QueryParam("stopMinutes") String stopMinutes) {
    return tracks
        .track(id, from, to, tolerance, stopMinutes)
        .map(json -> Response.ok(json, GEO_JSON).build());
  }
}
