package dev.dozor.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.kafka.JsonSerializer;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.stats.ProtocolStats;
import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared fix pipeline, with Kafka's own in-memory producer standing in for the broker. */
class FixIngestServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final String PROTOCOL = DeviceRecord.EGTS;
  private static final DeviceRecord DEVICE =
      DeviceRecord.of("dev-1", "veh-1", DeviceRecord.EGTS, null, "866001", "p1");

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
  private final DeviceRegistry registry = new DeviceRegistry();
  private final GatewayStats stats = new GatewayStats();
  private final RecordingProducer producer = new RecordingProducer(true);

  /** Remembers the thread every send came from. */
  static final class RecordingProducer extends MockProducer<String, TelemetryPoint> {
    volatile String sendThread;

    RecordingProducer(boolean autoComplete) {
      super(autoComplete, null, new StringSerializer(), new JsonSerializer<>());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, TelemetryPoint> record, Callback callback) {
      sendThread = Thread.currentThread().getName();
      return super.send(record, callback);
    }
  }

  private FixIngestService service(RecordingProducer p) {
    return new FixIngestService(
        registry,
        new TelemetryPublisher(p),
        stats,
        FixSanity.DEFAULT,
        Clock.fixed(NOW, ZoneOffset.UTC),
        worker);
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  private static RawFix fix(int secondsAgo, double speed, Map<String, Double> inputs) {
    return new RawFix(
        NOW.minusSeconds(secondsAgo),
        55.75,
        37.61,
        true,
        speed,
        180.0,
        140.0,
        11,
        1200.5,
        inputs,
        Map.of());
  }

  private FixIngestResult ingest(FixIngestService service, List<RawFix> fixes) {
    return service.ingest(PROTOCOL, DEVICE, fixes).await().atMost(Duration.ofSeconds(10));
  }

  @Test
  void dropsImplausibleFixesPublishesTheRestAndCountsBoth() {
    RawFix invalid =
        new RawFix(NOW, 55.0, 37.0, false, null, null, null, null, null, Map.of(), Map.of());
    List<RawFix> fixes = List.of(fix(30, 40.0, Map.of()), fix(20, 500.0, Map.of()), invalid);

    FixIngestResult result = ingest(service(producer), fixes);

    assertEquals(new FixIngestResult.Accepted(1, 2), result);
    assertEquals(1, producer.history().size());
    assertEquals(new ProtocolStats(1, 2, 0, 0, 0, 0), stats.snapshot().get(PROTOCOL));
  }

  @Test
  void mapsEveryFieldAndAppliesTheDeviceProfile() {
    registry.putProfile(
        DeviceProfileRecord.of(
            "p1",
            "plough on din1, spreader density on ain2",
            List.of(
                ChannelMapping.digital("plough", "din1", false),
                ChannelMapping.linear("spreadRateGm2", "ain2", 0.1, 0.0))));

    ingest(
        service(producer), List.of(fix(30, 40.0, Map.of("din1", 1.0, "ain2", 250.0, "din3", 0.0))));

    ProducerRecord<String, TelemetryPoint> record = producer.history().get(0);
    TelemetryPoint p = record.value();
    assertEquals("veh-1", record.key());
    assertEquals("veh-1", p.vehicleId());
    assertEquals("dev-1", p.deviceId());
    assertEquals(NOW.minusSeconds(30), p.fixTime());
    assertEquals(NOW, p.receivedAt());
    assertEquals(55.75, p.lat());
    assertEquals(37.61, p.lon());
    assertEquals(40.0, p.speedKmh());
    assertEquals(180.0, p.headingDeg());
    assertEquals(1200.5, p.odometerKm());
    assertEquals(new Equipment(true, null, null, 25.0, null, null, null), p.equipment());
    assertEquals(Map.of("din3", "0", "altitude", "140", "sats", "11"), p.attributes());
  }

  @Test
  void publishesOnTheWorkerNeverOnTheCallingThread() {
    ingest(service(producer), List.of(fix(30, 40.0, Map.of())));
    assertEquals("test-worker", producer.sendThread);
  }

  @Test
  void unboundDeviceIsRefusedAndNothingPublished() {
    DeviceRecord unbound = DeviceRecord.of("dev-2", null, PROTOCOL, null, "866002", null);
    FixIngestResult result =
        service(producer)
            .ingest(PROTOCOL, unbound, List.of(fix(30, 40.0, Map.of())))
            .await()
            .atMost(Duration.ofSeconds(5));
    assertEquals(new FixIngestResult.DeviceNotBound("dev-2"), result);
    assertTrue(producer.history().isEmpty());
  }

  @Test
  void onlyImplausibleFixesAreAcceptedWithoutPublishing() {
    FixIngestResult result = ingest(service(producer), List.of(fix(30, 301.0, Map.of())));
    assertEquals(new FixIngestResult.Accepted(0, 1), result);
    assertTrue(producer.history().isEmpty());
  }

  @Test
  void kafkaErrorBecomesStorageUnavailable() throws Exception {
    RecordingProducer failing = new RecordingProducer(false);
    CompletableFuture<FixIngestResult> pending =
        service(failing)
            .ingest(PROTOCOL, DEVICE, List.of(fix(30, 40.0, Map.of())))
            .subscribeAsCompletionStage();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (failing.history().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));

    FixIngestResult result = pending.get(5, TimeUnit.SECONDS);

    FixIngestResult.StorageUnavailable failure =
        assertInstanceOf(FixIngestResult.StorageUnavailable.class, result);
    assertEquals("dev-1", failure.deviceId());
    assertEquals("broker down", failure.cause().getMessage());
    assertEquals(0, stats.snapshot().get(PROTOCOL).acceptedPoints());
  }

  @Test
  void lookupAsksToRetryWhileTheRegistryLoadsThenCountsUnknownIds() {
    FixIngestService service = service(producer);
    assertInstanceOf(DeviceLookup.RegistryLoading.class, service.lookup(PROTOCOL, "999"));
    assertEquals(0, stats.snapshot().get(PROTOCOL).unknownDevices());

    registry.markComplete();
    assertEquals(new DeviceLookup.Unknown("999"), service.lookup(PROTOCOL, "999"));
    assertEquals(1, stats.snapshot().get(PROTOCOL).unknownDevices());

    registry.put(DEVICE);
    assertEquals(new DeviceLookup.Found(DEVICE), service.lookup(PROTOCOL, "866001"));
    assertEquals(new DeviceLookup.Unknown("866001"), service.lookup(DeviceRecord.OSMAND, "866001"));
  }
}
