package dev.dozor.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dozor.gateway.http.ErrorBody;
import dev.dozor.gateway.http.IngestResponses;
import dev.dozor.gateway.point.TelemetryPointRequest;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.validation.PointValidator;
import dev.dozor.gateway.validation.ValidationLimits;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A restarted gateway must not tell known devices their token is wrong while it still loads. */
class RegistryLoadingTest {
  private final DeviceRegistry registry = new DeviceRegistry();
  private final Clock clock = Clock.systemUTC();
  // never reached: every request here is answered before publishing
  private final TelemetryIngestService service =
      new TelemetryIngestService(
          registry,
          new PointValidator(ValidationLimits.defaults(), clock),
          new TelemetryPublisher(null),
          clock);
  private final List<TelemetryPointRequest> points =
      List.of(new TelemetryPointRequest(Instant.now(), 55.0, 37.0, 10.0, null, null, null, null));

  @Test
  void unknownTokenWhileTheRegistryLoadsIsAskedToRetryWith503() {
    IngestResult result = ingest("Bearer not-loaded-yet");

    assertInstanceOf(IngestResult.RegistryLoading.class, result);
    Response response = IngestResponses.toResponse(result, 5);
    assertEquals(503, response.getStatus());
    assertEquals("5", String.valueOf(response.getHeaders().getFirst("Retry-After")));
    assertEquals("registry loading", ((ErrorBody) response.getEntity()).error());
  }

  @Test
  void unknownTokenOnceTheRegistryIsCompleteIsUnauthorized() {
    registry.markComplete();

    IngestResult result = ingest("Bearer still-unknown");

    assertInstanceOf(IngestResult.Unauthorized.class, result);
    assertEquals(401, IngestResponses.toResponse(result, 5).getStatus());
  }

  private IngestResult ingest(String authorization) {
    return service.ingest(authorization, points).await().atMost(Duration.ofSeconds(5));
  }
}
