package dev.dozor.telemetry.query.visits;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/zone-visits?zone=&from=&to=}: who was inside the zone, and when. */
@Path("/api/v1/zone-visits")
@Produces(MediaType.APPLICATION_JSON)
public class ZoneVisitResource {
  private final ZoneVisitService visits;

  public ZoneVisitResource(ZoneVisitService visits) {
    this.visits = visits;
  }

  @GET
  public Uni<ZoneVisits> visits(
      @QueryParam("zone") String zone,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return visits.visits(zone, from, to);
  }
}
