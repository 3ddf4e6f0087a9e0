package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestFleetTest {
  private static final Instant START = Instant.parse("2026-10-14T00:00:00Z");

  private static List<TelemetryPoint> all(IngestFleet f) {
    List<TelemetryPoint> out = new ArrayList<>();
    f.forEachRemaining(out::add);
    return out;
  }

  @Test
  void producesExactlyTheAskedPointsWithUniqueIdentities() {
    List<TelemetryPoint> points = all(new IngestFleet(10_500, 100, START, 10, 1));
    assertEquals(10_500, points.size());
    Set<String> keys = new HashSet<>();
    for (TelemetryPoint p : points) {
      assertTrue(keys.add(p.vehicleId() + "|" + p.fixTime()), "duplicate " + p);
    }
    Set<String> vehicles = new HashSet<>();
    points.forEach(p -> vehicles.add(p.vehicleId()));
    assertEquals(100, vehicles.size());
  }

  @Test
  void staysInMoscowAtPloughSpeedsTenSecondsApart() {
    List<TelemetryPoint> points = all(new IngestFleet(20_000, 10, START, 10, 2));
    for (TelemetryPoint p : points) {
      assertTrue(
          p.lat() >= IngestFleet.MIN_LAT && p.lat() <= IngestFleet.MAX_LAT, "lat " + p.lat());
      assertTrue(
          p.lon() >= IngestFleet.MIN_LON && p.lon() <= IngestFleet.MAX_LON, "lon " + p.lon());
      assertTrue(p.speedKmh() >= 15 && p.speedKmh() <= 40);
      assertEquals(p.fixTime().plusMillis(500), p.receivedAt());
    }
    TelemetryPoint a = points.get(0);
    TelemetryPoint b = points.get(10);
    assertEquals(a.vehicleId(), b.vehicleId());
    assertEquals(10_000, b.fixTime().toEpochMilli() - a.fixTime().toEpochMilli());
    assertTrue(RoadGraph.distanceM(a.lon(), a.lat(), b.lon(), b.lat()) <= 40 / 3.6 * 10 + 1);
  }

  @Test
  void theBladeIsDownMostOfTheTime() {
    long down =
        all(new IngestFleet(6_000, 10, START, 10, 3)).stream()
            .filter(p -> Boolean.TRUE.equals(p.equipment().plough()))
            .count();
    assertEquals(5_400, down);
  }

  @Test
  void isDeterministicSoTheReferencesStoreTheSameRows() {
    assertEquals(
        all(new IngestFleet(1_000, 7, START, 10, 4)), all(new IngestFleet(1_000, 7, START, 10, 4)));
    assertFalse(
        all(new IngestFleet(1_000, 7, START, 10, 4))
            .equals(all(new IngestFleet(1_000, 7, START, 10, 5))));
  }

  @Test
  void spanCoversTheLastFix() {
    assertEquals(20_000, IngestFleet.spanSeconds(2_000_000, 1000, 10));
    assertEquals(20, IngestFleet.spanSeconds(11, 10, 10));
  }
}
