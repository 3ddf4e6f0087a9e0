package dev.dozor.simulator.fleet;

import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.util.List;
import java.util.Set;

/**
 * A vehicle's route assignment (маршрутное задание) on the road graph: the segments it treats, the
 * route it may drive (those plus the way from its depot), and for a refuse truck its container
 * sites. GEO-001's corridor is {@link #routeEdges()} widened by 50 m.
 *
 * @param vehicleId the vehicle
 * @param depotNode the depot's junction
 * @param depot where the depot is
 * @param workEdges ids of the segments to treat (plough, sweep, spread, flush, collect)
 * @param routeEdges ids of every segment of the route: the work segments and the access path
 * @param containerSites junctions with a container site (refuse trucks; empty otherwise)
 */
public record Assignment(
    String vehicleId,
    int depotNode,
    GeoPoint depot,
    Set<Integer> workEdges,
    Set<Integer> routeEdges,
    List<Integer> containerSites) {

  public Assignment {
    workEdges = Set.copyOf(workEdges);
    routeEdges = Set.copyOf(routeEdges);
    containerSites = List.copyOf(containerSites);
  }

  /** Distance from {@code p} to the nearest route segment, metres. */
  public double distanceToRouteMetres(GeoPoint p, RoadGraph graph) {
    double best = Double.POSITIVE_INFINITY;
    for (RoadEdge e : graph.edges()) {
      if (routeEdges.contains(e.id())) {
        best = Math.min(best, e.distanceMetres(p));
      }
    }
    return best;
  }
}
