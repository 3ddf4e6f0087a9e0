package dev.dozor.gateway.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.publish.DeadBroker;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.tcp.TcpServer;
import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsSubrecord;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With Kafka down, an authenticated terminal's records are answered "try later" (156), never OK,
 * and the connection stays open so the terminal keeps its black box and resends. A real socket
 * against the real EGTS session; only the broker is missing (nothing listens on port 1).
 */
class EgtsKafkaOutageTest {
  private static final long TID = 42_424_242L;

  private Vertx vertx;
  private ExecutorService worker;
  private KafkaProducer<String, TelemetryPoint> producer;
  private TcpServer server;

  @BeforeEach
  void startGatewayWithoutKafka() throws Exception {
    vertx = Vertx.vertx();
    worker = Executors.newFixedThreadPool(2);
    producer = DeadBroker.producer();
    DeviceRegistry registry = new DeviceRegistry();
    registry.put(
        DeviceRecord.of("dev-outage", "veh-outage", DeviceRecord.EGTS, null, "" + TID, null));
    registry.markComplete();
    GatewayStats stats = new GatewayStats();
    FixIngestService ingest =
        new FixIngestService(
            registry,
            new TelemetryPublisher(producer),
            stats,
            FixSanity.DEFAULT,
            Clock.systemUTC(),
            worker);
    server =
        new TcpServer(
            vertx,
            "127.0.0.1",
            new EgtsSessionFactory(new TestEgtsConfig(), ingest, registry, stats),
            stats);
    server.start(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    server.close(Duration.ofSeconds(5));
    producer.close(Duration.ZERO);
    worker.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void recordsAreAnsweredTryLaterNotOkAndTheConnectionStaysOpen() throws Exception {
    try (EgtsTerminal terminal = new EgtsTerminal(server.port())) {
      terminal.authenticate(TID);
      for (int packet = 2; packet <= 3; packet++) {
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        terminal.send(
            EgtsDeviceEncoder.teledata(
                packet,
                packet * 10,
                null,
                List.of(
                    RawFix.of(t, 55.85, 37.64, 30.0, 90.0),
                    RawFix.of(t.plusSeconds(1), 55.86, 37.64, 31.0, 90.0))));
        EgtsPacket answer = terminal.nextPacket();
        assertEquals(EgtsPacketType.RESPONSE, answer.packetType());
        assertEquals(packet, answer.responseToPacketId());
        List<EgtsSubrecord.RecordResponse> records = answer.recordResponses();
        assertEquals(2, records.size(), "one answer per record: " + records);
        for (EgtsSubrecord.RecordResponse r : records) {
          assertEquals(EgtsResultCode.NO_RES_AVAIL, r.recordStatus(), "try later, not OK");
        }
      }
      assertFalse(terminal.socket.isClosed(), "the terminal may resend on the same connection");
    }
  }

  /** EGTS settings with a free port. */
  private static final class TestEgtsConfig implements EgtsConfig {
    public boolean enabled() {
      return true;
    }

    public int port() {
      return 0;
    }

    public int maxFrameBytes() {
      return 65_536;
    }

    public Duration idleTimeout() {
      return Duration.ofMinutes(1);
    }

    public int maxConnectionsPerIp() {
      return 10;
    }

    public int maxUnackedRecords() {
      return 100;
    }
  }
}
