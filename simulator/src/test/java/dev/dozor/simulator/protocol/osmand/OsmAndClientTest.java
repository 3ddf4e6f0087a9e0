package dev.dozor.simulator.protocol.osmand;

import static dev.dozor.simulator.protocol.TestPoints.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.DeviceOutbox;
import dev.dozor.simulator.client.FakeHttpServer;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.SimulatorException;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.time.Duration;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class OsmAndClientTest {
  private static final String ID = "sim-osm-sim-plough-01";

  private static OsmAndClient client(FakeHttpServer server, Duration authWait) {
    TerminalSettings settings =
        new TerminalSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            50,
            Duration.ZERO,
            Duration.ZERO,
            authWait);
    return new OsmAndClient(server.uri(), ID, OsmAndClient.newHttpClient(settings), settings);
  }

  private static BitSet range(int from, int to) {
    BitSet b = new BitSet();
    b.set(from, to);
    return b;
  }

  @Test
  void sendsOneGetPerFixWithTraccarClientParameters() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(200, "")) {
      Delivery d = client(server, Duration.ofSeconds(5)).send(points(2));

      assertEquals(range(0, 2), d.acknowledged());
      assertTrue(d.last().isAccepted());
      assertEquals(2, server.requests().size());
      FakeHttpServer.Request r = server.requests().get(1);
      assertEquals("GET", r.method());
      assertEquals("/", r.path());
      assertEquals(
          "id=sim-osm-sim-plough-01&timestamp=1768456802&lat=55.85002&lon=37.64"
              + "&speed=17.548596112311014&bearing=90&plough=true&brush=false&ignition=true",
          r.query());
    }
  }

  @Test
  void a503KeepsTheFixAndTheOnesAfterIt() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(200, "").then(503, "").always(200, "")) {
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", null, 500, m -> {});
      outbox.add(points(3));
      OsmAndClient client = client(server, Duration.ofSeconds(5));

      SendResult busy = outbox.flush(client);
      assertEquals(SendResult.Outcome.UNAVAILABLE, busy.outcome());
      assertEquals(503, busy.status());
      assertEquals(2, outbox.buffered());
      assertEquals(2, server.requests().size());

      assertTrue(outbox.flush(client).isAccepted());
      assertEquals(0, outbox.buffered());
      assertEquals(4, server.requests().size());
      assertTrue(server.requests().get(3).query().contains("timestamp=1768456804"));
      assertEquals(new DeviceOutbox.Stats(3, 3, 0, 2, 0), outbox.stats());
    }
  }

  @Test
  void a404IsAnUnknownIdKeptUntilTheRegistrationWaitEnds() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(404, "unknown id")) {
      OsmAndClient client = client(server, Duration.ZERO);
      Delivery d = client.send(points(2));

      assertTrue(d.acknowledged().isEmpty());
      assertTrue(d.rejected().isEmpty());
      assertTrue(d.last().isUnknownDevice());
      assertEquals(1, server.requests().size());
      Thread.sleep(5);
      SimulatorException e = assertThrows(SimulatorException.class, () -> client.send(points(1)));
      assertTrue(e.getMessage().contains(ID), e.getMessage());
    }
  }

  @Test
  void a400DropsThatFixAndGoesOn() throws Exception {
    try (FakeHttpServer server =
        new FakeHttpServer().then(400, "lat must be a number").always(200, "")) {
      Delivery d = client(server, Duration.ofSeconds(5)).send(points(2));

      assertEquals(range(0, 1), d.rejected());
      assertEquals(range(1, 2), d.acknowledged());
    }
  }
}
