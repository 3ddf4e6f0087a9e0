package dev.dozor.simulator.client;

import static dev.dozor.simulator.client.GatewayClientTest.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
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

  /** A sender that acknowledges the listed positions of every batch and keeps the rest. */
  private static FixSender acknowledging(List<List<Integer>> perCall, List<List<String>> seen) {
    return new FixSender() {
      private int call;

      @Override
      public Delivery send(List<dev.dozor.events.TelemetryPoint> points) {
        seen.add(points.stream().map(p -> GatewayFix.formatTime(p.fixTime())).toList());
        BitSet acked = new BitSet();
        perCall.get(call++).forEach(acked::set);
        boolean all = acked.cardinality() == points.size();
        return new Delivery(
            acked,
            new BitSet(),
            new SendResult(
                all ? SendResult.Outcome.ACCEPTED : SendResult.Outcome.UNAVAILABLE,
                0,
                acked.cardinality(),
                1,
                ""));
      }

      @Override
      public String endpoint() {
        return "test";
      }
    };
  }

  @Test
  void keepsOnlyWhatAPartialAnswerLeftUnacknowledgedInOrder() {
    List<List<String>> seen = new ArrayList<>();
    FixSender sender = acknowledging(List.of(List.of(0, 2), List.of(0, 1)), seen);
    DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", null, 500, m -> {});
    List<dev.dozor.events.TelemetryPoint> acked = new ArrayList<>();
    outbox.setAckListener((vehicle, points, at) -> acked.addAll(points));
    outbox.add(List.of(point(0), point(2), point(4)));

    SendResult partial = outbox.flush(sender);
    assertEquals(SendResult.Outcome.UNAVAILABLE, partial.outcome());
    assertEquals(1, outbox.buffered());
    outbox.add(List.of(point(6)));
    assertTrue(outbox.flush(sender).isAccepted());

    assertEquals(
        List.of(
            List.of(
                "2026-01-15T06:00:00.000Z", "2026-01-15T06:00:02.000Z", "2026-01-15T06:00:04.000Z"),
            List.of("2026-01-15T06:00:02.000Z", "2026-01-15T06:00:06.000Z")),
        seen);
    assertEquals(new DeviceOutbox.Stats(4, 4, 0, 1, 0), outbox.stats());
    assertEquals(4, acked.size());
    assertEquals(point(4), acked.get(1));
  }

  @Test
  void dropsOnlyTheRejectedFixesOfABatch() {
    FixSender sender =
        new FixSender() {
          @Override
          public Delivery send(List<dev.dozor.events.TelemetryPoint> points) {
            BitSet acked = new BitSet();
            acked.set(0);
            BitSet rejected = new BitSet();
            rejected.set(1);
            return new Delivery(
                acked, rejected, new SendResult(SendResult.Outcome.UNAVAILABLE, 503, 1, 1, "busy"));
          }

          @Override
          public String endpoint() {
            return "test";
          }
        };
    List<String> log = new ArrayList<>();
    DeviceOutbox outbox = new DeviceOutbox("dev-sim-plough-01", null, 500, log::add);
    outbox.add(List.of(point(0), point(2), point(4)));

    outbox.flush(sender);

    assertEquals(new DeviceOutbox.Stats(3, 1, 1, 0, 1), outbox.stats());
    assertEquals(1, log.size());
  }
}
