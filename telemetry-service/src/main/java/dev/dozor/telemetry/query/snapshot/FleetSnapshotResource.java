package dev.dozor.telemetry.query.snapshot;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** {@code GET /api/v1/fleet/snapshot?at=T[&maxAge=PT24H]}: a GeoJSON FeatureCollection. */
@Path("/api/v1/fleet/snapshot")
public class FleetSnapshotResource {
  private final FleetSnapshotService snapshots;

  public FleetSnapshotResource(FleetSnapshotService snapshots) {
    this.snapshots = snapshots;
  }

  @GET
  @Produces({"application/geo+json", "application/json"})
  public Uni<FleetSnapshot> snapshot(
      @QueryParam("at") String at, @QueryParam("maxAge") String maxAge) {
    return snapshots.snapshot(at, maxAge);
  }
}
