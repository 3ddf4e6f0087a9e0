package dev.dozor.simulator.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreetGridTest {
  private final StreetGrid grid = StreetGrid.generate(GridSpec.defaults());

  @Test
  void everyBlockIs250MetresWithinOnePercentByHaversine() {
    for (GridEdge e : grid.edges()) {
      assertEquals(250, e.lengthMetres(), 2.5, () -> "block " + e);
      assertEquals(
          250, Geo.haversineMetres(e.from().position(), e.to().position()), 2.5, e::toString);
    }
  }

  @Test
  void gridIsCentredOnNorthEasternMoscow() {
    double lat = grid.nodes().stream().mapToDouble(n -> n.position().lat()).average().orElseThrow();
    double lon = grid.nodes().stream().mapToDouble(n -> n.position().lon()).average().orElseThrow();
    assertEquals(55.85, lat, 1e-6);
    assertEquals(37.64, lon, 1e-6);
    GeoPoint centre = new GeoPoint(55.85, 37.64);
    for (GridNode n : grid.nodes()) {
      // 8 x 8 crossings of 250 m: the corners are 3.5 blocks away on each axis
      assertTrue(Geo.haversineMetres(centre, n.position()) < 3.5 * 250 * Math.sqrt(2) + 5);
    }
  }

  @Test
  void degreesOfLongitudeAreShorterThanDegreesOfLatitudeAtMoscow() {
    GeoPoint origin = GridSpec.MOSCOW_NORTH_EAST;
    GeoPoint north = Geo.offset(origin, 1000, 0);
    GeoPoint east = Geo.offset(origin, 0, 1000);
    assertEquals(1000, Geo.haversineMetres(origin, north), 10);
    assertEquals(1000, Geo.haversineMetres(origin, east), 10);
    // at 55.85 N a degree of longitude is about 0.56 of a degree of latitude
    double ratio = (north.lat() - origin.lat()) / (east.lon() - origin.lon());
    assertEquals(Math.cos(Math.toRadians(55.85)), ratio, 0.01);
  }

  @Test
  void rectangularGridHasExpectedNodesEdgesAndDegrees() {
    StreetGrid g = StreetGrid.generate(new GridSpec(GridSpec.MOSCOW_NORTH_EAST, 3, 4, 100));
    assertEquals(12, g.nodes().size());
    assertEquals(3 * 3 + 4 * 2, g.edges().size());
    assertEquals(2, g.neighbours(g.node(0, 0)).size());
    assertEquals(3, g.neighbours(g.node(0, 1)).size());
    assertEquals(4, g.neighbours(g.node(1, 1)).size());
  }

  @Test
  void edgeHeadingsFollowTheStreets() {
    GridEdge north = GridEdge.between(grid.node(0, 0), grid.node(1, 0));
    GridEdge east = GridEdge.between(grid.node(0, 0), grid.node(0, 1));
    assertEquals(0, north.headingDeg(), 0.01);
    assertEquals(90, east.headingDeg(), 0.2);
    assertEquals(180, north.reversed().headingDeg(), 0.01);
    assertEquals(270, east.reversed().headingDeg(), 0.2);
  }
}
