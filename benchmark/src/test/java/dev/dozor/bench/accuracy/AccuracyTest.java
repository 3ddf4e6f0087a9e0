package dev.dozor.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  private static Episode ep(String vehicle, String reg, int from, int to) {
    return new Episode(vehicle, reg, T0.plusSeconds(from), T0.plusSeconds(to));
  }

  @Test
  void overlapNeedsSameVehicleRegulationAndTime() {
    Episode a = ep("v1", "SPD-001", 0, 70);
    assertEquals(true, a.overlaps(ep("v1", "SPD-001", 70, 90)));
    assertEquals(false, a.overlaps(ep("v1", "SPD-001", 71, 90)));
    assertEquals(false, a.overlaps(ep("v2", "SPD-001", 0, 70)));
    assertEquals(false, a.overlaps(ep("v1", "SPD-002", 0, 70)));
  }

  @Test
  void precisionAndRecallPerRegulation() {
    List<Episode> injected =
        List.of(
            ep("v1", "SPD-001", 0, 70), ep("v1", "SPD-001", 100, 170), ep("v2", "SPD-002", 0, 60));
    List<Episode> raised = List.of(ep("v1", "SPD-001", 0, 65), ep("v3", "SPD-001", 0, 65));
    Map<String, AccuracyScore> s =
        AccuracyScore.byRegulation(AccuracyScore.score(injected, raised, Set.of("SPD-001")));
    AccuracyScore spd1 = s.get("SPD-001");
    assertEquals(0.5, spd1.precision());
    assertEquals(0.5, spd1.recall());
    AccuracyScore spd2 = s.get("SPD-002");
    assertEquals(0.0, spd2.recall());
    assertNull(spd2.precision());
    assertEquals("no implementation of SPD-002 in rules-service yet", spd2.note());
  }

  @Test
  void spd001GroundTruthIsRunsOfAtLeastSixtySecondsPloughDownAbove45() {
    List<TelemetryPoint> fixes = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      boolean fast = s < 75 || (s >= 100 && s < 140); // 75 s episode, then 40 s: too short
      fixes.add(
          TelemetryPoint.of(
              "v1",
              "dev-v1",
              T0.plusSeconds(s),
              null,
              55.85,
              37.64,
              fast ? 57 : 35,
              90.0,
              new Equipment(fast, false, null, null, null, true, null)));
    }
    List<Episode> eps = GroundTruth.spd001("v1", fixes);
    assertEquals(List.of(ep("v1", "SPD-001", 0, 74)), eps);
  }
}
