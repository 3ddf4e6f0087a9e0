package dev.dozor.telemetry.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionBatchTest {
  private static final Instant T0 = Instant.parse("2026-01-10T23:59:59Z");

  private static TelemetryPoint point(String vehicle, Instant at, double speed) {
    return TelemetryPoint.of(vehicle, "d", at, at, 55.7, 37.6, speed, null, Equipment.NONE);
  }

  @Test
  void removesDuplicatesOfTheSameVehicleAndFixTimeKeepingTheFirst() {
    var batch =
        PositionBatch.of(
            List.of(point("a", T0, 10), point("a", T0, 99), point("b", T0, 5), point("a", T0, 7)));

    assertEquals(2, batch.points().size());
    assertEquals(2, batch.duplicatesInBatch());
    assertEquals(10, batch.points().get(0).speedKmh());
  }

  @Test
  void latestPerVehicleTakesTheNewestFixRegardlessOfArrivalOrder() {
    var batch =
        PositionBatch.of(
            List.of(
                point("b", T0.plusSeconds(5), 2),
                point("a", T0.plusSeconds(10), 1),
                point("b", T0.plusSeconds(20), 3),
                point("b", T0, 4)));

    var latest = batch.latestPerVehicle();

    assertEquals(List.of("a", "b"), latest.stream().map(TelemetryPoint::vehicleId).toList());
    assertEquals(T0.plusSeconds(20), latest.get(1).fixTime());
  }

  @Test
  void slicesSplitTheBatchByVehicleWithoutLosingOrSharingAPoint() {
    List<TelemetryPoint> points = new java.util.ArrayList<>();
    for (int v = 0; v < 50; v++) {
      for (int s = 0; s < 3; s++) {
        points.add(point("veh-" + v, T0.plusSeconds(s), s));
      }
    }
    var batch = PositionBatch.of(points);

    var slices = batch.slices(3);

    assertEquals(3, slices.size());
    assertEquals(150, slices.stream().mapToInt(b -> b.points().size()).sum());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (var slice : slices) {
      java.util.Set<String> vehicles = new java.util.HashSet<>();
      slice.points().forEach(p -> vehicles.add(p.vehicleId()));
      for (String vehicle : vehicles) {
        assertEquals(true, seen.add(vehicle), vehicle + " is in two slices");
      }
    }
    assertEquals(50, seen.size());
    assertEquals(List.of(batch), batch.slices(1));
  }

  @Test
  void daysAreTheUtcDaysOfTheFixes() {
    var batch = PositionBatch.of(List.of(point("a", T0, 1), point("a", T0.plusSeconds(1), 1)));

    assertEquals(
        List.of(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-11")),
        List.copyOf(batch.days()));
  }

  @Test
  void partitionNamesAndWindowFollowTheDailyScheme() {
    assertEquals("positions_20260110", PartitionNames.of(LocalDate.parse("2026-01-10")));
    var window = PartitionNames.window(LocalDate.parse("2026-01-10"), 1, 7);
    assertEquals(9, window.size());
    assertEquals(LocalDate.parse("2026-01-09"), window.get(0));
    assertEquals(LocalDate.parse("2026-01-17"), window.get(8));
  }

  @Test
  void refusesPointsThatCannotBeStored() {
    var bad = TelemetryPoint.of("a", "d", T0, T0, 91, 37.6, 10, null, Equipment.NONE);
    var nan = TelemetryPoint.of("a", "d", T0, T0, 55, 37.6, Double.NaN, null, Equipment.NONE);

    assertEquals(true, PointCheck.problem(bad).orElseThrow().contains("lat"));
    assertEquals(true, PointCheck.problem(nan).orElseThrow().contains("speedKmh"));
    assertEquals(true, PointCheck.problem(point("a", T0, 10)).isEmpty());
  }
}
