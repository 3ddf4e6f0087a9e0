package dev.dozor.simulator.protocol.egts;

import static dev.dozor.simulator.protocol.TestPoints.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.protocol.EgtsTestServer;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgtsTerminalClientTest {
  private static final long TID = 810000001L;

  static TerminalSettings fast(int perPacket) {
    return new TerminalSettings(
        Duration.ofSeconds(2),
        Duration.ofMillis(500),
        perPacket,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofSeconds(5));
  }

  private static BitSet bits(int... set) {
    BitSet b = new BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }

  @Test
  void authenticatesOnceThenEveryRecordIsAcknowledged() throws Exception {
    try (EgtsTestServer server = new EgtsTestServer();
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(50))) {
      Delivery first = client.send(points(3));
      Delivery second = client.send(points(1));

      assertEquals(bits(0, 1, 2), first.acknowledged());
      assertTrue(first.last().isAccepted());
      assertEquals(3, first.last().accepted());
      assertEquals(bits(0), second.acknowledged());
      assertEquals(List.of(TID), server.terminalIds());
      assertEquals(1, server.connections());
      List<RawFix> got = server.acknowledged();
      assertEquals(4, got.size());
      assertEquals(points(3).get(2).fixTime(), got.get(2).fixTime());
      assertEquals(1.0, got.get(0).inputs().get("din1")); // plough down
      assertEquals(1.0, got.get(0).inputs().get("din5")); // ignition
    }
  }

  @Test
  void splitsABacklogIntoPacketsOfAtMostTheLimit() throws Exception {
    try (EgtsTestServer server = new EgtsTestServer();
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(4))) {
      Delivery d = client.send(points(10));

      assertEquals(10, d.acknowledgedCount());
      assertEquals(List.of(4, 4, 2), server.packetSizes());
    }
  }

  @Test
  void aNegativeRecordStatusKeepsThatFixAndStopsTheBatch() throws Exception {
    try (EgtsTestServer server =
            new EgtsTestServer()
                .recordStatus(n -> n == 1 ? EgtsResultCode.NO_RES_AVAIL : EgtsResultCode.OK);
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(3))) {
      Delivery d = client.send(points(6));

      // records 0 and 2 of the first packet are in the gateway; 1 and the second packet are not
      assertEquals(bits(0, 2), d.acknowledged());
      assertEquals(SendResult.Outcome.UNAVAILABLE, d.last().outcome());
      assertEquals(EgtsResultCode.NO_RES_AVAIL, d.last().status());
      assertTrue(d.last().detail().contains("EGTS_PC_NO_RES_AVAIL"), d.last().detail());
      assertEquals(List.of(3), server.packetSizes());
      assertTrue(d.rejected().isEmpty());
    }
  }

  @Test
  void theOutboxResendsWhatANegativeStatusKept() throws Exception {
    try (EgtsTestServer server =
            new EgtsTestServer()
                .recordStatus(n -> n == 0 ? EgtsResultCode.IO_ERROR : EgtsResultCode.OK);
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(50))) {
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", null, 500, m -> {});
      List<TelemetryPoint> sent = points(2);
      outbox.add(sent);

      outbox.flush(client);
      assertEquals(1, outbox.buffered());
      SendResult again = outbox.flush(client);

      assertTrue(again.isAccepted());
      assertEquals(0, outbox.buffered());
      assertEquals(new DeviceOutbox.Stats(2, 2, 0, 1, 0), outbox.stats());
      List<RawFix> got = server.acknowledged();
      assertEquals(sent.get(1).fixTime(), got.get(0).fixTime());
      assertEquals(sent.get(0).fixTime(), got.get(1).fixTime());
    }
  }

  @Test
  void aDroppedConnectionKeepsTheFixesAndTheNextSendReconnects() throws Exception {
    try (EgtsTestServer server = new EgtsTestServer().dropConnectionOnPacket(1);
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(50))) {
      Delivery lost = client.send(points(2));
      Delivery later = client.send(points(2));

      assertTrue(lost.acknowledged().isEmpty());
      assertEquals(SendResult.Outcome.UNAVAILABLE, lost.last().outcome());
      assertTrue(lost.last().detail().contains("closed"), lost.last().detail());
      assertEquals(bits(0, 1), later.acknowledged());
      assertEquals(2, server.connections());
      assertEquals(List.of(TID, TID), server.terminalIds());
    }
  }

  @Test
  void aSilentGatewayTimesOutAndKeepsTheFixes() throws Exception {
    try (EgtsTestServer server = new EgtsTestServer().silentOnPacket(1);
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, fast(50))) {
      long start = System.nanoTime();
      Delivery d = client.send(points(2));

      assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
      assertTrue(d.acknowledged().isEmpty());
      assertTrue(d.last().detail().contains("no answer"), d.last().detail());
    }
  }

  @Test
  void aRefusedTerminalIsAnUnknownDeviceUntilTheWaitEnds() throws Exception {
    TerminalSettings noWait =
        new TerminalSettings(
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            50,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO);
    try (EgtsTestServer server = new EgtsTestServer().authResult(EgtsResultCode.AUTH_DENIED);
        EgtsTerminalClient client = new EgtsTerminalClient(server.address(), TID, noWait)) {
      Delivery refused = client.send(points(1));

      assertTrue(refused.last().isUnknownDevice());
      assertTrue(refused.last().detail().contains("EGTS_PC_AUTH_DENIED"));
      Thread.sleep(5);
      SimulatorException e = assertThrows(SimulatorException.class, () -> client.send(points(1)));
      assertTrue(e.getMessage().contains("810000001"), e.getMessage());
      assertTrue(server.acknowledged().isEmpty());
    }
  }

  @Test
  void noGatewayMeansUnavailableAndABackoffBeforeTheNextConnect() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    TerminalSettings slowRetry =
        new TerminalSettings(
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            50,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5));
    try (EgtsTerminalClient client =
        new EgtsTerminalClient(new HostPort("127.0.0.1", port), TID, slowRetry)) {
      Delivery first = client.send(points(1)); // the first failure is retried at once
      Delivery second = client.send(points(1));
      Delivery third = client.send(points(1));

      assertTrue(first.last().detail().contains("connection refused"), first.last().detail());
      assertTrue(second.last().detail().contains("connection refused"), second.last().detail());
      assertTrue(third.last().detail().contains("reconnecting in"), third.last().detail());
      assertEquals(SendResult.Outcome.UNAVAILABLE, third.last().outcome());
    }
  }
}
