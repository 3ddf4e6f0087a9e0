package dev.dozor.gateway.wialon;

import static dev.dozor.gateway.KafkaTestSupport.bootstrap;
import static dev.dozor.gateway.KafkaTestSupport.publishRegistry;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.tcp.TcpServers;
import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonParam;
import dev.dozor.protocol.wialon.WialonVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Mutated packets on a real socket after login: the gateway answers or closes, never stores an
 * implausible point, and keeps serving.
 */
@QuarkusTest
class WialonSocketFuzzTest {
  private static final long SEED = 20_261_128L;
  private static final int ROUNDS = 600;
  private static final String ALPHABET = "#;|,.:-NAna0123456789\r\n \u00e9\u0000";
  private static final double MARKER_LAT = 12.34567;

  @Inject TcpServers servers;
  @Inject DeviceRegistry registry;

  @Test
  void survivesMutatedPacketsAndStoresOnlyPlausiblePoints() throws Exception {
    String imei = WialonSessionTest.newImei();
    String deviceId = UUID.randomUUID().toString();
    String vehicleId = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.device(deviceId),
        DeviceRecord.of(deviceId, vehicleId, DeviceRecord.WIALON_IPS, null, imei, null));
    WialonSessionTest.await(
        () -> registry.byTerminal(DeviceRecord.WIALON_IPS, imei).isPresent(), "device " + imei);
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
    List<String> seeds = seedLines(imei, t0);
    Random random = new Random(SEED);
    int port = servers.port(DeviceRecord.WIALON_IPS).orElseThrow();

    int reconnects = 0;
    WialonTestClient c = loggedIn(port, imei);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String line = mutate(seeds.get(random.nextInt(seeds.size())), random);
        if (!sendAndAwaitPing(c, line)) {
          c.close();
          c = loggedIn(port, imei);
          reconnects++;
        }
      }
    } finally {
      c.close();
    }

    try (WialonTestClient fresh = loggedIn(port, imei)) {
      assertEquals(
          "#ASD#1",
          fresh.call(
              WialonDeviceEncoder.shortData(
                  WialonVersion.V1_1,
                  WialonSessionTest.position(
                      Instant.now().minusSeconds(1), MARKER_LAT, 37.0, 5.0, 0.0))));
    }
    List<TelemetryPoint> points = pointsUntilMarker(vehicleId, before);
    Instant now = Instant.now();
    for (TelemetryPoint p : points) {
      RawFix fix =
          new RawFix(
              p.fixTime(),
              p.lat(),
              p.lon(),
              true,
              p.speedKmh(),
              p.headingDeg(),
              null,
              null,
              p.odometerKm(),
              Map.of(),
              Map.of());
      assertTrue(
          FixSanity.DEFAULT.problem(fix, now).isEmpty(),
          "stored an implausible point: " + p + " " + FixSanity.DEFAULT.problem(fix, now));
    }
    assertTrue(
        points.size() > 1, "some mutated packets stay valid and are stored: " + points.size());
    System.out.printf(
        "wialon fuzz: %d rounds, %d reconnects, %d points stored%n",
        ROUNDS, reconnects, points.size());
  }

  private static WialonTestClient loggedIn(int port, String imei) throws Exception {
    WialonTestClient c = new WialonTestClient(port);
    assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(WialonVersion.V1_1, imei, null)));
    return c;
  }

  /**
   * Sends the line and a ping, reads answers up to the ping's; false when the server closed the
   * connection (a write may then fail too).
   */
  private static boolean sendAndAwaitPing(WialonTestClient c, String line) throws Exception {
    try {
      c.send(line.getBytes(StandardCharsets.UTF_8));
      c.send("\r\n" + WialonDeviceEncoder.ping());
    } catch (IOException closed) {
      return false;
    }
    return untilPing(c);
  }

  /** Reads answers up to the ping's; false when the server closed the connection. */
  private static boolean untilPing(WialonTestClient c) throws Exception {
    String line;
    while ((line = c.readLine()) != null) {
      if (line.equals("#AP#")) {
        return true;
      }
      assertTrue(line.matches("#A(L|SD|D|B)#-?[0-9]*"), "not a Wialon answer: " + line);
    }
    return false;
  }

  private static List<String> seedLines(String imei, Instant t0) {
    WialonVersion v = WialonVersion.V1_1;
    WialonData d =
        WialonSessionTest.position(t0, 55.75, 37.61, 42.0, 90.0)
            .withExtended(
                1.2,
                5L,
                1L,
                List.of(12.5, 3.0),
                "ab12",
                List.of(
                    new WialonParam.IntParam("plough", 1),
                    new WialonParam.DoubleParam("fuel", 45.8),
                    new WialonParam.TextParam("hw", "V4.5")));
    List<WialonPacket.DataMessage> box = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      box.add(
          new WialonPacket.ShortData(
              WialonSessionTest.position(t0.plusSeconds(i), 55, 37, 10.0, 0.0)));
    }
    box.add(new WialonPacket.Data(d));
    return List.of(
            WialonDeviceEncoder.shortData(
                v, WialonSessionTest.position(t0, 59.93, 30.31, 60.0, 359.0)),
            WialonDeviceEncoder.data(v, d),
            WialonDeviceEncoder.blackBox(v, box),
            WialonDeviceEncoder.login(v, imei, null),
            WialonDeviceEncoder.ping())
        .stream()
        .map(s -> s.substring(0, s.length() - 2))
        .toList();
  }

  private static String mutate(String line, Random random) {
    StringBuilder s = new StringBuilder(line);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (random.nextInt(5)) {
        case 0 -> s.insert(at, c);
        case 1 -> {
          if (s.length() > 0) {
            s.setCharAt(at, c);
          }
        }
        case 2 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        case 3 -> s.setLength(at);
        default -> {
          int end = Math.min(s.length(), at + random.nextInt(20));
          s.insert(at, s.substring(at, end));
        }
      }
    }
    return s.toString();
  }

  /** Every point of the vehicle since {@code from}, up to and including the marker point. */
  private static List<TelemetryPoint> pointsUntilMarker(
      String vehicleId, Map<TopicPartition, Long> from) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<TopicPartition> partitions =
        IntStream.range(0, Topics.TELEMETRY_PARTITIONS)
            .mapToObj(i -> new TopicPartition(Topics.TELEMETRY, i))
            .toList();
    List<TelemetryPoint> own = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.assign(partitions);
      from.forEach(c::seek);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (vehicleId.equals(r.key())) {
            TelemetryPoint point = JsonSerde.fromBytes(r.value(), TelemetryPoint.class);
            own.add(point);
            if (Math.abs(point.lat() - MARKER_LAT) < 1e-6) {
              return own;
            }
          }
        }
      }
    }
    fail("the marker point never arrived; got " + own.size() + " points");
    return own;
  }
}
