package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineFleetTest {
  private static final RulesGeography GRID = RulesGeography.grid(1);

  @Test
  void batchesHoldDistinctVehiclesInFixTimeOrder() {
    EngineFleet fleet = new EngineFleet(GRID, 20_000, EngineSetup.START, 0.05, 3);
    for (int b = 0; b < 20; b++) {
      List<TelemetryPoint> batch = fleet.nextBatch(500);
      Set<String> vehicles = new HashSet<>();
      for (int i = 0; i < batch.size(); i++) {
        assertTrue(vehicles.add(batch.get(i).vehicleId()), "vehicle twice in batch " + b);
        if (i > 0) {
          assertFalse(batch.get(i).fixTime().isBefore(batch.get(i - 1).fixTime()));
        }
      }
    }
  }

  @Test
  void eachVehicleReportsEveryFiveToFifteenSeconds() {
    EngineFleet fleet = new EngineFleet(GRID, 200, EngineSetup.START, 0.05, 3);
    Map<String, Instant> last = new HashMap<>();
    int gaps = 0;
    for (TelemetryPoint p : fleet.nextBatch(20_000)) {
      Instant before = last.put(p.vehicleId(), p.fixTime());
      if (before != null) {
        long ms = p.fixTime().toEpochMilli() - before.toEpochMilli();
        assertTrue(ms >= 5_000 && ms <= 15_000, "gap " + ms + " ms");
        gaps++;
      }
      assertTrue(p.receivedAt().isAfter(p.fixTime()));
    }
    assertTrue(gaps > 19_000);
    assertEquals(20_000, fleet.emitted());
  }

  @Test
  void offendersBreachTheirTypesRegulationAndOthersDoNot() {
    EngineFleet fleet = new EngineFleet(GRID, 400, EngineSetup.START, 0.5, 5);
    boolean ploughBreach = false;
    for (TelemetryPoint p : fleet.nextBatch(60_000)) {
      int i = Integer.parseInt(p.vehicleId().substring("bench-v-".length())) - 1;
      boolean ploughFast = Boolean.TRUE.equals(p.equipment().plough()) && p.speedKmh() > 45;
      if (ploughFast) {
        assertTrue(fleet.isOffender(i), p.vehicleId() + " ploughs at " + p.speedKmh());
        ploughBreach = true;
      }
      assertTrue(p.speedKmh() <= 95);
    }
    assertTrue(ploughBreach, "no offender ploughed too fast in 25 min of fixes");
  }

  @Test
  void theSameSeedGivesTheSameFixes() {
    List<TelemetryPoint> a = new EngineFleet(GRID, 50, EngineSetup.START, 0.1, 9).nextBatch(300);
    List<TelemetryPoint> b = new EngineFleet(GRID, 50, EngineSetup.START, 0.1, 9).nextBatch(300);
    assertEquals(a, b);
  }

  @Test
  void everyVehicleHasARegistryEntryAndAnAssignmentOfItsRoute() {
    EngineFleet fleet = new EngineFleet(GRID, 30, EngineSetup.START, 0.1, 9);
    var registry = fleet.registry(EngineSetup.START, java.time.Duration.ofHours(8));
    assertEquals(30, registry.vehicleCount());
    assertEquals(30, registry.assignments().size());
    assertEquals("plough", registry.vehicleType(EngineFleet.vehicleId(0)));
  }
}
