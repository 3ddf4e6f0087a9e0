package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTypesTest {
  static final Instant START = FleetTest.START;

  static List<TelemetryPoint> simulate(FleetConfig config, Duration span) {
    return FleetTest.simulate(config, span);
  }

  static FleetConfig mix(VehicleType... types) {
    return FleetConfig.defaults().withOffenders(0).withVehicles(10).withTypes(List.of(types));
  }

  @Test
  void everyTypeIsRegisteredWithItsWireName() {
    Fleet fleet = Fleet.create(mix(VehicleType.values()), START);
    assertEquals(
        List.of(
            "sim-plough-01",
            "sim-sweeper-01",
            "sim-spreader-01",
            "sim-flusher-01",
            "sim-refuse-01",
            "sim-plough-02"),
        fleet.vehicles().stream().limit(6).map(SimVehicle::id).toList());
    assertEquals("refuse", fleet.vehicles().get(4).toVehicleRecord().type());
  }

  @Test
  void spreadersReportADensityOnlyWhileSpreadingAndNeverStand() {
    List<TelemetryPoint> points = simulate(mix(VehicleType.SPREADER), Duration.ofHours(1));
    assertTrue(points.stream().anyMatch(p -> p.equipment().isSpreaderOn()));
    assertTrue(points.stream().anyMatch(p -> !p.equipment().isSpreaderOn()));
    for (TelemetryPoint p : points) {
      if (p.equipment().isSpreaderOn()) {
        double rate = p.equipment().spreadRateGm2();
        assertTrue(rate >= 15 && rate <= 35, p::toString);
        assertTrue(p.speedKmh() >= 3, p::toString);
      } else {
        assertNull(p.equipment().spreadRateGm2(), p::toString);
      }
    }
  }

  @Test
  void refuseTrucksStopOneToThreeMinutesAtContainerSitesWithTheBodyDown() {
    Fleet fleet = Fleet.create(mix(VehicleType.REFUSE), START);
    List<TelemetryPoint> points = new java.util.ArrayList<>();
    for (Instant t = START; !t.isAfter(START.plus(Duration.ofHours(2))); t = t.plusSeconds(2)) {
      points.addAll(fleet.step(t));
    }
    Map<String, List<TelemetryPoint>> byVehicle =
        points.stream().collect(Collectors.groupingBy(TelemetryPoint::vehicleId));
    int stops = 0;
    for (Assignment a : fleet.assignments()) {
      List<GeoPoint> sites = a.containerSites().stream().map(fleet.roads()::nodePosition).toList();
      List<TelemetryPoint> track = byVehicle.get(a.vehicleId());
      int i = 0;
      while (i < track.size()) {
        if (track.get(i).speedKmh() > 0) {
          i++;
          continue;
        }
        int j = i;
        while (j < track.size() && track.get(j).speedKmh() == 0) {
          j++;
        }
        long seconds =
            Duration.between(track.get(i).fixTime(), track.get(j - 1).fixTime()).getSeconds();
        TelemetryPoint p = track.get(i);
        GeoPoint at = new GeoPoint(p.lat(), p.lon());
        boolean atSite = sites.stream().anyMatch(s -> Geo.haversineMetres(s, at) < 30);
        if (atSite && seconds >= 50) {
          stops++;
          assertTrue(seconds <= 182, a.vehicleId() + " stood " + seconds + " s");
        }
        for (int k = i; k < j; k++) {
          assertEquals(Boolean.FALSE, track.get(k).equipment().bodyTip());
          assertEquals(Boolean.TRUE, track.get(k).equipment().ignition());
        }
        i = j;
      }
    }
    assertTrue(stops >= 20, "only " + stops + " stops at container sites");
  }

  @Test
  void flushersWorkAt10To20KmhWithThePumpOn() {
    List<TelemetryPoint> points = simulate(mix(VehicleType.FLUSHER), Duration.ofHours(1));
    assertTrue(points.stream().anyMatch(p -> Boolean.TRUE.equals(p.equipment().pto())));
    for (TelemetryPoint p : points) {
      if (Boolean.TRUE.equals(p.equipment().pto())) {
        assertTrue(p.speedKmh() >= 10 && p.speedKmh() <= 20, p::toString);
      }
    }
  }

  @Test
  void ploughsLowerTheBladeOnlyOnAssignedSegments() {
    Fleet fleet = Fleet.create(mix(VehicleType.PLOUGH), START);
    List<TelemetryPoint> points = fleet.step(START.plus(Duration.ofHours(1)));
    Map<String, Assignment> byId =
        fleet.assignments().stream().collect(Collectors.toMap(Assignment::vehicleId, a -> a));
    for (TelemetryPoint p : points) {
      if (p.equipment().isPloughDown()) {
        Assignment a = byId.get(p.vehicleId());
        GeoPoint at = new GeoPoint(p.lat(), p.lon());
        double nearestWork =
            fleet.roads().edges().stream()
                .filter(e -> a.workEdges().contains(e.id()))
                .mapToDouble(e -> e.distanceMetres(at))
                .min()
                .orElseThrow();
        assertTrue(nearestWork < 0.5, p::toString);
        assertTrue(p.speedKmh() <= 40, p::toString);
      }
    }
  }

  @Test
  void aShiftEndsBackAtTheDepotWithTheIgnitionOff() {
    FleetConfig config =
        mix(VehicleType.PLOUGH, VehicleType.SWEEPER).withShift(ShiftPlan.of(Duration.ofHours(1)));
    Fleet fleet = Fleet.create(config, START);
    List<TelemetryPoint> points = fleet.step(START.plus(Duration.ofHours(4)));
    Map<String, Assignment> byId =
        fleet.assignments().stream().collect(Collectors.toMap(Assignment::vehicleId, a -> a));
    for (TelemetryPoint p : points) {
      if (p.fixTime().isBefore(START.plus(Duration.ofHours(1)))) {
        assertEquals(Boolean.TRUE, p.equipment().ignition(), p::toString);
      }
      if (p.fixTime().equals(START.plus(Duration.ofHours(4)))) {
        assertEquals(Boolean.FALSE, p.equipment().ignition(), p::toString);
        assertEquals(0.0, p.speedKmh());
        assertFalse(p.equipment().isAnyImplementWorking());
        double fromDepot =
            Geo.haversineMetres(byId.get(p.vehicleId()).depot(), new GeoPoint(p.lat(), p.lon()));
        assertTrue(fromDepot < 1, p.vehicleId() + " parked " + fromDepot + " m from its depot");
      }
    }
  }
}
