package dev.dozor.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Last night's black box and the old trip to a container site (TIM-003/004/005 in a day demo). */
class BlackBoxHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-29T13:15:00Z"); // 16:15 Moscow

  private static final FleetConfig CONFIG =
      FleetConfig.defaults()
          .withVehicles(12)
          .withTypes(
              List.of(
                  VehicleType.PLOUGH,
                  VehicleType.SWEEPER,
                  VehicleType.SPREADER,
                  VehicleType.REFUSE))
          .withShift(ShiftPlan.of(Duration.ofMinutes(45)))
          .withFaults(FaultPlan.none().with(FaultType.IDLING, 1));

  @Test
  void lastNightIsTheLatestNightShiftThatEndedTwoHoursAgo() {
    assertEquals(Instant.parse("2026-11-28T22:00:00Z"), BlackBoxHistory.lastNight(NOW));
    // at 04:30 Moscow this night's shift (01:00-04:00) ended only 30 min ago: the night before
    assertEquals(
        Instant.parse("2026-11-27T22:00:00Z"),
        BlackBoxHistory.lastNight(Instant.parse("2026-11-29T01:30:00Z")));
    assertEquals(
        Instant.parse("2026-11-28T22:00:00Z"),
        BlackBoxHistory.lastNight(Instant.parse("2026-11-29T03:00:00Z")));
  }

  @Test
  void aRefuseTruckAndAPloughOrSweeperUploadTheirNightWorkInOrder() {
    BlackBoxHistory h = BlackBoxHistory.of(CONFIG, NOW);
    List<GroundTruthEntry> truth = h.groundTruth();
    assertEquals(2, truth.size(), truth.toString());
    assertEquals("TIM-004", truth.get(0).regulationId());
    assertTrue(truth.get(0).vehicleId().startsWith("sim-refuse-"));
    assertEquals("TIM-005", truth.get(1).regulationId());
    for (GroundTruthEntry e : truth) {
      for (Instant t : List.of(e.start(), e.end())) {
        LocalTime local = t.atZone(BlackBoxHistory.LOCAL).toLocalTime();
        assertTrue(
            local.isAfter(LocalTime.of(0, 59)) && local.isBefore(LocalTime.of(4, 1)), t + "");
      }
      List<TelemetryPoint> fixes = h.fixes().get(e.vehicleId());
      assertNotNull(fixes, e.vehicleId());
      assertTrue(fixes.stream().anyMatch(p -> p.fixTime().equals(e.start())));
      assertTrue(fixes.stream().anyMatch(p -> p.fixTime().equals(e.end())));
    }
    for (Map.Entry<String, List<TelemetryPoint>> e : h.fixes().entrySet()) {
      List<TelemetryPoint> fixes = e.getValue();
      assertFalse(fixes.isEmpty());
      for (int i = 1; i < fixes.size(); i++) {
        assertTrue(fixes.get(i).fixTime().isAfter(fixes.get(i - 1).fixTime()), e.getKey());
      }
      // late data: everything ended at least 2 h before now, nothing older than the gateway takes
      assertTrue(fixes.get(fixes.size() - 1).fixTime().isBefore(NOW.minus(Duration.ofHours(2))));
      assertTrue(fixes.get(0).fixTime().isAfter(NOW.minus(Duration.ofDays(30))));
      assertTrue(fixes.stream().allMatch(p -> p.vehicleId().equals(e.getKey())));
      assertEquals(0, fixes.get(0).fixTime().getNano(), "whole seconds (EGTS, Wialon IPS)");
    }
    // deterministic
    assertEquals(h.fixes(), BlackBoxHistory.of(CONFIG, NOW).fixes());
  }

  @Test
  void anOldTripStopsAtAContainerSiteMoreThan72HoursAgo() {
    BlackBoxHistory h = BlackBoxHistory.of(CONFIG, NOW);
    BlackBoxHistory.SiteStop stop = h.oldSiteStop();
    assertNotNull(stop);
    assertTrue(stop.vehicleId().startsWith("sim-refuse-"));
    // not the refuse truck of the night (whose night stops would serve sites again)
    assertTrue(h.groundTruth().stream().noneMatch(e -> e.vehicleId().equals(stop.vehicleId())));
    Duration age = Duration.between(stop.stopEnd(), NOW);
    assertTrue(age.compareTo(Duration.ofHours(73)) > 0 && age.compareTo(Duration.ofHours(80)) < 0);
    assertTrue(Duration.between(stop.stopStart(), stop.stopEnd()).getSeconds() >= 60);
    // the site is one of the live fleet's container sites, and every stop fix lies within 30 m
    CityZone site =
        Fleet.create(CONFIG, NOW).layout().zones().stream()
            .filter(z -> z.id().equals(stop.siteId()))
            .findFirst()
            .orElseThrow();
    assertEquals(CityZone.CONTAINER_SITE, site.kind());
    for (TelemetryPoint p : stop.fixes()) {
      if (!p.fixTime().isBefore(stop.stopStart()) && !p.fixTime().isAfter(stop.stopEnd())) {
        assertTrue(p.speedKmh() < 1);
        assertTrue(Geo.haversineMetres(new GeoPoint(p.lat(), p.lon()), site.centre()) <= 30);
      }
    }
    // uploaded before any night fix of the same truck
    List<TelemetryPoint> uploaded = h.fixes().get(stop.vehicleId());
    assertEquals(stop.fixes(), uploaded.subList(0, stop.fixes().size()));
  }

  @Test
  void theNightFleetHasTheLiveFleetsZonesAndRoutes() {
    Fleet live = Fleet.create(CONFIG, NOW);
    Fleet night =
        Fleet.create(
            CONFIG
                .withFaults(FaultPlan.none().with(FaultType.NIGHT_COLLECTION, 60))
                .withShift(ShiftPlan.of(BlackBoxHistory.NIGHT_LENGTH)),
            BlackBoxHistory.lastNight(NOW));
    assertEquals(live.layout().zones(), night.layout().zones());
    assertEquals(live.vehicles(), night.vehicles());
  }
}
