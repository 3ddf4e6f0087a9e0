package dev.dozor.gateway.stats;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/** The gateway's counters as JSON, for operators and tests. */
@Path("/api/v1/stats")
public class StatsResource {
  private final GatewayStats stats;

  public StatsResource(GatewayStats stats) {
    this.stats = stats;
  }

  /**
   * The answer body.
   *
   * @param since when counting started
   * @param protocols counters by protocol name
   */
  public record StatsBody(Instant since, Map<String, ProtocolStats> protocols) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public StatsBody get() {
    return new StatsBody(stats.since(), stats.snapshot());
  }
}
