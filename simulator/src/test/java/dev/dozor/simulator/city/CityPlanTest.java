package dev.dozor.simulator.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.FakeHttpServer;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.client.TelemetryRegistryClient.ImportedSegment;
import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.ShiftPlan;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry the demo builds around its fleet, and its requests. */
class CityPlanTest {
  private static final Instant START = Instant.parse("2026-01-15T06:00:00Z");

  /** telemetry-service's RegistryValidation id pattern. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private static final FleetConfig CONFIG =
      FleetConfig.defaults()
          .withVehicles(12)
          .withTypes(List.of(VehicleType.PLOUGH, VehicleType.SWEEPER, VehicleType.REFUSE));

  private static CityPlan plan(Fleet fleet, List<ImportedSegment> imported) {
    return CityPlan.of(
        fleet.config(), fleet.vehicles(), fleet.assignments(), fleet.roads(), START, imported);
  }

  @Test
  void onTheGridEveryVehicleGetsADepotAWorkZoneAndAnEndlessShift() {
    Fleet fleet = Fleet.create(CONFIG, START);
    CityPlan city = plan(fleet, List.of());

    assertEquals(3, city.contractors().size(), city.summary());
    assertEquals(3, city.zones(CityZone.DEPOT).size());
    assertEquals(3, city.zones(CityZone.WORK_ZONE).size());
    assertEquals(CityPlan.PLAYGROUNDS, city.zones(CityZone.NO_MACHINERY).size());
    assertEquals(1, city.zones(CityZone.SNOW_MELTING_STATION).size());
    Set<Integer> sites = new TreeSet<>();
    fleet.assignments().forEach(a -> sites.addAll(a.containerSites()));
    assertFalse(sites.isEmpty());
    assertEquals(sites.size(), city.zones(CityZone.CONTAINER_SITE).size());
    for (int node : sites) {
      assertTrue(city.zone("sim-container-" + node).contains(fleet.roads().nodePosition(node)));
    }
    Set<String> ids = new HashSet<>();
    city.zones().forEach(z -> assertTrue(ids.add(z.id()) && ID.matcher(z.id()).matches(), z.id()));

    assertEquals(12, city.assignments().size());
    for (int i = 0; i < 12; i++) {
      SimVehicle v = fleet.vehicles().get(i);
      Assignment a = fleet.assignments().get(i);
      CityPlan.VehicleRefs refs = city.refs(v.id());
      assertTrue(city.zone(refs.depotZoneId()).contains(a.depot()), v.id());
      assertEquals(CityZone.DEPOT, city.zone(refs.depotZoneId()).kind());
      assertTrue(city.contractors().stream().anyMatch(c -> c.id().equals(refs.contractorId())));
      assertEquals(
          v.contractor(),
          city.contractors().stream()
              .filter(c -> c.id().equals(refs.contractorId()))
              .findFirst()
              .orElseThrow()
              .body()
              .name());
      assertNull(refs.homeDistrictId(), "no imported districts on the grid");
      CityPlan.ShiftAssignment s = city.assignments().get(i);
      assertTrue(ID.matcher(s.id()).matches(), s.id());
      assertEquals(v.id(), s.body().vehicleId());
      assertEquals(START.toString(), s.body().shiftStart());
      assertEquals(START.plus(Duration.ofDays(7)).toString(), s.body().shiftEnd());
      assertEquals(CityZone.WORK_ZONE, city.zone(s.body().zoneId()).kind());
      assertNull(s.body().segmentIds());
      assertNull(s.body().corridorM());
    }
    assertTrue(city.weather().isEmpty(), "no snowfall without imported districts");
  }

  @Test
  void vehiclesStayInTheirWorkZoneAndOnlyTouchPlaygroundsAndTheStationNever() {
    Fleet fleet = Fleet.create(CONFIG, START);
    CityPlan city = plan(fleet, List.of());
    Map<String, CityZone> workZone = new HashMap<>();
    for (CityPlan.ShiftAssignment s : city.assignments()) {
      workZone.put(s.body().vehicleId(), city.zone(s.body().zoneId()));
    }
    List<CityZone> forbidden = new ArrayList<>(city.zones(CityZone.NO_MACHINERY));
    forbidden.addAll(city.zones(CityZone.SNOW_MELTING_STATION));
    int fixes = 0;
    for (Instant t = START; !t.isAfter(START.plus(Duration.ofHours(2))); t = t.plusSeconds(60)) {
      for (TelemetryPoint p : fleet.step(t)) {
        GeoPoint at = new GeoPoint(p.lat(), p.lon());
        assertTrue(workZone.get(p.vehicleId()).contains(at), p.vehicleId() + " at " + p.fixTime());
        for (CityZone z : forbidden) {
          assertFalse(z.contains(at), p.vehicleId() + " in " + z.id() + " at " + p.fixTime());
        }
        fixes++;
      }
    }
    assertTrue(fixes > 10_000, "fixes: " + fixes);
    // beside, not on, the roads: every corner at least 15 m from every road
    for (CityZone z : forbidden) {
      for (GeoPoint c : z.corners()) {
        for (RoadEdge e : fleet.roads().edges()) {
          assertTrue(e.distanceMetres(c) > 15, z.id() + " corner " + c + " near edge " + e.id());
        }
      }
    }
  }

  @Test
  void aFiniteShiftIsTheAssignmentWindowAndThePlanIsDeterministic() {
    FleetConfig config =
        CONFIG.withShift(new ShiftPlan(Duration.ofHours(8), Duration.ofMinutes(1)));
    CityPlan a = plan(Fleet.create(config, START), List.of());
    CityPlan b = plan(Fleet.create(config, START), List.of());
    assertEquals(JsonSerde.toJson(a.assignments()), JsonSerde.toJson(b.assignments()));
    assertEquals(a.zones(), b.zones());
    CityPlan.ShiftAssignment third = a.assignments().get(2);
    assertEquals(START.plusSeconds(120).toString(), third.body().shiftStart());
    assertEquals(
        START.plusSeconds(120).plus(Duration.ofHours(8)).toString(), third.body().shiftEnd());
    assertEquals("sim-shift-sim-refuse-01-20260115T060200Z", third.id());
  }

  @Test
  void onImportedRoadsAssignmentsListTheRouteSegmentsAndDistrictsGetASnowfall() {
    // the grid as "real roads", each edge imported as two halves, districts by depot
    Fleet grid = Fleet.create(CONFIG, START);
    RoadNetwork roads = RoadNetwork.fromGrid(grid.grid());
    Fleet fleet = Fleet.create(CONFIG.withRoads(roads), START);
    List<ImportedSegment> imported = new ArrayList<>();
    for (RoadEdge e : roads.edges()) {
      GeoPoint a = e.points().get(0);
      GeoPoint b = e.points().get(e.points().size() - 1);
      GeoPoint m = a.interpolate(b, 0.5);
      String district = a.lat() < 55.85 ? "45349000" : "45350000";
      imported.add(new ImportedSegment(e.id() + "-0", district, List.of(a, m)));
      imported.add(new ImportedSegment(e.id() + "-1", district, List.of(m, b)));
    }
    CityPlan city = plan(fleet, imported);

    Set<String> districts = new TreeSet<>();
    for (int i = 0; i < fleet.vehicles().size(); i++) {
      Assignment a = fleet.assignments().get(i);
      CityPlan.ShiftAssignment s = city.assignments().get(i);
      Set<String> expected = new TreeSet<>();
      a.routeEdges().forEach(id -> expected.addAll(List.of(id + "-0", id + "-1")));
      assertEquals(expected, new TreeSet<>(s.body().segmentIds()), s.id());
      assertEquals(CityPlan.CORRIDOR_M, s.body().corridorM());
      String home = city.refs(s.body().vehicleId()).homeDistrictId();
      assertNotNull(home);
      districts.add(home);
    }
    assertEquals(2 * districts.size(), city.weather().size());
    for (CityPlan.Weather w : city.weather()) {
      assertTrue(ID.matcher(w.id()).matches(), w.id());
      Instant at = Instant.parse(w.body().at());
      assertEquals(
          w.body().kind().equals("snowfall-started") ? START.minus(CityPlan.SNOWFALL) : START, at);
    }
    // the generated grid itself (config.roads() == null) never uses imported segments
    assertTrue(plan(grid, imported).weather().isEmpty());
  }

  @Test
  void registersPlacesBeforeVehiclesAndShiftsAfterWithTheRestContractsBodies() throws Exception {
    Fleet fleet = Fleet.create(CONFIG.withVehicles(3), START);
    CityPlan city = plan(fleet, List.of());
    try (FakeHttpServer telemetry = new FakeHttpServer().always(201, "")) {
      TelemetryRegistryClient client = new TelemetryRegistryClient(telemetry.uri());
      CityRegistrar registrar = new CityRegistrar(client);
      registrar.registerPlaces(city);
      for (SimVehicle v : fleet.vehicles()) {
        client.putVehicle(v.id(), city.vehicleBody(v));
      }
      registrar.registerShifts(city);

      List<FakeHttpServer.Request> puts = telemetry.requests();
      int n = city.contractors().size() + city.zones().size() + 3 + city.assignments().size();
      assertEquals(n, puts.size());
      puts.forEach(r -> assertEquals("PUT", r.method()));
      assertEquals("/api/v1/contractors/sim-contractor-1", puts.get(0).path());
      assertEquals("{\"name\":\"ГБУ «Автомобильные дороги СВАО»\"}", puts.get(0).body());

      JsonNode depot = JsonSerde.mapper().readTree(find(puts, "/api/v1/zones/sim-depot-1").body());
      assertEquals("depot", depot.get("kind").asText());
      assertEquals("Polygon", depot.at("/geometry/type").asText());
      JsonNode ring = depot.at("/geometry/coordinates/0");
      assertEquals(5, ring.size());
      assertEquals(ring.get(0), ring.get(4));
      assertTrue(ring.get(0).get(0).asDouble() > 37 && ring.get(0).get(1).asDouble() > 55);

      JsonNode vehicle =
          JsonSerde.mapper().readTree(find(puts, "/api/v1/vehicles/sim-plough-01").body());
      assertEquals("plough", vehicle.get("type").asText());
      assertEquals("sim-contractor-1", vehicle.get("contractorId").asText());
      assertTrue(vehicle.get("depotZoneId").asText().startsWith("sim-depot-"));
      assertFalse(vehicle.has("homeDistrictId"), "null references are left out");

      FakeHttpServer.Request first = find(puts, "/api/v1/assignments/sim-shift-sim-plough-01-");
      assertTrue(
          puts.indexOf(first) > puts.indexOf(find(puts, "/api/v1/vehicles/sim-refuse-01")),
          "assignments after every vehicle");
      JsonNode assignment = JsonSerde.mapper().readTree(first.body());
      assertEquals("sim-plough-01", assignment.get("vehicleId").asText());
      assertEquals("2026-01-15T06:00:00Z", assignment.get("shiftStart").asText());
      assertEquals("2026-01-22T06:00:00Z", assignment.get("shiftEnd").asText());
      assertTrue(assignment.get("zoneId").asText().startsWith("sim-work-"));
      assertFalse(assignment.has("segmentIds"));
    }
  }

  @Test
  void parsesTheRoadSegmentsFeatureCollection() {
    String body =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"123-0\","
            + "\"properties\":{\"id\":\"123-0\",\"wayId\":\"123\",\"seq\":0,\"name\":\"ул. Снежная\","
            + "\"category\":\"residential\",\"priority\":3,\"districtId\":\"45349000\",\"lengthM\":120.5},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[37.64,55.85],[37.641,55.851]]}},"
            + "{\"type\":\"Feature\",\"id\":\"124-0\",\"properties\":{\"districtId\":null},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[37.65,55.85],[37.651,55.85]]}}]}";
    List<ImportedSegment> s = TelemetryRegistryClient.parseSegments(body);
    assertEquals(2, s.size());
    assertEquals("123-0", s.get(0).id());
    assertEquals("45349000", s.get(0).districtId());
    assertEquals(new GeoPoint(55.851, 37.641), s.get(0).points().get(1));
    assertNull(s.get(1).districtId());
    assertTrue(TelemetryRegistryClient.parseSegments("").isEmpty());
  }

  private static FakeHttpServer.Request find(List<FakeHttpServer.Request> puts, String prefix) {
    return puts.stream().filter(r -> r.path().startsWith(prefix)).findFirst().orElseThrow();
  }
}
