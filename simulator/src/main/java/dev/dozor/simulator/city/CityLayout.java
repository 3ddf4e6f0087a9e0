package dev.dozor.simulator.city;

import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the city's zones lie around a fleet: depots, a work zone per depot group, playgrounds
 * ({@code no-machinery}), the snow-melting station, yards and container sites. Pure geometry of the
 * road graph and the fleet's tours, deterministic; {@link CityPlan} registers it and the fleet's
 * place faults ({@code dev.dozor.simulator.fault.FaultType}) drive into (or out of) these zones.
 *
 * @param depots depot zones by depot junction, in the order the vehicles use them
 * @param workZones work zones by depot junction, same order
 * @param playgrounds the {@code no-machinery} zones
 * @param station the snow-melting station, or null when none fits
 * @param yards the {@code yard} zones
 * @param containerSites container-site zones, by junction id
 */
public record CityLayout(
    Map<Integer, CityZone> depots,
    Map<Integer, CityZone> workZones,
    List<CityZone> playgrounds,
    CityZone station,
    List<CityZone> yards,
    List<CityZone> containerSites) {

  /** Half side of a depot zone around the depot junction, metres. */
  public static final double DEPOT_HALF_M = 60;

  /** Margin of a work zone around the bounding box of its group's routes, metres. */
  public static final double WORK_MARGIN_M = 80;

  /** Half side of a playground ({@code no-machinery}), metres. */
  public static final double PLAYGROUND_HALF_M = 12;

  /** Playground centre: this far from the road it is placed beside, metres. */
  public static final double PLAYGROUND_OFFSET_M = 40;

  /** Half side of the snow-melting station, metres. */
  public static final double STATION_HALF_M = 25;

  /** Station centre: this far from the road it is placed beside, metres. */
  public static final double STATION_OFFSET_M = 70;

  /** Half side of a yard ({@code yard}: a courtyard swept by machines), metres. */
  public static final double YARD_HALF_M = 15;

  /**
   * Yard centre: this far from the road it is placed beside, metres (under GEO-001's 50 m corridor,
   * so a vehicle working in it stays on its route).
   */
  public static final double YARD_OFFSET_M = 42;

  /** Half side of a container site around its junction, metres. */
  public static final double CONTAINER_HALF_M = 10;

  /** How many playgrounds a fleet gets (at most). */
  public static final int PLAYGROUNDS = 6;

  /** How many yards a fleet gets (at most). */
  public static final int YARDS = 6;

  public CityLayout {
    depots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(depots));
    workZones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workZones));
    playgrounds = List.copyOf(playgrounds);
    yards = List.copyOf(yards);
    containerSites = List.copyOf(containerSites);
  }

  /** The layout around the tours (vehicle order) on {@code roads}. */
  public static CityLayout of(RoadGraph roads, List<Assignment> tours) {
    Map<Integer, CityZone> depots = new LinkedHashMap<>();
    Map<Integer, List<Assignment>> groups = new LinkedHashMap<>();
    for (Assignment a : tours) {
      depots.computeIfAbsent(
          a.depotNode(),
          n ->
              CityZone.square(
                  "sim-depot-" + (depots.size() + 1),
                  "Депо " + (depots.size() + 1) + " (симулятор)",
                  CityZone.DEPOT,
                  a.depot(),
                  DEPOT_HALF_M));
      groups.computeIfAbsent(a.depotNode(), n -> new ArrayList<>()).add(a);
    }
    Map<Integer, CityZone> workZones = new LinkedHashMap<>();
    int w = 0;
    for (Map.Entry<Integer, List<Assignment>> g : groups.entrySet()) {
      w++;
      workZones.put(
          g.getKey(),
          workZone("sim-work-" + w, "Участок " + w + " (симулятор)", g.getValue(), roads));
    }
    List<CityZone> placed = new ArrayList<>(depots.values());
    List<CityZone> playgrounds = new ArrayList<>();
    for (GeoPoint c :
        besideRoads(
            roads,
            tours,
            PLAYGROUND_OFFSET_M,
            PLAYGROUND_OFFSET_M - 5,
            placed,
            PLAYGROUNDS,
            true)) {
      int n = playgrounds.size() + 1;
      CityZone z =
          CityZone.square(
              "sim-playground-" + n,
              "Детская площадка " + n + " (симулятор)",
              CityZone.NO_MACHINERY,
              c,
              PLAYGROUND_HALF_M);
      playgrounds.add(z);
      placed.add(z);
      if (playgrounds.size() == PLAYGROUNDS) {
        break;
      }
    }
    CityZone station = null;
    for (GeoPoint c :
        besideRoads(roads, tours, STATION_OFFSET_M, STATION_OFFSET_M - 10, placed, 1, false)) {
      station =
          CityZone.square(
              "sim-snow-melting-1",
              "Снегосплавный пункт (симулятор)",
              CityZone.SNOW_MELTING_STATION,
              c,
              STATION_HALF_M);
      placed.add(station);
      break;
    }
    List<CityZone> yards = new ArrayList<>();
    for (GeoPoint c :
        besideRoads(roads, tours, YARD_OFFSET_M, YARD_OFFSET_M - 5, placed, YARDS, true)) {
      int n = yards.size() + 1;
      CityZone z =
          CityZone.square(
              "sim-yard-" + n, "Двор " + n + " (симулятор)", CityZone.YARD, c, YARD_HALF_M);
      yards.add(z);
      placed.add(z);
      if (yards.size() == YARDS) {
        break;
      }
    }
    Set<Integer> siteNodes = new TreeSet<>();
    tours.forEach(a -> siteNodes.addAll(a.containerSites()));
    List<CityZone> sites = new ArrayList<>();
    for (int node : siteNodes) {
      sites.add(
          CityZone.square(
              "sim-container-" + node,
              "Контейнерная площадка " + node + " (симулятор)",
              CityZone.CONTAINER_SITE,
              roads.nodePosition(node),
              CONTAINER_HALF_M));
    }
    return new CityLayout(depots, workZones, playgrounds, station, yards, sites);
  }

  /** Every zone: depots, work zones, playgrounds, the station, yards, container sites. */
  public List<CityZone> zones() {
    List<CityZone> all = new ArrayList<>(depots.values());
    all.addAll(workZones.values());
    all.addAll(playgrounds);
    if (station != null) {
      all.add(station);
    }
    all.addAll(yards);
    all.addAll(containerSites);
    return all;
  }

  /** The bounding box of the group's routes, widened by {@link #WORK_MARGIN_M}. */
  private static CityZone workZone(
      String id, String name, List<Assignment> group, RoadGraph roads) {
    double minLat = Double.POSITIVE_INFINITY;
    double minLon = Double.POSITIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    Set<Integer> route = new HashSet<>();
    group.forEach(a -> route.addAll(a.routeEdges()));
    for (RoadEdge e : roads.edges()) {
      if (route.contains(e.id())) {
        for (GeoPoint p : e.points()) {
          minLat = Math.min(minLat, p.lat());
          minLon = Math.min(minLon, p.lon());
          maxLat = Math.max(maxLat, p.lat());
          maxLon = Math.max(maxLon, p.lon());
        }
      }
    }
    GeoPoint sw = Geo.offset(new GeoPoint(minLat, minLon), -WORK_MARGIN_M, -WORK_MARGIN_M);
    GeoPoint ne = Geo.offset(new GeoPoint(maxLat, maxLon), WORK_MARGIN_M, WORK_MARGIN_M);
    return new CityZone(id, name, CityZone.WORK_ZONE, sw, ne);
  }

  /**
   * Up to {@code count} candidate centres {@code offset} m to either side of the midpoints of the
   * fleet's work segments (vehicle order, segments by id; with {@code roundRobin} the first segment
   * of each vehicle, then the second of each, …, so the zones spread over many vehicles' routes),
   * then of every segment, that are at least {@code clearance} m from every road and 150 m from
   * every zone already placed.
   */
  private static List<GeoPoint> besideRoads(
      RoadGraph roads,
      List<Assignment> tours,
      double offset,
      double clearance,
      List<CityZone> placed,
      int count,
      boolean roundRobin) {
    Map<Integer, RoadEdge> byId = new LinkedHashMap<>();
    roads.edges().forEach(e -> byId.put(e.id(), e));
    Set<Integer> order = new LinkedHashSet<>();
    if (roundRobin) {
      List<List<Integer>> perVehicle =
          tours.stream().map(a -> a.workEdges().stream().sorted().toList()).toList();
      int longest = perVehicle.stream().mapToInt(List::size).max().orElse(0);
      for (int k = 0; k < longest; k++) {
        for (List<Integer> edges : perVehicle) {
          if (k < edges.size()) {
            order.add(edges.get(k));
          }
        }
      }
    } else {
      for (Assignment a : tours) {
        a.workEdges().stream().sorted().forEach(order::add);
      }
    }
    byId.keySet().stream().sorted().forEach(order::add);
    List<GeoPoint> out = new ArrayList<>();
    List<GeoPoint> taken = new ArrayList<>(placed.stream().map(CityZone::centre).toList());
    for (int id : order) {
      RoadEdge e = byId.get(id);
      if (e == null || e.lengthMetres() < 2 * offset) {
        continue;
      }
      double mid = e.lengthMetres() / 2;
      GeoPoint m = e.pointAt(mid);
      double h = Math.toRadians(e.headingAt(mid) + 90);
      for (int side : new int[] {1, -1}) {
        GeoPoint c = Geo.offset(m, side * offset * Math.cos(h), side * offset * Math.sin(h));
        if (taken.stream().allMatch(t -> Geo.haversineMetres(t, c) >= 150)
            && clearOfRoads(roads, c, clearance)) {
          out.add(c);
          taken.add(c);
          break;
        }
      }
      if (out.size() >= count) {
        break;
      }
    }
    return out;
  }

  private static boolean clearOfRoads(RoadGraph roads, GeoPoint c, double clearance) {
    for (RoadEdge e : roads.edges()) {
      if (e.distanceMetres(c) < clearance) {
        return false;
      }
    }
    return true;
  }
}
