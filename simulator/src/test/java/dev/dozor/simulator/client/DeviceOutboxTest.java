package dev.dozor.simulator.client;

import static dev.dozor.simulator.client.GatewayClientTest.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceOutboxTest {
  private static final GatewayClient.Settings FAST =
      new GatewayClient.Settings(
          Duration.ofSeconds(5),
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          Duration.ofSeconds(5));

  private static List<String> fixTimes(String body) throws Exception {
    List<String> times = new ArrayList<>();
    for (JsonNode n : JsonSerde.mapper().readTree(body)) {
      times.add(n.get("fixTime").asText());
    }
    return times;
  }

  @Test
  void keepsPointsOn503AndDeliversThemLaterInOrder() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(503, "").always(202, "")) {
      GatewayClient gateway = new GatewayClient(server.uri(), FAST);
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", "t", 500, m -> {});
      outbox.add(List.of(point(0), point(2)));

      SendResult busy = outbox.flush(gateway);
      assertEquals(SendResult.Outcome.UNAVAILABLE, busy.outcome());
      assertEquals(2, outbox.buffered());

      outbox.add(List.of(point(4)));
      SendResult ok = outbox.flush(gateway);
      assertTrue(ok.isAccepted());
      assertEquals(0, outbox.buffered());
      assertEquals(
          List.of(
              "2026-01-15T06:00:00.000Z", "2026-01-15T06:00:02.000Z", "2026-01-15T06:00:04.000Z"),
          fixTimes(server.requests().get(1).body()));
      assertEquals(new DeviceOutbox.Stats(3, 3, 0, 2, 0), outbox.stats());
    }
  }

  @Test
  void keepsPointsWhileTheGatewayIsUnreachable() throws Exception {
    FakeHttpServer down = new FakeHttpServer();
    java.net.URI uri = down.uri();
    down.close();
    DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", "t", 500, m -> {});
    outbox.add(List.of(point(0)));
    outbox.flush(new GatewayClient(uri, FAST));
    outbox.flush(new GatewayClient(uri, FAST));
    assertEquals(new DeviceOutbox.Stats(1, 0, 0, 1, 1), outbox.stats());
  }

  @Test
  void dropsABatchOn400AndLogsTheBodyOnce() throws Exception {
    try (FakeHttpServer server =
        new FakeHttpServer().always(400, "{\"error\":\"lat out of range\"}")) {
      GatewayClient gateway = new GatewayClient(server.uri(), FAST);
      List<String> log = new ArrayList<>();
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", "t", 500, log::add);
      outbox.add(List.of(point(0), point(2)));
      outbox.flush(gateway);
      outbox.add(List.of(point(4)));
      outbox.flush(gateway);

      assertEquals(0, outbox.buffered());
      assertEquals(new DeviceOutbox.Stats(3, 0, 3, 0, 0), outbox.stats());
      assertEquals(1, log.size());
      assertTrue(log.get(0).contains("lat out of range") && log.get(0).contains("400"), log.get(0));
    }
  }

  @Test
  void splitsALongBacklogIntoBatches() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(202, "")) {
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", "t", 2, m -> {});
      outbox.add(List.of(point(0), point(2), point(4), point(6), point(8)));
      outbox.flush(new GatewayClient(server.uri(), FAST));

      assertEquals(3, server.requests().size());
      assertEquals(List.of("2026-01-15T06:00:08.000Z"), fixTimes(server.requests().get(2).body()));
      assertEquals(new DeviceOutbox.Stats(5, 5, 0, 0, 0), outbox.stats());
    }
  }
}
