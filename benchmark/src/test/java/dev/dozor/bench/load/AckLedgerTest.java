package dev.dozor.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AckLedgerTest {
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  private static TelemetryPoint point(String vehicle, long second) {
    return TelemetryPoint.of(
        vehicle,
        "dev-" + vehicle,
        T0.plusSeconds(second),
        null,
        55.85,
        37.64,
        50,
        0.0,
        Equipment.NONE);
  }

  private static List<TelemetryPoint> points(String vehicle, long from, long to) {
    List<TelemetryPoint> out = new ArrayList<>();
    for (long s = from; s < to; s++) {
      out.add(point(vehicle, s));
    }
    return out;
  }

  @Test
  void countsDistinctPointsPerPrefixAndIgnoresARepeatedAck() {
    AckLedger ledger = new AckLedger(0);
    ledger.recordAck("a-v1", points("a-v1", 0, 10), T0);
    ledger.recordAck("a-v2", points("a-v2", 0, 5), T0);
    ledger.recordAck("b-v1", points("b-v1", 0, 7), T0);
    ledger.recordAck("a-v1", points("a-v1", 5, 12), T0); // 5..9 again, 10 and 11 new

    assertEquals(12 + 5 + 7, ledger.acknowledgedCount());
    assertEquals(17, ledger.acknowledgedDistinct("a-"));
    assertEquals(7, ledger.acknowledgedDistinct("b-"));
    assertTrue(ledger.isAcknowledged("a-v1", T0.plusSeconds(11)));
    assertFalse(ledger.isAcknowledged("a-v1", T0.plusSeconds(12)));
  }

  @Test
  void keepsFixTimesSortedWhenAcksArriveOutOfOrder() {
    AckLedger ledger = new AckLedger(0);
    ledger.recordAck("v", points("v", 10, 13), T0);
    ledger.recordAck("v", points("v", 0, 2), T0);
    long base = T0.toEpochMilli();
    assertArrayEquals(
        new long[] {base, base + 1000, base + 10_000, base + 11_000, base + 12_000},
        ledger.fixTimes("v"));
  }

  @Test
  void ackTimeIsKeptForFlaggedVehiclesAndSampledPointsOnly() {
    AckLedger ledger = new AckLedger(5);
    ledger.flagVehicle("offender");
    Instant ack = T0.plusSeconds(100);
    ledger.recordAck("offender", points("offender", 0, 3), ack);
    ledger.recordAck("plain", points("plain", 0, 4), ack); // 7 points: the 5th is sampled

    assertEquals(Optional.of(ack), ledger.ackTime("offender", T0.plusSeconds(2)));
    assertEquals(3, ledger.flaggedPoints("offender").size());
    assertEquals(Optional.of(ack), ledger.ackTime("plain", T0.plusSeconds(1)), "5th point");
    assertEquals(Optional.empty(), ledger.ackTime("plain", T0.plusSeconds(2)));
    assertEquals(1, ledger.sampledAckTimes().get("plain").size());
  }

  @Test
  void concurrentAcksOfManyVehiclesAreAllCounted() throws Exception {
    AckLedger ledger = new AckLedger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int v = 0; v < 40; v++) {
      String id = "c-v" + v;
      for (int batch = 0; batch < 50; batch++) {
        int from = batch * 10;
        pool.execute(() -> ledger.recordAck(id, points(id, from, from + 10), Instant.now()));
      }
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(40 * 500, ledger.acknowledgedDistinct("c-"));
    assertEquals(500, ledger.fixTimes("c-v7").length);
  }

  @Test
  void refusalsRetriesAndUnauthorizedAreCountedSeparately() {
    AckLedger ledger = new AckLedger();
    ledger.recordRefused(3);
    ledger.recordRetried(10);
    ledger.recordRetried(5);
    ledger.recordUnauthorized(2);
    assertEquals(3, ledger.refusedCount());
    assertEquals(15, ledger.retriedCount());
    assertEquals(2, ledger.unauthorizedCount());
    assertEquals(0, ledger.acknowledgedCount());
  }
}
