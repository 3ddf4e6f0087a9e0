package dev.dozor.simulator.fleet;

import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans route assignments as closed tours from the depot: a random walk without U-turns (except at
 * dead ends) of about a third of the network, then the shortest way back without U-turns. The first
 * {@link #ACCESS_SHARE} of the walk and the way back are transport, the rest is work.
 */
final class AssignmentPlanner {
  static final double ACCESS_SHARE = 0.15;

  /** Share of the work stretch's junctions that have a container site (refuse trucks). */
  private static final double SITE_SHARE = 0.35;

  /**
   * No container site lies this close to a depot junction: trucks stand parked at their depot at
   * night, and a stop within TIM-004's 30 m of a site at night is a violation.
   */
  static final double SITE_DEPOT_CLEARANCE_M = 60;

  private final RoadGraph graph;
  private final double tourMetres;
  private final List<Integer> fleetDepots = new ArrayList<>();

  /**
   * A planned tour.
   *
   * @param assignment the public view
   * @param edges the tour's directed edges in driving order, from the depot back to it
   * @param work for each edge of the tour, whether it is driven working
   */
  record Tour(Assignment assignment, List<RoadEdge> edges, boolean[] work) {}

  AssignmentPlanner(RoadGraph graph) {
    this.graph = graph;
    double total = graph.totalLengthMetres();
    this.tourMetres = Math.max(Math.min(total * 0.3, 30_000), Math.min(total, 1_000));
  }

  /** The depots of a fleet: up to three junctions of the graph. */
  List<Integer> depots(SplittableRandom random) {
    int count = Math.min(3, graph.nodeCount());
    List<Integer> depots = new ArrayList<>();
    while (depots.size() < count) {
      int n = random.nextInt(graph.nodeCount());
      if (!depots.contains(n)) {
        depots.add(n);
      }
    }
    fleetDepots.clear();
    fleetDepots.addAll(depots);
    return depots;
  }

  Tour plan(String vehicleId, VehicleType type, int depot, SplittableRandom random) {
    List<RoadEdge> walk = new ArrayList<>();
    double length = 0;
    RoadEdge last = null;
    int at = depot;
    while (length < tourMetres) {
      RoadEdge next = pickOnward(at, last, random);
      walk.add(next);
      length += next.lengthMetres();
      last = next;
      at = next.to();
    }
    int firstId = walk.get(0).id();
    List<RoadEdge> back = wayBack(last, depot, firstId, true);
    if (back == null) {
      back = wayBack(last, depot, firstId, false);
    }
    if (back == null) {
      throw new IllegalStateException("depot " + depot + " unreachable in " + graph.description());
    }
    List<RoadEdge> edges = new ArrayList<>(walk);
    edges.addAll(back);
    boolean[] work = new boolean[edges.size()];
    double travelled = 0;
    for (int i = 0; i < walk.size(); i++) {
      work[i] = travelled >= ACCESS_SHARE * length;
      travelled += walk.get(i).lengthMetres();
    }
    Set<Integer> workEdges = new LinkedHashSet<>();
    Set<Integer> routeEdges = new HashSet<>();
    List<Integer> sites = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      routeEdges.add(edges.get(i).id());
      if (work[i]) {
        workEdges.add(edges.get(i).id());
        int node = edges.get(i).to();
        // the draw is made as before, so sites away from the depots stay where they were
        if (type == VehicleType.REFUSE
            && !sites.contains(node)
            && random.nextDouble() < SITE_SHARE
            && !nearDepot(node)) {
          sites.add(node);
        }
      }
    }
    Assignment assignment =
        new Assignment(vehicleId, depot, graph.nodePosition(depot), workEdges, routeEdges, sites);
    return new Tour(assignment, List.copyOf(edges), work);
  }

  private boolean nearDepot(int node) {
    for (int d : fleetDepots) {
      if (dev.dozor.simulator.grid.Geo.haversineMetres(
              graph.nodePosition(d), graph.nodePosition(node))
          < SITE_DEPOT_CLEARANCE_M) {
        return true;
      }
    }
    return false;
  }

  /** A random edge leaving {@code node}, not back the way we came unless it is a dead end. */
  private RoadEdge pickOnward(int node, RoadEdge cameBy, SplittableRandom random) {
    List<RoadEdge> out = graph.edgesFrom(node);
    List<RoadEdge> onward = new ArrayList<>();
    for (RoadEdge e : out) {
      if (cameBy == null || e.id() != cameBy.id()) {
        onward.add(e);
      }
    }
    List<RoadEdge> options = onward.isEmpty() ? out : onward;
    return options.get(random.nextInt(options.size()));
  }

  /**
   * Fewest edges from the end of {@code last} to {@code depot}, never reversing onto the edge just
   * driven, arriving by an edge other than {@code firstId} so the next lap needs no U-turn. Falls
   * back to any shortest path on graphs where that is impossible.
   */
  private List<RoadEdge> wayBack(RoadEdge last, int depot, int firstId, boolean strict) {
    // breadth-first over directed edges (state = the edge just driven)
    java.util.Map<RoadEdge, RoadEdge> via = new java.util.IdentityHashMap<>();
    ArrayDeque<RoadEdge> queue = new ArrayDeque<>();
    queue.add(last);
    via.put(last, null);
    while (!queue.isEmpty()) {
      RoadEdge e = queue.poll();
      if (e != last
          && e.to() == depot
          && (!strict || e.id() != firstId || graph.edgesFrom(depot).size() == 1)) {
        List<RoadEdge> path = new ArrayList<>();
        for (RoadEdge p = e; p != last; p = via.get(p)) {
          path.add(0, p);
        }
        return path;
      }
      if (e == last && e.to() == depot && (!strict || e.id() != firstId)) {
        return List.of();
      }
      List<RoadEdge> out = graph.edgesFrom(e.to());
      for (RoadEdge next : out) {
        boolean uTurn = next.id() == e.id() && out.size() > 1;
        if (!uTurn && !via.containsKey(next)) {
          via.put(next, e);
          queue.add(next);
        }
      }
    }
    return null;
  }
}
