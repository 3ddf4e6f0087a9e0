package dev.dozor.dispatch.board;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Board data over plain HTTP: last positions and the page's settings. */
@Path("/api/v1/board")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dispatcher")
public class BoardResource {
  @Inject PositionBoard board;
  @Inject BoardConfig config;

  /** What the page needs to draw the map. */
  public record ClientConfig(
      String tileUrl, String tileAttribution, long pushIntervalMs, String timeZone) {}

  @GET
  @Path("/positions")
  public List<VehiclePosition> positions() {
    return board.snapshot();
  }

  @GET
  @Path("/config")
  public ClientConfig config() {
    return new ClientConfig(
        config.tileUrl().filter(s -> !s.isBlank()).orElse(null),
        config.tileAttribution().orElse(""),
        config.pushInterval().toMillis(),
        config.timeZone());
  }
}
