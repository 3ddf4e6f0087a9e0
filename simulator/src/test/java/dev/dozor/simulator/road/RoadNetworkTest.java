package dev.dozor.simulator.road;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.fleet.Fleet;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.grid.GridSpec;
import dev.dozor.simulator.grid.StreetGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadNetworkTest {
  static final Path SVAO =
      SharedData.file("moscow-roads-svao-extract/graphhopper_moscow_highways.geojson");

  static RoadNetwork svao() throws IOException {
    assumeTrue(
        Files.isReadable(SVAO),
        "skipped: real road extract not found at "
            + SVAO
            + " (set DOZOR_SHARED_DATA to the shared data folder)");
    return RoadNetwork.fromGeoJson(SVAO);
  }

  @Test
  void theSvaoExtractBecomesAPlausibleConnectedGraphInsideItsBoundingBox() throws IOException {
    RoadNetwork net = svao();
    assertTrue(net.nodeCount() > 300 && net.nodeCount() < 5_000, "nodes " + net.nodeCount());
    assertTrue(
        net.edges().size() > 400 && net.edges().size() < 6_000, "edges " + net.edges().size());
    // the extract selected whole ways crossing its bbox (55.805–55.824 N, 37.583–37.627 E), so
    // some vertices lie beyond it (up to ~0.0055°): all within 0.01°, and most inside it
    int inside = 0;
    int vertices = 0;
    for (RoadEdge e : net.edges()) {
      for (GeoPoint p : e.points()) {
        assertTrue(p.lat() >= 55.795 && p.lat() <= 55.834, p::toString);
        assertTrue(p.lon() >= 37.573 && p.lon() <= 37.637, p::toString);
        vertices++;
        if (p.lat() >= 55.805 && p.lat() <= 55.824 && p.lon() >= 37.583 && p.lon() <= 37.627) {
          inside++;
        }
      }
      assertEquals(net.nodePosition(e.from()), e.points().get(0));
      assertEquals(net.nodePosition(e.to()), e.points().get(e.points().size() - 1));
    }
    assertTrue(inside > 0.75 * vertices, inside + " of " + vertices + " inside the bbox");
    // the largest component covers most of the roads (all 588 ways together are ~113 km)
    double kept = net.totalLengthMetres();
    assertTrue(kept > 90_000, "kept " + kept + " m");
    assertTrue(net.description().endsWith(".geojson"));
  }

  @Test
  void anHourOfDrivingTheRealRoadsStaysOnTheEdges() throws IOException {
    RoadNetwork net = svao();
    FleetConfig config =
        FleetConfig.defaults()
            .withVehicles(10)
            .withTypes(List.of(VehicleType.values()))
            .withRoads(net);
    Fleet fleet = Fleet.create(config, Instant.parse("2026-01-15T06:00:00Z"));
    List<TelemetryPoint> points = fleet.step(fleet.start().plus(Duration.ofHours(1)));
    assertEquals(10 * 1801, points.size());
    for (TelemetryPoint p : points) {
      GeoPoint at = new GeoPoint(p.lat(), p.lon());
      double nearest =
          net.edges().stream().mapToDouble(e -> e.distanceMetres(at)).min().orElseThrow();
      assertTrue(nearest < 0.5, () -> p.vehicleId() + " is " + nearest + " m off the road: " + p);
      assertTrue(p.speedKmh() <= 60, p::toString);
    }
  }

  @Test
  void sharedVerticesBecomeJunctionsAndTheLargestComponentWins(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("roads.geojson");
    Files.writeString(
        file,
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"highway":"residential","name":"A","maxspeed":"40"},
          "geometry":{"type":"LineString","coordinates":[[37.60,55.81],[37.601,55.81],[37.602,55.81]]}},
         {"type":"Feature","properties":{"highway":"service"},
          "geometry":{"type":"MultiLineString","coordinates":[[[37.601,55.81],[37.601,55.811]]]}},
         {"type":"Feature","properties":{"highway":"footway"},
          "geometry":{"type":"LineString","coordinates":[[37.70,55.90],[37.7001,55.90]]}},
         {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[37.6,55.8]}}
        ]}
        """);
    RoadNetwork net = RoadNetwork.fromGeoJson(file);
    // A is split at the shared vertex: 3 edges, 4 junctions; the far footway is dropped
    assertEquals(3, net.edges().size());
    assertEquals(4, net.nodeCount());
    assertEquals(40.0, net.edges().get(0).maxSpeedKmh());
    assertEquals("A", net.edges().get(0).name());
    assertEquals(48.3, RoadNetwork.parseMaxSpeed("30 mph"));
    assertEquals(60.0, RoadNetwork.parseMaxSpeed("RU:urban"));
  }

  @Test
  void theGridIsARoadGraphToo() {
    StreetGrid grid = StreetGrid.generate(GridSpec.defaults());
    RoadNetwork net = RoadNetwork.fromGrid(grid);
    assertEquals(64, net.nodeCount());
    assertEquals(grid.edges().size(), net.edges().size());
    assertEquals(2, net.edgesFrom(0).size());
    assertEquals(4, net.edgesFrom(9).size());
  }
}
