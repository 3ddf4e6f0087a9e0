package dev.dozor.simulator.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.client.TelemetryRegistryClient.District;
import dev.dozor.simulator.client.TelemetryRegistryClient.ImportedSegment;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's snowfalls relative to the shift start, and the vehicle on loan (GEO-002). */
class SnowfallAndLoanTest {
  private static final Instant START = Instant.parse("2026-01-15T06:00:00Z");
  private static final FleetConfig CONFIG =
      FleetConfig.defaults()
          .withVehicles(8)
          .withTypes(List.of(VehicleType.PLOUGH, VehicleType.SWEEPER, VehicleType.REFUSE));

  /** The grid as imported roads: each edge one segment, district by latitude. */
  private static Fleet fleetOnImportedRoads(List<ImportedSegment> imported) {
    Fleet grid = Fleet.create(CONFIG, START);
    RoadNetwork roads = RoadNetwork.fromGrid(grid.grid());
    for (RoadEdge e : roads.edges()) {
      GeoPoint a = e.points().get(0);
      GeoPoint b = e.points().get(e.points().size() - 1);
      imported.add(
          new ImportedSegment(
              e.id() + "-0", a.lat() < 55.85 ? "d-south" : "d-north", List.of(a, b)));
    }
    return Fleet.create(CONFIG.withRoads(roads), START);
  }

  @Test
  void snowfallsAreRegisteredRelativeToTheShiftStartEndedOrNot() {
    List<ImportedSegment> imported = new ArrayList<>();
    Fleet fleet = fleetOnImportedRoads(imported);
    List<Snowfall> snow =
        List.of(
            new Snowfall(Duration.ofMinutes(900), Duration.ofMinutes(705)),
            new Snowfall(Duration.ofMinutes(165), null));
    CityPlan city =
        CityPlan.of(
            fleet.config(),
            fleet.vehicles(),
            fleet.assignments(),
            fleet.roads(),
            START,
            imported,
            snow);
    long districts =
        fleet.vehicles().stream().map(v -> city.refs(v.id()).homeDistrictId()).distinct().count();
    assertEquals(3 * districts, city.weather().size(), city.summary());
    for (CityPlan.Weather w : city.weather()) {
      Instant at = Instant.parse(w.body().at());
      if (w.body().kind().equals("snowfall-ended")) {
        assertEquals(START.minus(Duration.ofMinutes(705)), at);
      } else {
        assertTrue(
            at.equals(START.minus(Duration.ofMinutes(900)))
                || at.equals(START.minus(Duration.ofMinutes(165))),
            w.id());
      }
    }
    // TIM-001's 12 h (priority 4) after the end and TIM-002's 3 h after the second start fall
    // 15 min into the shift
    assertEquals(
        START.plusSeconds(900), START.minus(Duration.ofMinutes(705)).plus(Duration.ofHours(12)));
    assertEquals(
        START.plusSeconds(900), START.minus(Duration.ofMinutes(165)).plus(Duration.ofHours(3)));
    assertEquals(snow, List.copyOf(snow));
    assertEquals(
        2 * districts,
        CityPlan.of(
                fleet.config(),
                fleet.vehicles(),
                fleet.assignments(),
                fleet.roads(),
                START,
                imported)
            .weather()
            .size());
  }

  @Test
  void aSnowfallEndsAtOrBeforeTheShiftStartAndNotBeforeItStarted() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Snowfall(Duration.ofHours(1), Duration.ofHours(2)));
    assertThrows(IllegalArgumentException.class, () -> new Snowfall(Duration.ofHours(-1), null));
    Snowfall s = new Snowfall(Duration.ofHours(2), null);
    assertNull(s.endedAt(START));
    assertEquals(START.minus(Duration.ofHours(2)), s.startedAt(START));
    assertEquals(List.of(Snowfall.DEFAULT), Snowfall.defaults());
  }

  @Test
  void theLastRefuseTruckIsOnLoanFromAnotherOkrugWithoutAnAssignment() {
    List<ImportedSegment> imported = new ArrayList<>();
    Fleet fleet = fleetOnImportedRoads(imported);
    List<District> districts =
        List.of(
            new District("d-south", "СВАО"),
            new District("d-north", "СВАО"),
            new District("z-far", "ЦАО"),
            new District("a-far", "ВАО"),
            new District("b-none", null));
    CityPlan city =
        CityPlan.of(
            fleet.config(),
            fleet.vehicles(),
            fleet.assignments(),
            fleet.roads(),
            START,
            imported,
            Snowfall.defaults(),
            districts);
    String borrowed = CityPlan.borrowedVehicleId(fleet.vehicles(), districts);
    assertEquals(
        "sim-refuse-02", borrowed); // 8 vehicles of plough, sweeper, refuse: the last refuse
    assertEquals("a-far", city.refs(borrowed).homeDistrictId());
    assertEquals(fleet.vehicles().size() - 1, city.assignments().size());
    assertTrue(city.assignments().stream().noneMatch(a -> a.body().vehicleId().equals(borrowed)));
    assertTrue(city.summary().contains("sim-refuse-02 on loan from a-far (ВАО)"), city.summary());
    for (var v : fleet.vehicles()) {
      if (!v.id().equals(borrowed)) {
        assertNotEquals("a-far", city.refs(v.id()).homeDistrictId());
      }
    }
    // without districts (or on the grid) nobody is on loan
    assertNull(CityPlan.borrowedVehicleId(fleet.vehicles(), List.of()));
    CityPlan none =
        CityPlan.of(
            fleet.config(),
            fleet.vehicles(),
            fleet.assignments(),
            fleet.roads(),
            START,
            imported,
            Snowfall.defaults(),
            List.of());
    assertEquals(fleet.vehicles().size(), none.assignments().size());
    assertNull(none.loan());
  }

  @Test
  void parsesTheDistrictsAnswer() {
    String json =
        "[{\"id\":\"45263000\",\"name\":\"Бабушкинский\",\"okrug\":\"СВАО\",\"areaKm2\":5.1},"
            + "{\"id\":\"x\",\"okrug\":null},{\"name\":\"no id\"}]";
    assertEquals(
        List.of(new District("45263000", "СВАО"), new District("x", null)),
        TelemetryRegistryClient.parseDistricts(json));
    assertEquals(List.of(), TelemetryRegistryClient.parseDistricts("not json"));
  }
}
