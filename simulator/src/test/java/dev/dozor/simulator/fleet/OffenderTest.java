package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffenderTest {
  /** SPD-001: plough down above this speed… */
  private static final double SPD001_KMH = 45;

  /** …for at least this long. */
  private static final Duration SPD001_SUSTAINED = Duration.ofSeconds(60);

  private static boolean offending(TelemetryPoint p) {
    return p.equipment().isPloughDown() && p.speedKmh() > SPD001_KMH;
  }

  /** Runs of consecutive offending fixes of one vehicle, as [first, last] fix times. */
  private static List<Instant[]> offendingRuns(List<TelemetryPoint> points, String vehicleId) {
    List<Instant[]> runs = new ArrayList<>();
    Instant[] current = null;
    for (TelemetryPoint p : points) {
      if (!p.vehicleId().equals(vehicleId)) {
        continue;
      }
      if (offending(p)) {
        if (current == null) {
          current = new Instant[] {p.fixTime(), p.fixTime()};
          runs.add(current);
        }
        current[1] = p.fixTime();
      } else {
        current = null;
      }
    }
    return runs;
  }

  @Test
  void offenderPloughsTooFastForAMinuteWithinTheFirstTwoMinutes() {
    List<TelemetryPoint> points =
        FleetTest.simulate(FleetConfig.defaults(), Duration.ofSeconds(120));
    List<Instant[]> runs = offendingRuns(points, "sim-plough-01");
    assertTrue(
        runs.stream().anyMatch(r -> Duration.between(r[0], r[1]).compareTo(SPD001_SUSTAINED) >= 0),
        "no 60 s run of plough down above 45 km/h");
  }

  @Test
  void offenceClosesAndReopensPeriodically() {
    List<TelemetryPoint> points =
        FleetTest.simulate(FleetConfig.defaults(), Duration.ofSeconds(599));
    List<Instant[]> runs = offendingRuns(points, "sim-plough-01");
    // 150 s cycles: offences start at 0, 150, 300, 450 s and last 90 s (88 s between fixes)
    assertEquals(4, runs.size());
    for (int i = 0; i < runs.size(); i++) {
      assertEquals(FleetTest.START.plusSeconds(150L * i), runs.get(i)[0]);
      assertEquals(Duration.ofSeconds(88), Duration.between(runs.get(i)[0], runs.get(i)[1]));
    }
  }

  @Test
  void nonOffendersNeverPloughAboveTheLimit() {
    List<TelemetryPoint> points = FleetTest.simulate(FleetConfig.defaults(), Duration.ofHours(1));
    List<TelemetryPoint> bad =
        points.stream()
            .filter(p -> !p.vehicleId().equals("sim-plough-01"))
            .filter(OffenderTest::offending)
            .toList();
    assertEquals(List.of(), bad);
  }

  @Test
  void offenderCountIsConfigurable() {
    List<TelemetryPoint> none =
        FleetTest.simulate(FleetConfig.defaults().withOffenders(0), Duration.ofMinutes(5));
    assertTrue(none.stream().noneMatch(OffenderTest::offending));

    List<TelemetryPoint> two =
        FleetTest.simulate(FleetConfig.defaults().withOffenders(2), Duration.ofSeconds(120));
    assertTrue(!offendingRuns(two, "sim-plough-01").isEmpty());
    assertTrue(!offendingRuns(two, "sim-plough-02").isEmpty());
    assertTrue(offendingRuns(two, "sim-plough-03").isEmpty());
  }
}
