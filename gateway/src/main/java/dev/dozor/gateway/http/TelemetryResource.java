package dev.dozor.gateway.http;

import dev.dozor.gateway.ingest.TelemetryIngestService;
import dev.dozor.gateway.point.TelemetryPointRequest;
import dev.dozor.gateway.publish.PublishConfig;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** HTTP JSON ingestion: a device posts a batch of its points and learns whether they are stored. */
@Path("/api/v1/telemetry")
public class TelemetryResource {
  private final TelemetryIngestService service;
  private final PublishConfig publishConfig;

  public TelemetryResource(TelemetryIngestService service, PublishConfig publishConfig) {
    this.service = service;
    this.publishConfig = publishConfig;
  }

  /**
   * Answers once Kafka acknowledged every point (202) or did not (503). Runs on a worker thread
   * because a Kafka send may block for metadata; the wait for acknowledgements holds no thread.
   */
  @POST
  @Blocking
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> post(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      List<TelemetryPointRequest> points) {
    return service
        .ingest(authorization, points)
        .map(r -> IngestResponses.toResponse(r, publishConfig.retryAfterSeconds()));
  }
}
