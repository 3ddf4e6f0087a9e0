package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.BenchOptions.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryBenchOptionsTest {
  @Test
  void defaultsAreTheIssuesVolumes() {
    TelemetryBenchOptions o = TelemetryBenchOptions.parse(new String[0]);
    assertEquals(2_000_000, o.points());
    assertEquals(1000, o.vehicles());
    assertEquals(30, o.days());
    assertEquals(List.of(1, 7, 14, 30), o.growthAt());
    assertEquals(20, o.trackRequests());
    assertEquals(10, o.coverageRequests());
    assertEquals("45358000", o.district());
  }

  @Test
  void quickShrinksTheVolumesAndExplicitOptionsStillWin() {
    TelemetryBenchOptions o = TelemetryBenchOptions.parse(new String[] {"--quick", "--days", "5"});
    assertTrue(o.quick());
    assertEquals(100_000, o.points());
    assertEquals(5, o.days());
    assertEquals(List.of(1, 5), o.growthAt());
  }

  @Test
  void growthPointsAreClippedAndAlwaysIncludeTheEnds() {
    assertEquals(List.of(1, 3, 10), TelemetryBenchOptions.growthPoints(List.of(3, 12), 10));
    assertEquals(List.of(1), TelemetryBenchOptions.growthPoints(null, 1));
  }

  @Test
  void rejectsBadValuesNamingTheOption() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> TelemetryBenchOptions.parse(new String[] {"--vehicles", "0"}));
    assertTrue(e.getMessage().contains("--vehicles"), e.getMessage());
    assertThrows(
        UsageException.class, () -> TelemetryBenchOptions.parse(new String[] {"--interval", "7"}));
    assertThrows(
        UsageException.class, () -> TelemetryBenchOptions.parse(new String[] {"--phase", "x"}));
    assertThrows(
        UsageException.class, () -> TelemetryBenchOptions.parse(new String[] {"--nope", "1"}));
  }
}
