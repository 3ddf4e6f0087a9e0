package dev.dozor.gateway.egts;

import static dev.dozor.gateway.KafkaTestSupport.awaitPoints;
import static dev.dozor.gateway.KafkaTestSupport.publishRegistry;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.tcp.TcpServers;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketEncoder;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsRecord;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsServiceType;
import dev.dozor.protocol.egts.EgtsSubrecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EGTS port against the real broker: terminals on real sockets, devices and profiles from the
 * registry topic, accepted positions read back from the telemetry topic.
 */
@QuarkusTest
class EgtsSessionTest {
  @Inject TcpServers servers;
  @Inject DeviceRegistry registry;

  private int port;
  private long tid;
  private String deviceId;
  private String vehicleId;
  private Instant t0;

  @BeforeEach
  void registerDevice() throws Exception {
    port = servers.port("egts").orElseThrow();
    tid = EgtsTerminal.randomTid();
    deviceId = UUID.randomUUID().toString();
    vehicleId = UUID.randomUUID().toString();
    t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
  }

  @Test
  void acknowledgesAKnownTerminalThenSendsResultCodeOk() throws Exception {
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), null);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.send(EgtsDeviceEncoder.termIdentity(7, 3, EgtsDeviceEncoder.identity(tid, null)));

      // our packet 0: PT_RESPONSE (RPID 7, PR 0) with RECORD_RESPONSE CRN 3, RST 0 in an AUTH
      // record
      assertArrayEquals(
          hex("0100000B0010000000006807000006000300400101000300030000EDE2"), terminal.nextFrame());
      // our packet 1: APPDATA, one AUTH record (RN 0, RSOD) with SR_RESULT_CODE RCD = 0
      assertArrayEquals(
          hex("0100000B000B000100011904000000400101090100001273"), terminal.nextFrame());

      // and the session now takes teledata
      Map<TopicPartition, Long> before = telemetryEndOffsets();
      terminal.send(EgtsDeviceEncoder.teledata(8, 4, null, List.of(fix(0, Map.of()))));
      assertEquals(List.of(new EgtsSubrecord.RecordResponse(4, 0)), answerTo(terminal, 8));
      assertEquals(deviceId, awaitPoints(vehicleId, before, 1).get(0).deviceId());
    }
  }

  @Test
  void findsATerminalRegisteredByImei() throws Exception {
    String imei = "86" + String.format("%013d", tid);
    EgtsTerminal.register(registry, deviceId, vehicleId, imei, null);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.send(EgtsDeviceEncoder.termIdentity(1, 1, EgtsDeviceEncoder.identity(tid, imei)));
      assertEquals(List.of(new EgtsSubrecord.RecordResponse(1, 0)), answerTo(terminal, 1));
      assertEquals(0, terminal.nextPacket().authResult().getAsInt());
    }
  }

  @Test
  void multiRecordPacketIsStoredWithProfileAndAnsweredOncePerRecord() throws Exception {
    String profileId = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.profile(profileId),
        DeviceProfileRecord.of(
            profileId, "plough on din1", List.of(ChannelMapping.digital("plough", "din1", false))));
    while (registry.profile(profileId).isEmpty()) {
      Thread.sleep(50);
    }
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), profileId);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.authenticate(tid);
      Map<TopicPartition, Long> before = telemetryEndOffsets();
      // din1 goes to POS_DATA, ain2 and dout1 to AD_SENSORS_DATA
      List<RawFix> fixes =
          List.of(
              fix(0, Map.of("din1", 1.0, "ain2", 300.0, "dout1", 1.0)),
              fix(5, Map.of("din1", 0.0, "ain2", 301.0)),
              fix(10, Map.of("din1", 1.0, "ain2", 302.0)));

      terminal.send(EgtsDeviceEncoder.teledata(20, 100, 42L, fixes));

      EgtsPacket answer = terminal.nextPacket();
      assertEquals(EgtsPacketType.RESPONSE, answer.packetType());
      assertEquals(20, answer.responseToPacketId());
      assertEquals(0, answer.processingResult());
      assertEquals(
          List.of(
              new EgtsSubrecord.RecordResponse(100, 0),
              new EgtsSubrecord.RecordResponse(101, 0),
              new EgtsSubrecord.RecordResponse(102, 0)),
          answer.recordResponses());
      List<TelemetryPoint> points = awaitPoints(vehicleId, before, 3);
      for (int i = 0; i < 3; i++) {
        TelemetryPoint p = points.get(i);
        assertEquals(vehicleId, p.vehicleId());
        assertEquals(deviceId, p.deviceId());
        assertEquals(t0.plusSeconds(5L * i), p.fixTime());
        assertEquals(55.75, p.lat(), 1e-6);
        assertEquals(i != 1, p.equipment().plough(), "plough of point " + i);
        assertEquals(String.valueOf(300 + i), p.attributes().get("ain2"));
      }
    }
  }

  @Test
  void refusesAnUnknownTerminalWithAuthDeniedAndCloses() throws Exception {
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.send(EgtsDeviceEncoder.termIdentity(5, 9, EgtsDeviceEncoder.identity(tid, null)));

      assertEquals(
          List.of(new EgtsSubrecord.RecordResponse(9, EgtsResultCode.AUTH_DENIED)),
          answerTo(terminal, 5));
      assertEquals(EgtsResultCode.AUTH_DENIED, terminal.nextPacket().authResult().getAsInt());
      terminal.assertClosedByServer();
    }
  }

  @Test
  void refusesAnUnboundDevice() throws Exception {
    EgtsTerminal.register(registry, deviceId, null, Long.toString(tid), null);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.send(EgtsDeviceEncoder.termIdentity(5, 9, EgtsDeviceEncoder.identity(tid, null)));
      assertEquals(
          List.of(new EgtsSubrecord.RecordResponse(9, EgtsResultCode.AUTH_DENIED)),
          answerTo(terminal, 5));
      assertEquals(EgtsResultCode.AUTH_DENIED, terminal.nextPacket().authResult().getAsInt());
      terminal.assertClosedByServer();
    }
  }

  @Test
  void refusesTeledataBeforeAuthenticationAndPublishesNothing() throws Exception {
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), null);
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.send(
          EgtsDeviceEncoder.teledata(3, 1, null, List.of(fix(0, Map.of()), fix(1, Map.of()))));
      assertEquals(
          List.of(
              new EgtsSubrecord.RecordResponse(1, EgtsResultCode.AUTH_DENIED),
              new EgtsSubrecord.RecordResponse(2, EgtsResultCode.AUTH_DENIED)),
          answerTo(terminal, 3));

      // the same connection may still authenticate; only the later fix is stored
      terminal.authenticate(tid);
      terminal.send(EgtsDeviceEncoder.teledata(4, 3, null, List.of(fix(2, Map.of()))));
      assertEquals(List.of(new EgtsSubrecord.RecordResponse(3, 0)), answerTo(terminal, 4));
    }
    TelemetryPoint only = awaitPoints(vehicleId, before, 1).get(0);
    assertEquals(t0.plusSeconds(2), only.fixTime());
  }

  @Test
  void answersOtherServicesWithServiceNotFound() throws Exception {
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), null);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      terminal.authenticate(tid);
      terminal.send(
          EgtsPacketEncoder.appData(
              6,
              List.of(
                  EgtsRecord.fromDevice(
                      12,
                      EgtsServiceType.COMMANDS,
                      null,
                      List.of(new EgtsSubrecord.ResultCode(0))))));
      assertEquals(
          List.of(new EgtsSubrecord.RecordResponse(12, EgtsResultCode.SRVC_NFOUND)),
          answerTo(terminal, 6));
    }
  }

  @Test
  void answersBadDataCrcWith138AndKeepsTheConnection() throws Exception {
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), null);
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      byte[] frame = EgtsDeviceEncoder.termIdentity(77, 1, EgtsDeviceEncoder.identity(tid, null));
      frame[frame.length - 1] ^= 0x5A;
      terminal.send(frame);

      EgtsPacket answer = terminal.nextPacket();
      assertEquals(77, answer.responseToPacketId());
      assertEquals(EgtsResultCode.DATACRC_ERROR, answer.processingResult());
      assertEquals(138, answer.processingResult());
      assertTrue(answer.records().isEmpty());
      terminal.authenticate(tid); // still in step
    }
  }

  @Test
  void answersBadHeaderCrcWith137AndCloses() throws Exception {
    try (EgtsTerminal terminal = new EgtsTerminal(port)) {
      byte[] frame = EgtsDeviceEncoder.termIdentity(77, 1, EgtsDeviceEncoder.identity(tid, null));
      frame[10] ^= 0x5A;
      terminal.send(frame);

      EgtsPacket answer = terminal.nextPacket();
      assertEquals(0, answer.responseToPacketId()); // the PID of a bad header is not trusted
      assertEquals(EgtsResultCode.HEADERCRC_ERROR, answer.processingResult());
      assertEquals(137, answer.processingResult());
      terminal.assertClosedByServer();
    }
  }

  @Test
  void aGarbageConnectionDoesNotDisturbAnother() throws Exception {
    EgtsTerminal.register(registry, deviceId, vehicleId, Long.toString(tid), null);
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    try (EgtsTerminal good = new EgtsTerminal(port);
        EgtsTerminal bad = new EgtsTerminal(port)) {
      good.authenticate(tid);
      byte[] garbage = new byte[4096];
      new java.util.Random(7).nextBytes(garbage);
      garbage[0] = 1; // passes the first PRV check, fails later
      bad.send(garbage);
      good.send(EgtsDeviceEncoder.teledata(2, 1, null, List.of(fix(0, Map.of()))));
      assertEquals(List.of(new EgtsSubrecord.RecordResponse(1, 0)), answerTo(good, 2));
      assertTrue(bad.nextPacket().processingResult() != 0, "the garbage is rejected");
      bad.assertClosedByServer();
      good.send(EgtsDeviceEncoder.teledata(3, 2, null, List.of(fix(1, Map.of()))));
      assertEquals(List.of(new EgtsSubrecord.RecordResponse(2, 0)), answerTo(good, 3));
    }
    assertEquals(2, awaitPoints(vehicleId, before, 2).size());
  }

  /** The record responses of our PT_RESPONSE to the terminal's packet {@code pid}. */
  private static List<EgtsSubrecord.RecordResponse> answerTo(EgtsTerminal terminal, int pid)
      throws Exception {
    EgtsPacket answer = terminal.nextPacket();
    assertEquals(EgtsPacketType.RESPONSE, answer.packetType());
    assertEquals(pid, answer.responseToPacketId());
    assertEquals(0, answer.processingResult());
    return answer.recordResponses();
  }

  private RawFix fix(int second, Map<String, Double> inputs) {
    return new RawFix(
        t0.plusSeconds(second), 55.75, 37.61, true, 36.0, 90.0, null, null, 12.5, inputs, Map.of());
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.toLowerCase(java.util.Locale.ROOT));
  }
}
