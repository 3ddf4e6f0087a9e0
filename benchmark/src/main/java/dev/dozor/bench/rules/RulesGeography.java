package dev.dozor.bench.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.bench.BenchException;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.grid.GridSpec;
import dev.dozor.simulator.grid.StreetGrid;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import dev.dozor.simulator.road.RoadNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The places the engine benchmark's registry holds: the Moscow districts and the SVAO road segments
 * of {@code ../shared/data} when present (so district, zone and segment look-ups cost what they
 * cost on real geometry), else the simulator's generated grid inside one square district; plus
 * depots, yards, container sites, no-machinery zones and snow-melting stations placed on the roads.
 *
 * @param source where the roads and districts come from, for the report
 * @param roads the road graph the vehicles drive
 * @param districts district records (Moscow's 146 municipal districts, or one square)
 * @param segments one registry road segment per road edge ({@link #segmentId})
 * @param zones zones of every kind, on the roads
 * @param depots the depot zones' ids
 */
public record RulesGeography(
    String source,
    RoadGraph roads,
    List<DistrictRecord> districts,
    List<RoadSegmentRecord> segments,
    List<ZoneRecord> zones,
    List<String> depots) {

  static final String DISTRICTS_FILE = "moscow-boundaries/mo.geojson";
  static final String ROADS_FILE = "moscow-roads-svao-extract/graphhopper_moscow_highways.geojson";
  static final int DEPOTS = 6;
  static final int ZONES_PER_KIND = 12;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The registry id of a road edge. */
  public static String segmentId(int edgeId) {
    return "bench-seg-" + edgeId;
  }

  /** The shared data when both files are present, else the generated grid. */
  public static RulesGeography load(Path sharedData, long seed) {
    Path districts = sharedData == null ? null : sharedData.resolve(DISTRICTS_FILE);
    Path roads = sharedData == null ? null : sharedData.resolve(ROADS_FILE);
    if (districts != null && Files.isRegularFile(districts) && Files.isRegularFile(roads)) {
      try {
        return build(
            "Moscow districts (" + DISTRICTS_FILE + ") and SVAO roads (" + ROADS_FILE + ")",
            RoadNetwork.fromGeoJson(roads),
            moscowDistricts(districts),
            seed);
      } catch (IOException e) {
        throw new BenchException("cannot read the shared data in " + sharedData + ": " + e, e);
      }
    }
    return grid(seed);
  }

  /** The simulator's 8 × 8 grid of 250 m blocks inside one square district. */
  public static RulesGeography grid(long seed) {
    RoadGraph roads = RoadNetwork.fromGrid(StreetGrid.generate(GridSpec.defaults()));
    GeoPoint c = GridSpec.MOSCOW_NORTH_EAST;
    DistrictRecord d =
        DistrictRecord.of("bench-district", "Bench district", "СВАО", square(c, 3_000));
    return build("the simulator's generated grid (no shared data)", roads, List.of(d), seed);
  }

  private static RulesGeography build(
      String source, RoadGraph roads, List<DistrictRecord> districts, long seed) {
    List<RoadEdge> edges = distinctEdges(roads);
    // districts first: a segment's district is the one its middle lies in
    RegistryState places = new RegistryState();
    districts.forEach(places::district);
    places.publishPlaces();
    List<RoadSegmentRecord> segments = new ArrayList<>();
    for (RoadEdge e : edges) {
      GeoPoint mid = e.pointAt(e.lengthMetres() / 2);
      segments.add(
          RoadSegmentRecord.of(
              segmentId(e.id()),
              "bench-way-" + e.id(),
              e.name(),
              e.highway() == null ? "residential" : e.highway(),
              1 + Math.floorMod(e.id(), 4),
              e.maxSpeedKmh() == null ? null : (int) Math.round(e.maxSpeedKmh()),
              places.geography().districtAt(mid.lat(), mid.lon()),
              e.lengthMetres(),
              lineString(e.points())));
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<ZoneRecord> zones = new ArrayList<>();
    List<String> depots = new ArrayList<>();
    for (int i = 0; i < DEPOTS; i++) {
      GeoPoint at = randomRoadPoint(edges, random);
      String id = "bench-depot-" + i;
      zones.add(
          ZoneRecord.of(
              id,
              "Depot " + i,
              ZoneRecord.DEPOT,
              places.geography().districtAt(at.lat(), at.lon()),
              square(at, 150)));
      depots.add(id);
    }
    Map<String, Double> sizes = new LinkedHashMap<>();
    sizes.put(ZoneRecord.YARD, 120.0);
    sizes.put(ZoneRecord.CONTAINER_SITE, 20.0);
    sizes.put(ZoneRecord.NO_MACHINERY, 80.0);
    sizes.put(ZoneRecord.SNOW_MELTING_STATION, 100.0);
    sizes.put(ZoneRecord.WORK_ZONE, 600.0);
    sizes.forEach(
        (kind, side) -> {
          for (int i = 0; i < ZONES_PER_KIND; i++) {
            GeoPoint at = randomRoadPoint(edges, random);
            zones.add(
                ZoneRecord.of(
                    "bench-" + kind + "-" + i,
                    kind + " " + i,
                    kind,
                    places.geography().districtAt(at.lat(), at.lon()),
                    square(at, side)));
          }
        });
    return new RulesGeography(source, roads, districts, segments, zones, depots);
  }

  /** Each road edge once (the graph may list both directions of a way). */
  static List<RoadEdge> distinctEdges(RoadGraph roads) {
    Map<Integer, RoadEdge> byId = new LinkedHashMap<>();
    for (RoadEdge e : roads.edges()) {
      byId.putIfAbsent(e.id(), e);
    }
    return List.copyOf(byId.values());
  }

  private static GeoPoint randomRoadPoint(List<RoadEdge> edges, SplittableRandom random) {
    RoadEdge e = edges.get(random.nextInt(edges.size()));
    return e.pointAt(random.nextDouble() * e.lengthMetres());
  }

  /** The municipal districts of mo.geojson (id = OKTMO, okrug = ABBREV_AO). */
  static List<DistrictRecord> moscowDistricts(Path file) throws IOException {
    JsonNode root = JsonSerde.mapper().readTree(Files.readString(file));
    List<DistrictRecord> out = new ArrayList<>();
    for (JsonNode f : root.path("features")) {
      JsonNode p = f.path("properties");
      String id = p.path("OKTMO").asText("");
      if (id.isEmpty() || f.get("geometry") == null || f.get("geometry").isNull()) {
        continue;
      }
      out.add(
          DistrictRecord.of(
              id, p.path("NAME").asText(id), p.path("ABBREV_AO").asText(""), f.get("geometry")));
    }
    if (out.isEmpty()) {
      throw new IOException(file + " has no district with an OKTMO code");
    }
    return out;
  }

  /** A GeoJSON LineString of the points. */
  static JsonNode lineString(List<GeoPoint> points) {
    ObjectNode g = JSON.objectNode();
    g.put("type", "LineString");
    ArrayNode coords = g.putArray("coordinates");
    for (GeoPoint p : points) {
      coords.addArray().add(p.lon()).add(p.lat());
    }
    return g;
  }

  /** A GeoJSON Polygon: a square of {@code sideM} metres centred on {@code c}. */
  static JsonNode square(GeoPoint c, double sideM) {
    double dLat = sideM / 2 / 111_320.0;
    double dLon = sideM / 2 / (111_320.0 * Math.cos(Math.toRadians(c.lat())));
    ObjectNode g = JSON.objectNode();
    g.put("type", "Polygon");
    ArrayNode ring = g.putArray("coordinates").addArray();
    double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
    for (double[] k : corners) {
      ring.addArray().add(c.lon() + k[0] * dLon).add(c.lat() + k[1] * dLat);
    }
    return g;
  }
}
