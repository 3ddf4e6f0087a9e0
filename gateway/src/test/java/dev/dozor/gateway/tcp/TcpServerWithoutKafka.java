package dev.dozor.gateway.tcp;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.publish.DeadBroker;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.protocol.FixSanity;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One protocol's real TCP server and session, wired by hand to a Kafka that never answers ({@link
 * DeadBroker}): what a device is told while Kafka is down.
 */
public final class TcpServerWithoutKafka implements AutoCloseable {

  /** What a session factory is built from. */
  public record Parts(
      FixIngestService ingest, DeviceRegistry registry, GatewayStats stats, Clock clock) {}

  /** Builds the protocol's session factory. */
  public interface Factory {
    TcpSessionFactory create(Parts parts);
  }

  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService worker = Executors.newFixedThreadPool(2);
  private final KafkaProducer<String, TelemetryPoint> producer = DeadBroker.producer();
  private final TcpServer server;

  /** Starts on a free loopback port with {@code device} registered (the registry is loaded). */
  public TcpServerWithoutKafka(DeviceRecord device, Factory factory) throws Exception {
    DeviceRegistry registry = new DeviceRegistry();
    registry.put(device);
    registry.markComplete();
    GatewayStats stats = new GatewayStats();
    Clock clock = Clock.systemUTC();
    FixIngestService ingest =
        new FixIngestService(
            registry, new TelemetryPublisher(producer), stats, FixSanity.DEFAULT, clock, worker);
    server =
        new TcpServer(
            vertx, "127.0.0.1", factory.create(new Parts(ingest, registry, stats, clock)), stats);
    server.start(Duration.ofSeconds(10));
  }

  public int port() {
    return server.port();
  }

  /** Limits for a test server: a free port, small limits. */
  public static TcpServerSettings testSettings() {
    return new TcpServerSettings(true, 0, 65_536, Duration.ofMinutes(1), 10, 100);
  }

  @Override
  public void close() throws Exception {
    server.close(Duration.ofSeconds(5));
    producer.close(Duration.ZERO);
    worker.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }
}
