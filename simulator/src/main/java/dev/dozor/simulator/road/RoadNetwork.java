package dev.dozor.simulator.road;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.grid.GridEdge;
import dev.dozor.simulator.grid.StreetGrid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A road graph built from polylines: junctions where polylines share a vertex, one edge per stretch
 * between junctions. Immutable once built.
 */
public final class RoadNetwork implements RoadGraph {
  /** Vertices closer than this (degrees, ~1 cm) are the same junction. */
  static final double SNAP_DEGREES = 1e-7;

  private final String description;
  private final List<GeoPoint> nodes;
  private final List<RoadEdge> edges;
  private final List<List<RoadEdge>> outgoing;

  private RoadNetwork(String description, List<GeoPoint> nodes, List<RoadEdge> edges) {
    this.description = description;
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    List<List<RoadEdge>> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(new ArrayList<>(4));
    }
    for (RoadEdge e : edges) {
      out.get(e.from()).add(e);
      if (e.from() != e.to()) {
        out.get(e.to()).add(e.reversed());
      }
    }
    this.outgoing = out.stream().map(List::copyOf).toList();
  }

  /** A polyline with its road attributes, the input of {@link #fromWays}. */
  public record Way(List<GeoPoint> points, String name, String highway, Double maxSpeedKmh) {}

  /** The generated grid as a road graph: one straight edge per block. */
  public static RoadNetwork fromGrid(StreetGrid grid) {
    List<GeoPoint> nodes = grid.nodes().stream().map(n -> n.position()).toList();
    List<RoadEdge> edges = new ArrayList<>();
    for (GridEdge e : grid.edges()) {
      edges.add(
          RoadEdge.pair(
              edges.size(),
              e.from().id(),
              e.to().id(),
              List.of(e.from().position(), e.to().position()),
              null,
              "grid",
              null));
    }
    return new RoadNetwork(
        "grid " + grid.spec().rows() + "x" + grid.spec().columns(), nodes, edges);
  }

  /**
   * Reads LineString and MultiLineString features of a GeoJSON FeatureCollection (properties {@code
   * name}, {@code highway}, {@code maxspeed} are used when present) and keeps the largest connected
   * component by length.
   *
   * @throws IOException when the file cannot be read or is not a GeoJSON FeatureCollection
   */
  public static RoadNetwork fromGeoJson(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new ObjectMapper().readTree(in);
    }
    JsonNode features = root == null ? null : root.get("features");
    if (features == null || !features.isArray()) {
      throw new IOException(file + " is not a GeoJSON FeatureCollection (no \"features\" array)");
    }
    List<Way> ways = new ArrayList<>();
    for (JsonNode f : features) {
      JsonNode geometry = f.get("geometry");
      if (geometry == null || geometry.isNull()) {
        continue;
      }
      JsonNode props = f.path("properties");
      String name = text(props, "name");
      String highway = text(props, "highway");
      Double max = parseMaxSpeed(text(props, "maxspeed"));
      String type = geometry.path("type").asText("");
      JsonNode coords = geometry.get("coordinates");
      if ("LineString".equals(type)) {
        addWay(ways, coords, name, highway, max);
      } else if ("MultiLineString".equals(type) && coords != null) {
        for (JsonNode line : coords) {
          addWay(ways, line, name, highway, max);
        }
      }
    }
    if (ways.isEmpty()) {
      throw new IOException(file + " has no LineString or MultiLineString features");
    }
    return fromWays(file.getFileName().toString(), ways);
  }

  /** Builds the graph of {@code ways}, keeping the largest connected component by length. */
  public static RoadNetwork fromWays(String description, List<Way> ways) {
    // 1. snap vertices; count how many way-vertex slots use each position
    Map<Long, Integer> uses = new HashMap<>();
    for (Way w : ways) {
      for (int i = 0; i < w.points().size(); i++) {
        long key = key(w.points().get(i));
        // the ends of a way always split it
        int weight = i == 0 || i == w.points().size() - 1 ? 2 : 1;
        uses.merge(key, weight, Integer::sum);
      }
    }
    // 2. split ways at junctions (vertices used more than once)
    Map<Long, Integer> nodeIds = new LinkedHashMap<>();
    List<GeoPoint> nodes = new ArrayList<>();
    List<int[]> ends = new ArrayList<>();
    List<List<GeoPoint>> lines = new ArrayList<>();
    List<Way> owners = new ArrayList<>();
    for (Way w : ways) {
      List<GeoPoint> current = new ArrayList<>();
      int startNode = -1;
      for (int i = 0; i < w.points().size(); i++) {
        GeoPoint p = w.points().get(i);
        long key = key(p);
        if (!current.isEmpty() && key(current.get(current.size() - 1)) == key) {
          continue; // repeated vertex
        }
        current.add(p);
        boolean junction = uses.get(key) > 1;
        if (junction) {
          int id =
              nodeIds.computeIfAbsent(
                  key,
                  k -> {
                    nodes.add(snapped(p));
                    return nodes.size() - 1;
                  });
          if (startNode >= 0 && current.size() >= 2) {
            ends.add(new int[] {startNode, id});
            lines.add(snapEnds(current, nodes.get(startNode), nodes.get(id)));
            owners.add(w);
          }
          startNode = id;
          current = new ArrayList<>();
          current.add(p);
        }
      }
    }
    // 3. largest connected component by length (union-find)
    int[] parent = new int[nodes.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int[] e : ends) {
      parent[find(parent, e[0])] = find(parent, e[1]);
    }
    Map<Integer, Double> lengthByRoot = new HashMap<>();
    List<RoadEdge> probe = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      RoadEdge e = new RoadEdge(i, ends.get(i)[0], ends.get(i)[1], lines.get(i), null, null, null);
      probe.add(e);
      lengthByRoot.merge(find(parent, e.from()), e.lengthMetres(), Double::sum);
    }
    int bestRoot =
        lengthByRoot.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElseThrow(() -> new IllegalArgumentException(description + " has no road segment"));
    // 4. renumber the kept nodes and edges
    int[] newId = new int[nodes.size()];
    java.util.Arrays.fill(newId, -1);
    List<GeoPoint> keptNodes = new ArrayList<>();
    List<RoadEdge> keptEdges = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      int[] e = ends.get(i);
      if (find(parent, e[0]) != bestRoot || probe.get(i).lengthMetres() <= 0) {
        continue;
      }
      for (int n : e) {
        if (newId[n] < 0) {
          newId[n] = keptNodes.size();
          keptNodes.add(nodes.get(n));
        }
      }
      Way w = owners.get(i);
      keptEdges.add(
          RoadEdge.pair(
              keptEdges.size(),
              newId[e[0]],
              newId[e[1]],
              lines.get(i),
              w.name(),
              w.highway(),
              w.maxSpeedKmh()));
    }
    return new RoadNetwork(description, keptNodes, keptEdges);
  }

  /** {@code "60"} → 60, {@code "30 mph"} → 48.3, {@code "RU:urban"} → 60, else null. */
  static Double parseMaxSpeed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "ru:urban":
        return 60.0;
      case "ru:rural":
        return 90.0;
      case "ru:living_street":
        return 20.0;
      case "ru:motorway":
        return 110.0;
      default:
        break;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mph)?").matcher(t);
    if (!m.lookingAt()) {
      return null;
    }
    double v = Double.parseDouble(m.group(1));
    return m.group(2) != null ? Math.round(v * 1.609344 * 10) / 10.0 : v;
  }

  private static void addWay(List<Way> ways, JsonNode coords, String name, String hw, Double max) {
    if (coords == null || !coords.isArray()) {
      return;
    }
    List<GeoPoint> points = new ArrayList<>();
    for (JsonNode c : coords) {
      if (c.size() >= 2 && c.get(0).isNumber() && c.get(1).isNumber()) {
        points.add(new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble()));
      }
    }
    if (points.size() >= 2) {
      ways.add(new Way(points, name, hw, max));
    }
  }

  private static String text(JsonNode props, String field) {
    JsonNode n = props.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static long key(GeoPoint p) {
    long lat = Math.round(p.lat() / SNAP_DEGREES);
    long lon = Math.round(p.lon() / SNAP_DEGREES);
    return lat * 4_000_000_000L + lon;
  }

  private static GeoPoint snapped(GeoPoint p) {
    return new GeoPoint(
        Math.round(p.lat() / SNAP_DEGREES) * SNAP_DEGREES,
        Math.round(p.lon() / SNAP_DEGREES) * SNAP_DEGREES);
  }

  private static List<GeoPoint> snapEnds(List<GeoPoint> line, GeoPoint first, GeoPoint last) {
    List<GeoPoint> copy = new ArrayList<>(line);
    copy.set(0, first);
    copy.set(copy.size() - 1, last);
    return copy;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  @Override
  public int nodeCount() {
    return nodes.size();
  }

  @Override
  public GeoPoint nodePosition(int node) {
    return nodes.get(node);
  }

  @Override
  public List<RoadEdge> edgesFrom(int node) {
    return outgoing.get(node);
  }

  @Override
  public List<RoadEdge> edges() {
    return edges;
  }

  @Override
  public String description() {
    return description;
  }
}
