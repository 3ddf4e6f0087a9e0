package dev.dozor.telemetry.track;

import dev.dozor.telemetry.track.TrackGeoJson.FeatureCollection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** {@code GET /api/v1/vehicles/{id}/track?from=&to=}: a GeoJSON FeatureCollection. */
@Path("/api/v1/vehicles/{id}/track")
public class TrackResource {
  private final TrackService tracks;

  public TrackResource(TrackService tracks) {
    this.tracks = tracks;
  }

  @GET
  @Produces({"application/geo+json", "application/json"})
  public Uni<FeatureCollection> track(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return tracks.track(id, from, to);
  }
}
