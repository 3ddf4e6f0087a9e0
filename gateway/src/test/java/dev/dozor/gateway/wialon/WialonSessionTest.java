package dev.dozor.gateway.wialon;

import static dev.dozor.gateway.KafkaTestSupport.awaitPoints;
import static dev.dozor.gateway.KafkaTestSupport.publishRegistry;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.TokenHash;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.tcp.TcpServers;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonParam;
import dev.dozor.protocol.wialon.WialonVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Wialon IPS port against the real broker: devices and profiles come from the registry topic,
 * answers are read from a real socket and points back from the telemetry topic.
 */
@QuarkusTest
class WialonSessionTest {
  private static final String PASSWORD = "s3cret";
  private static final WialonVersion V1 = WialonVersion.V1_1;
  private static final WialonVersion V2 = WialonVersion.V2_0;

  @Inject TcpServers servers;
  @Inject DeviceRegistry registry;

  private String imei;
  private String deviceId;
  private String vehicleId;
  private Instant t0;

  @BeforeEach
  void registerDevice() {
    imei = newImei();
    deviceId = UUID.randomUUID().toString();
    vehicleId = UUID.randomUUID().toString();
    t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    register(deviceId, vehicleId, imei, TokenHash.sha256Hex(PASSWORD), null);
  }

