package dev.dozor.simulator.client;

import static dev.dozor.simulator.client.GatewayClientTest.point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AckListenerTest {
  private static final GatewayClient.Settings FAST =
      new GatewayClient.Settings(
          Duration.ofSeconds(5),
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          Duration.ofSeconds(5));

  @Test
  void aBatchRefusedWith503IsReportedOnlyOnceALaterAttemptIsAcknowledged() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(503, "").always(202, "")) {
      GatewayClient gateway = new GatewayClient(server.uri(), FAST);
      DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", "t", 500, m -> {});
      List<List<TelemetryPoint>> acked = new CopyOnWriteArrayList<>();
      outbox.setAckListener((vehicle, points, at) -> acked.add(points));
      outbox.add(List.of(point(0), point(2)));
      outbox.flush(gateway);
      assertEquals(List.of(), acked);
      outbox.flush(gateway);
      assertEquals(List.of(List.of(point(0), point(2))), acked);
    }
  }

  @Test
  void sendAsyncReportsA503AsUnavailableAndA202AsAccepted() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(503, "").then(401, "").always(202, "")) {
      GatewayClient gateway = new GatewayClient(server.uri(), FAST);
      assertEquals(
          SendResult.Outcome.UNAVAILABLE,
          gateway.sendAsync("t", List.of(point(0))).get().outcome());
      SendResult unauthorized = gateway.sendAsync("t", List.of(point(0))).get();
      assertEquals(401, unauthorized.status());
      assertEquals(SendResult.Outcome.UNAVAILABLE, unauthorized.outcome());
      assertEquals(1, gateway.sendAsync("t", List.of(point(0))).get().accepted());
    }
  }
}
