package dev.dozor.simulator.protocol.wialon;

import static dev.dozor.simulator.protocol.TestPoints.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonLoginStatus;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonVersion;
import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.protocol.TerminalSettings;
import dev.dozor.simulator.protocol.WialonTestServer;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WialonTerminalClientTest {
  private static final String IMEI = "356938000000019";
  private static final String PASSWORD = "0123456789abcdef";

  private static TerminalSettings fast(int perPacket, Duration authWait) {
    return new TerminalSettings(
        Duration.ofSeconds(2),
        Duration.ofMillis(500),
        perPacket,
        Duration.ZERO,
        Duration.ZERO,
        authWait);
  }

  private static WialonTerminalClient client(WialonTestServer server, int perPacket) {
    return new WialonTerminalClient(
        server.address(), IMEI, PASSWORD, fast(perPacket, Duration.ofSeconds(5)));
  }

  private static BitSet range(int from, int to) {
    BitSet b = new BitSet();
    b.set(from, to);
    return b;
  }

  @Test
  void logsInWithVersion2ThenOneFixIsADataPacketAcknowledgedWithAd1() throws Exception {
    try (WialonTestServer server = new WialonTestServer();
        WialonTerminalClient client = client(server, 50)) {
      Delivery d = client.send(points(1));

      assertEquals(range(0, 1), d.acknowledged());
      assertTrue(d.last().isAccepted());
      WialonPacket.Login login = server.logins().get(0);
      assertEquals(WialonVersion.V2_0, login.version());
      assertEquals(IMEI, login.imei());
      assertEquals(PASSWORD, login.password());
      assertEquals(List.of("D"), server.packetTypes());
      RawFix fix = server.acknowledged().get(0);
      assertEquals(1.0, fix.inputs().get("plough"));
      assertEquals(1.0, fix.inputs().get("brush_idle")); // inverted: brush off
    }
  }

  @Test
  void severalFixesGoAsBlackBoxesAcknowledgedWithAbN() throws Exception {
    try (WialonTestServer server = new WialonTestServer();
        WialonTerminalClient client = client(server, 4)) {
      List<TelemetryPoint> sent = points(9);
      Delivery d = client.send(sent);

      assertEquals(range(0, 9), d.acknowledged());
      assertEquals(List.of("B4", "B4", "B1"), server.packetTypes());
      assertEquals(sent.get(8).fixTime(), server.acknowledged().get(8).fixTime());
      assertEquals(1, server.connections());
    }
  }

  @Test
  void abWithAShortCountAcknowledgesTheFirstNAndKeepsTheRest() throws Exception {
    try (WialonTestServer server = new WialonTestServer().thenAnswer("#AB#2");
        WialonTerminalClient client = client(server, 50)) {
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", null, 500, m -> {});
      List<TelemetryPoint> sent = points(5);
      outbox.add(sent);

      SendResult partial = outbox.flush(client);
      assertEquals(SendResult.Outcome.UNAVAILABLE, partial.outcome());
      assertEquals(2, partial.accepted());
      assertEquals(3, outbox.buffered());
      assertTrue(outbox.flush(client).isAccepted());

      assertEquals(List.of("B5", "B3"), server.packetTypes());
      assertEquals(
          sent.stream().map(TelemetryPoint::fixTime).toList(),
          server.acknowledged().stream().map(RawFix::fixTime).toList());
      assertEquals(new DeviceOutbox.Stats(5, 5, 0, 3, 0), outbox.stats());
    }
  }

  @Test
  void adMinus1KeepsTheFixOnTheSameConnection() throws Exception {
    try (WialonTestServer server = new WialonTestServer().thenAnswer("#AD#-1");
        WialonTerminalClient client = client(server, 50)) {
      Delivery refused = client.send(points(1));
      Delivery accepted = client.send(points(1));

      assertTrue(refused.acknowledged().isEmpty());
      assertTrue(refused.rejected().isEmpty());
      assertEquals(SendResult.Outcome.UNAVAILABLE, refused.last().outcome());
      assertTrue(refused.last().detail().contains("#AD#-1"), refused.last().detail());
      assertEquals(range(0, 1), accepted.acknowledged());
      assertEquals(1, server.connections());
    }
  }

  @Test
  void aNegativeBlackBoxAnswerKeepsEverything() throws Exception {
    try (WialonTestServer server = new WialonTestServer().thenAnswer("#AB#-1");
        WialonTerminalClient client = client(server, 50)) {
      Delivery d = client.send(points(3));

      assertTrue(d.acknowledged().isEmpty());
      assertEquals(SendResult.Outcome.UNAVAILABLE, d.last().outcome());
    }
  }

  @Test
  void aFieldErrorRefusesTheMessageForGood() throws Exception {
    try (WialonTestServer server = new WialonTestServer().thenAnswer("#AD#10");
        WialonTerminalClient client = client(server, 50)) {
      Delivery d = client.send(points(1));

      assertEquals(range(0, 1), d.rejected());
      assertEquals(SendResult.Outcome.REJECTED, d.last().outcome());
      assertTrue(d.last().detail().contains("#AD#10"), d.last().detail());
    }
  }

  @Test
  void aClosedConnectionKeepsTheFixesAndTheNextSendLogsInAgain() throws Exception {
    try (WialonTestServer server = new WialonTestServer().thenAnswer(WialonTestServer.CLOSE);
        WialonTerminalClient client = client(server, 50)) {
      Delivery lost = client.send(points(3));
      Delivery later = client.send(points(3));

      assertTrue(lost.acknowledged().isEmpty());
      assertTrue(lost.last().detail().contains("closed"), lost.last().detail());
      assertEquals(range(0, 3), later.acknowledged());
      assertEquals(2, server.logins().size());
      assertEquals(3, server.acknowledged().size());
    }
  }

  @Test
  void aRefusedLoginIsAnUnknownDeviceUntilTheWaitEnds() throws Exception {
    try (WialonTestServer server = new WialonTestServer().loginStatus(WialonLoginStatus.REJECTED);
        WialonTerminalClient client =
            new WialonTerminalClient(server.address(), IMEI, PASSWORD, fast(50, Duration.ZERO))) {
      Delivery refused = client.send(points(1));

      assertTrue(refused.last().isUnknownDevice());
      assertTrue(refused.last().detail().contains("#AL#0"), refused.last().detail());
      Thread.sleep(5);
      SimulatorException e = assertThrows(SimulatorException.class, () -> client.send(points(1)));
      assertTrue(e.getMessage().contains(IMEI), e.getMessage());
    }
  }
}
