package dev.dozor.dispatch.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionBoardTest {
  private static final Instant T0 = Instant.parse("2026-01-15T08:00:00Z");

  private static TelemetryPoint point(String vehicle, int second, double lat, Equipment e) {
    return TelemetryPoint.of(vehicle, "dev", T0.plusSeconds(second), T0, lat, 37.6, 30, null, e);
  }

  @Test
  void newerFixReplacesThePosition() {
    PositionBoard board = new PositionBoard(5);
    assertTrue(board.offer(point("a", 0, 55.0, Equipment.NONE)));
    assertTrue(board.offer(point("a", 10, 55.1, Equipment.plough(true))));
    VehiclePosition p = board.snapshot().get(0);
    assertEquals(55.1, p.lat());
    assertEquals("plough", p.mode());
    assertEquals(2, p.trail().size());
  }

  @Test
  void olderOrRepeatedFixNeverMovesTheMarkerBack() {
    PositionBoard board = new PositionBoard(5);
    board.offer(point("a", 10, 55.1, Equipment.NONE));
    assertFalse(board.offer(point("a", 5, 54.0, Equipment.NONE)));
    assertFalse(board.offer(point("a", 10, 54.0, Equipment.NONE)));
    assertEquals(55.1, board.snapshot().get(0).lat());
  }

  @Test
  void trailKeepsOnlyTheMostRecentPositionsInOrder() {
    PositionBoard board = new PositionBoard(3);
    for (int i = 0; i < 6; i++) {
      board.offer(point("a", i, 55.0 + i / 100.0, Equipment.NONE));
    }
    List<TrailPoint> trail = board.snapshot().get(0).trail();
    assertEquals(3, trail.size());
    assertEquals(T0.plusSeconds(3), trail.get(0).fixTime());
    assertEquals(T0.plusSeconds(5), trail.get(2).fixTime());
  }

  @Test
  void batchIsAppliedInFixTimeOrder() {
    PositionBoard board = new PositionBoard(5);
    board.offerAll(
        List.of(point("a", 20, 55.2, Equipment.NONE), point("a", 10, 55.1, Equipment.NONE)));
    VehiclePosition p = board.snapshot().get(0);
    assertEquals(55.2, p.lat());
    assertEquals(2, p.trail().size());
  }

  @Test
  void drainReportsEachChangedVehicleOnceInItsLatestState() {
    PositionBoard board = new PositionBoard(5);
    board.offer(point("a", 0, 55.0, Equipment.NONE));
    board.offer(point("a", 1, 55.5, Equipment.brush(true)));
    board.offer(point("b", 0, 56.0, Equipment.NONE));
    List<VehiclePosition> changed = board.drainChanged();
    assertEquals(2, changed.size());
    VehiclePosition a =
        changed.stream().filter(p -> p.vehicleId().equals("a")).findFirst().orElseThrow();
    assertEquals("brush", a.mode());
    assertTrue(board.drainChanged().isEmpty());
    board.offer(point("b", 5, 56.1, Equipment.NONE));
    assertEquals(
        List.of("b"), board.drainChanged().stream().map(VehiclePosition::vehicleId).toList());
  }
}
