package dev.dozor.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.TokenHash;
import dev.dozor.gateway.http.ErrorBody;
import dev.dozor.gateway.http.IngestResponses;
import dev.dozor.gateway.ingest.IngestResult;
import dev.dozor.gateway.ingest.TelemetryIngestService;
import dev.dozor.gateway.point.TelemetryPointRequest;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.validation.PointValidator;
import dev.dozor.gateway.validation.ValidationLimits;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** A broker that never answers must turn into a 503 the device can act on, never into a 202. */
class StorageUnavailableTest {
  private static final String DEAD_BROKER = DeadBroker.BOOTSTRAP;

  @Test
  void unreachableKafkaAnswers503WithRetryAfter() {
    DeviceRegistry registry = new DeviceRegistry();
    registry.put(DeviceRecord.of("dev-503", "veh-503", "http-json", TokenHash.sha256Hex("tok")));
    Clock clock = Clock.systemUTC();
    PublishConfig config = new DeadBroker.ShortTimeouts();
    try (KafkaProducer<String, TelemetryPoint> producer =
        TelemetryProducerFactory.create(DEAD_BROKER, config)) {
      TelemetryIngestService service =
          new TelemetryIngestService(
              registry,
              new PointValidator(ValidationLimits.defaults(), clock),
              new TelemetryPublisher(producer),
              clock);
      List<TelemetryPointRequest> points =
          List.of(
              new TelemetryPointRequest(Instant.now(), 55.0, 37.0, 10.0, null, null, null, null),
              new TelemetryPointRequest(Instant.now(), 55.1, 37.1, 10.0, null, null, null, null));

      IngestResult result =
          service.ingest("Bearer tok", points).await().atMost(Duration.ofSeconds(30));

      IngestResult.StorageUnavailable failure =
          assertInstanceOf(IngestResult.StorageUnavailable.class, result);
      assertEquals("dev-503", failure.deviceId());
      Response response = IngestResponses.toResponse(result, config.retryAfterSeconds());
      assertEquals(503, response.getStatus());
      assertEquals("5", String.valueOf(response.getHeaders().getFirst("Retry-After")));
      ErrorBody body = assertInstanceOf(ErrorBody.class, response.getEntity());
      assertEquals("storage unavailable", body.error());
      assertEquals("Kafka did not acknowledge the points; keep them and retry", body.message());
    }
  }

  @Test
  void requestTimeoutIsCappedToFitTheDeliveryTimeout() {
    Map<String, Object> p =
        TelemetryProducerFactory.properties(DEAD_BROKER, new DeadBroker.ShortTimeouts());
    assertEquals(1500, p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    assertEquals(1495, p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
    assertEquals(true, p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    assertEquals(500L, p.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
  }
}