  @Test
  void acceptsVersion2LoginWithTheRightPassword() throws Exception {
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V2, imei, PASSWORD)));
      assertEquals("#AP#", c.call(WialonDeviceEncoder.ping()));
    }
  }

  @Test
  void refusesWrongPasswordAndCloses() throws Exception {
    try (WialonTestClient c = client()) {
      assertEquals("#AL#01", c.call(WialonDeviceEncoder.login(V2, imei, "guess")));
      assertNull(c.readLine(), "the connection is closed");
    }
    try (WialonTestClient c = client()) {
      assertEquals("#AL#01", c.call(WialonDeviceEncoder.login(V1, imei, null)));
      assertNull(c.readLine(), "NA is no password for a device that has one");
    }
  }

  @Test
  void refusesUnknownImeiAndCloses() throws Exception {
    try (WialonTestClient c = client()) {
      assertEquals("#AL#0", c.call(WialonDeviceEncoder.login(V2, newImei(), PASSWORD)));
      assertNull(c.readLine());
    }
  }

  @Test
  void refusesDeviceBoundToNoVehicle() throws Exception {
    String unboundImei = newImei();
    register(UUID.randomUUID().toString(), null, unboundImei, null, null);
    try (WialonTestClient c = client()) {
      assertEquals("#AL#0", c.call(WialonDeviceEncoder.login(V1, unboundImei, null)));
      assertNull(c.readLine());
    }
  }

  @Test
  void answersLoginWithBadCrcWithChecksumErrorAndLetsItRetry() throws Exception {
    String login = WialonDeviceEncoder.login(V2, imei, PASSWORD);
    String corrupted = login.replace(PASSWORD, "s3creT");
    try (WialonTestClient c = client()) {
      assertEquals("#AL#10", c.call(corrupted));
      assertEquals("#AL#1", c.call(login));
    }
  }

  @Test
  void acceptsDeviceWithoutPasswordLoggingInWithNa() throws Exception {
    String openImei = newImei();
    String openVehicle = UUID.randomUUID().toString();
    register(UUID.randomUUID().toString(), openVehicle, openImei, null, null);
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V2, openImei, null)));
    }
  }

  @Test
  void storesShortDataOfVersion11BeforeAnswering() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V1, imei, PASSWORD)));
      assertEquals(
          "#ASD#1",
          c.call(WialonDeviceEncoder.shortData(V1, position(t0, 55.75, 37.61, 42.0, 90.0))));
    }
    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(deviceId, p.deviceId());
    assertEquals(vehicleId, p.vehicleId());
    assertEquals(t0, p.fixTime());
    assertEquals(55.75, p.lat(), 1e-6);
    assertEquals(37.61, p.lon(), 1e-6);
    assertEquals(42.0, p.speedKmh(), 1e-9);
    assertEquals(90.0, p.headingDeg());
  }

  @Test
  void mapsDataParamsWithTheDeviceProfile() throws Exception {
    String profileId = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.profile(profileId),
        DeviceProfileRecord.of(
            profileId,
            "plough flag as a Wialon param",
            List.of(ChannelMapping.digital("plough", "plough", false))));
    await(() -> registry.profile(profileId).isPresent(), "profile " + profileId);
    register(deviceId, vehicleId, imei, TokenHash.sha256Hex(PASSWORD), profileId);
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    WialonData data =
        position(t0, 55.7, 37.6, 12.0, 180.0)
            .withExtended(
                1.1,
                null,
                null,
                List.of(12.5),
                null,
                List.of(
                    new WialonParam.IntParam("plough", 1),
                    new WialonParam.DoubleParam("fuel", 45.8),
                    new WialonParam.TextParam("hw", "V4.5")));

    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V2, imei, PASSWORD)));
      assertEquals("#AD#1", c.call(WialonDeviceEncoder.data(V2, data)));
    }

    TelemetryPoint p = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(Boolean.TRUE, p.equipment().plough());
    assertEquals("45.8", p.attributes().get("fuel"));
    assertEquals("12.5", p.attributes().get("ain1"));
    assertEquals("V4.5", p.attributes().get("hw"));
    assertFalse(p.attributes().containsKey("plough"), "a mapped param is a channel: " + p);
  }

  @Test
  void storesBlackBoxOf50AndAnswersTheCount() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    List<WialonPacket.DataMessage> messages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      messages.add(
          new WialonPacket.ShortData(position(t0.plusSeconds(i), 55 + i * 0.001, 37.5, 30.0, 0.0)));
    }
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V2, imei, PASSWORD)));
      assertEquals("#AB#50", c.call(WialonDeviceEncoder.blackBox(V2, messages)));
    }
    List<TelemetryPoint> points = awaitPoints(vehicleId, before, 50);
    for (int i = 0; i < 50; i++) {
      assertEquals(t0.plusSeconds(i), points.get(i).fixTime(), "points keep the device's order");
    }
  }

  @Test
  void countsOnlyTheGoodMessagesOfABlackBox() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    String good1 = body(WialonDeviceEncoder.shortData(V1, position(t0, 55.1, 37.1, 10.0, 0.0)));
    String good2 =
        body(WialonDeviceEncoder.shortData(V1, position(t0.plusSeconds(1), 55.2, 37.2, 10.0, 0.0)));
    String bad = good1.replace("5506.00000;N", "9512.00000;N");
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V1, imei, PASSWORD)));
      assertEquals("#AB#2", c.call("#B#" + good1 + "|" + bad + "|" + good2 + "\r\n"));
    }
    List<TelemetryPoint> points = awaitPoints(vehicleId, before, 2);
    assertEquals(55.1, points.get(0).lat(), 1e-6);
    assertEquals(55.2, points.get(1).lat(), 1e-6);
  }

  @Test
  void refusesDataWithBadCoordinatesAndPublishesNothing() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V1, imei, PASSWORD)));
      assertEquals(
          "#AD#10",
          c.call(
              "#D#"
                  + dateTime(t0)
                  + ";9512.00000;N;03736.00000;E;10;90;150;9;1.0;0;0;NA;NA;NA\r\n"));
      assertEquals(
          "#ASD#1",
          c.call(
              WialonDeviceEncoder.shortData(
                  V1, position(t0.plusSeconds(1), 55.3, 37.3, 1.0, 0.0))));
    }
    List<TelemetryPoint> points = awaitPoints(vehicleId, before, 1);
    assertEquals(55.3, points.get(0).lat(), 1e-6, "only the good packet reached Kafka");
  }

  @Test
  void closesWithoutAnswerOnDataBeforeLogin() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (WialonTestClient c = client()) {
      c.send(WialonDeviceEncoder.shortData(V1, position(t0, 55.4, 37.4, 1.0, 0.0)));
      assertNull(c.readLine(), "closed without an answer, so the tracker keeps the message");
    }
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V1, imei, PASSWORD)));
      assertEquals(
          "#ASD#1",
          c.call(
              WialonDeviceEncoder.shortData(
                  V1, position(t0.plusSeconds(5), 55.5, 37.5, 1.0, 0.0))));
    }
    List<TelemetryPoint> points = awaitPoints(vehicleId, before, 1);
    assertEquals(55.5, points.get(0).lat(), 1e-6, "the packet sent before login was not stored");
  }

  @Test
  void answersPingInOrderAfterPendingAcknowledgements() throws Exception {
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V2, imei, PASSWORD)));
      c.send(
          WialonDeviceEncoder.shortData(V2, position(t0, 55.6, 37.6, 1.0, 0.0))
              + WialonDeviceEncoder.ping());
      assertEquals("#ASD#1", c.readLine());
      assertEquals("#AP#", c.readLine());
    }
  }

  @Test
  void closesAfterTooManyUnrecognizedLines() throws Exception {
    try (WialonTestClient c = client()) {
      assertEquals("#AL#1", c.call(WialonDeviceEncoder.login(V1, imei, PASSWORD)));
      c.send("hello\r\n#M#a message\r\n");
      assertEquals("#AP#", c.call(WialonDeviceEncoder.ping()), "unrecognized lines: no answer");
      c.send("junk\r\n".repeat(20));
      assertNull(c.readLine());
    }
  }

  @Test
  void garbageOnOneConnectionDoesNotDisturbAnother() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (WialonTestClient good = client();
        WialonTestClient bad = client()) {
      assertEquals("#AL#1", good.call(WialonDeviceEncoder.login(V2, imei, PASSWORD)));
      bad.send(new byte[70_000]); // no line end within max-frame-bytes
      assertNull(bad.readLine());
      assertEquals(
          "#ASD#1",
          good.call(WialonDeviceEncoder.shortData(V2, position(t0, 55.8, 37.8, 1.0, 0.0))));
    }
    assertEquals(55.8, awaitPoints(vehicleId, before, 1).get(0).lat(), 1e-6);
  }

  // --- helpers ---

  private WialonTestClient client() throws Exception {
    return new WialonTestClient(servers.port(DeviceRecord.WIALON_IPS).orElseThrow());
  }

  private void register(
      String device, String vehicle, String terminal, String tokenHash, String profileId) {
    publishRegistry(
        RegistryKeys.device(device),
        DeviceRecord.of(device, vehicle, DeviceRecord.WIALON_IPS, tokenHash, terminal, profileId));
    await(
        () ->
            registry
                .byTerminal(DeviceRecord.WIALON_IPS, terminal)
                .map(
                    d ->
                        d.id().equals(device)
                            && Objects.equals(d.profileId(), profileId)
                            && Objects.equals(d.vehicleId(), vehicle))
                .orElse(false),
        "device " + terminal + " to be known");
  }

  static String newImei() {
    return Long.toString(
        Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000_000L));
  }

  static WialonData position(Instant time, double lat, double lon, double speed, double course) {
    return WialonData.position(time, lat, lon, speed, course, 150.0, 9);
  }

  /** The body of a 1.1 SD/D line: between {@code #SD#} and the line end. */
  private static String body(String line) {
    return line.substring(line.indexOf('#', 1) + 1, line.length() - 2);
  }

  private static String dateTime(Instant t) {
    return DateTimeFormatter.ofPattern("ddMMyy;HHmmss")
        .format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  static void await(BooleanSupplier condition, String what) throws RuntimeException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
