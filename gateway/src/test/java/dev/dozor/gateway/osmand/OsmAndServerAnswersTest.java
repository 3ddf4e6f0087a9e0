package dev.dozor.gateway.osmand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.kafka.JsonSerializer;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.publish.PublishConfig;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.protocol.FixSanity;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OsmAnd answers that need a broken Kafka or a loading registry, on a real HTTP port. */
class OsmAndServerAnswersTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Vertx vertx = Vertx.vertx();
  private final DeviceRegistry registry = new DeviceRegistry();
  private OsmAndServer server;

  /** A broker that never acknowledges. */
  static final class DeadProducer extends MockProducer<String, TelemetryPoint> {
    DeadProducer() {
      super(false, null, new StringSerializer(), new JsonSerializer<>());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, TelemetryPoint> record, Callback callback) {
      TimeoutException down = new TimeoutException("broker down");
      callback.onCompletion(null, down);
      return CompletableFuture.failedFuture(down);
    }
  }

  record Publish() implements PublishConfig {
    public Duration deliveryTimeout() {
      return Duration.ofSeconds(1);
    }

    public Duration maxBlock() {
      return Duration.ofSeconds(1);
    }

    public Duration requestTimeout() {
      return Duration.ofSeconds(1);
    }

    public int lingerMs() {
      return 0;
    }

    public String compression() {
      return "none";
    }

    public int batchSizeBytes() {
      return 16384;
    }

    public int retryAfterSeconds() {
      return 7;
    }
  }

  record Config() implements OsmAndConfig {
    public boolean enabled() {
      return true;
    }

    public int port() {
      return 0;
    }

    public int maxBodyBytes() {
      return 4096;
    }

    public Duration idleTimeout() {
      return Duration.ofSeconds(30);
    }
  }

  @BeforeEach
  void start() throws Exception {
    GatewayStats stats = new GatewayStats();
    FixIngestService ingest =
        new FixIngestService(
            registry,
            new TelemetryPublisher(new DeadProducer()),
            stats,
            FixSanity.DEFAULT,
            Clock.systemUTC(),
            Runnable::run);
    server = new OsmAndServer(vertx, new Config(), ingest, stats, new Publish(), "127.0.0.1");
    server.onStart(null);
  }

  @AfterEach
  void stop() throws Exception {
    server.onStop(null);
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private HttpResponse<String> get(String id) throws Exception {
    String query =
        "/?id=" + id + "&lat=55&lon=37&timestamp=" + Instant.now().minusSeconds(5).getEpochSecond();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + query))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownIdWhileTheRegistryLoadsIsAskedToRetry() throws Exception {
    HttpResponse<String> response = get("not-loaded-yet");
    assertEquals(503, response.statusCode());
    assertEquals("7", response.headers().firstValue("Retry-After").orElse(""));
  }

  @Test
  void kafkaThatDoesNotAcknowledgeGives503WithRetryAfter() throws Exception {
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.OSMAND, null, "866001", null));
    registry.markComplete();
    HttpResponse<String> response = get("866001");
    assertEquals(503, response.statusCode());
    assertEquals("7", response.headers().firstValue("Retry-After").orElse(""));
    assertEquals("storage unavailable; keep the positions and retry\n", response.body());
  }

  @Test
  void deviceWithoutVehicleGets403() throws Exception {
    registry.put(DeviceRecord.of("d2", null, DeviceRecord.OSMAND, null, "866002", null));
    registry.markComplete();
    HttpResponse<String> response = get("866002");
    assertEquals(403, response.statusCode());
    assertEquals("device d2 is not bound to a vehicle\n", response.body());
  }
}
