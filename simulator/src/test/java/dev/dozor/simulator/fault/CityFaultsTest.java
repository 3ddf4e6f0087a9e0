package dev.dozor.simulator.fault;

import static dev.dozor.simulator.fault.FaultInjectionTest.START;
import static dev.dozor.simulator.fault.FaultInjectionTest.config;
import static dev.dozor.simulator.fault.FaultInjectionTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityPlan;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults of the place regulations, judged against the zones the demo registers ({@link CityPlan}).
 */
class CityFaultsTest {

  private static boolean tipped(TelemetryPoint p) {
    return Boolean.TRUE.equals(p.equipment().bodyTip());
  }

  @Test
  void dumpOutsideTipsTheBodyOnTheStreetForTwoOrMoreFixesAndNeverOtherwise() {
    FaultInjectionTest.Run run =
        run(
            config(
                10, List.of(VehicleType.PLOUGH, VehicleType.SPREADER), FaultType.DUMP_OUTSIDE, 2),
            Duration.ofHours(8));
    CityPlan city =
        CityPlan.of(
            run.fleet().config(),
            run.fleet().vehicles(),
            run.fleet().assignments(),
            run.fleet().roads(),
            START,
            List.of());
    List<CityZone> stations = city.zones(CityZone.SNOW_MELTING_STATION);
    assertEquals(1, stations.size());
    List<GroundTruthEntry> truth = run.truth("GEO-003");
    // 2/h × 10 vehicles × 8 h, less what the cool-down and the 1–2 min episodes take
    assertTrue(truth.size() >= 120 && truth.size() <= 200, "episodes: " + truth.size());
    Map<String, List<TelemetryPoint>> tracks = run.tracks();
    int tippedFixes = 0;
    for (GroundTruthEntry e : truth) {
      assertEquals("dump-outside", e.fault());
      List<TelemetryPoint> track = tracks.get(e.vehicleId());
      int first = -1;
      int last = -1;
      for (int i = 0; i < track.size(); i++) {
        TelemetryPoint p = track.get(i);
        if (!p.fixTime().isBefore(e.start()) && !p.fixTime().isAfter(e.end())) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      assertTrue(last > first, e + ": at least two fixes");
      assertEquals(e.start(), track.get(first).fixTime());
      assertEquals(e.end(), track.get(last).fixTime());
      assertFalse(first > 0 && tipped(track.get(first - 1)), e + " starts late");
      assertFalse(last + 1 < track.size() && tipped(track.get(last + 1)), e + " ends early");
      for (int i = first; i <= last; i++) {
        TelemetryPoint p = track.get(i);
        assertTrue(tipped(p), e + ": not tipped at " + p.fixTime());
        assertEquals(0.0, p.speedKmh(), e.toString());
        assertEquals(Boolean.TRUE, p.equipment().ignition());
        GeoPoint at = new GeoPoint(p.lat(), p.lon());
        assertTrue(stations.stream().noneMatch(z -> z.contains(at)), e + " inside the station");
      }
      assertTrue(Duration.between(e.start(), e.end()).getSeconds() >= 55, e.toString());
      assertTrue(Duration.between(e.start(), e.end()).getSeconds() <= 120, e.toString());
    }
    // outside the episodes (or the last half hour, whose episodes may be incomplete) no fix tips
    for (List<TelemetryPoint> track : tracks.values()) {
      for (TelemetryPoint p : track) {
        if (tipped(p)) {
          tippedFixes++;
          boolean inTruth =
              truth.stream()
                  .anyMatch(
                      e ->
                          e.vehicleId().equals(p.vehicleId())
                              && !p.fixTime().isBefore(e.start())
                              && !p.fixTime().isAfter(e.end()));
          assertTrue(
              inTruth || p.fixTime().isAfter(run.end().minus(Duration.ofMinutes(30))),
              "tipped outside the ground truth: " + p);
        }
      }
    }
    assertTrue(tippedFixes > 2 * truth.size());
  }

  @Test
  void withoutTheFaultNoRefuseTruckEverTips() {
    FaultInjectionTest.Run run =
        run(
            config(6, List.of(VehicleType.REFUSE), FaultType.IDLING, 1)
                .withFaults(FaultPlan.none()),
            Duration.ofHours(4));
    assertTrue(run.delivered().stream().noneMatch(CityFaultsTest::tipped));
    assertTrue(run.truth().isEmpty());
  }
}
