package dev.dozor.rules.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.SegmentMatch;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The fast look-ups of {@link GeoIndex} against the plain loops they replace ({@code exact…}), on
 * the real Moscow districts and SVAO roads of {@code ../shared/data} (skipped without them): the
 * same district, the same zones, the same segment and the same distance double, the same route
 * distance double, for tens of thousands of seeded points — uniform over the roads' area, near the
 * roads, exactly on road and district vertices (so on district boundaries, several of them shared)
 * and exactly on grid-cell edges.
 */
class GeoIndexEquivalenceTest {
  private static final String DISTRICTS_FILE = "moscow-boundaries/mo.geojson";
  private static final String ROADS_FILE =
      "moscow-roads-svao-extract/graphhopper_moscow_highways.geojson";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> KINDS =
      List.of(ZoneRecord.NO_MACHINERY, ZoneRecord.YARD, ZoneRecord.WORK_ZONE, "big");

  private static GeoIndex index;

  /** A second index over the same places with a wider matching radius. */
  private static GeoIndex wide;

  private static final List<String> segmentIds = new ArrayList<>();
  private static final List<String> zoneIds = new ArrayList<>();

  /** lat, lon of every road vertex. */
  private static final List<double[]> roadVertices = new ArrayList<>();

  /** lat, lon of every district vertex. */
  private static final List<double[]> districtVertices = new ArrayList<>();

  /** Segment ids by a coarse (about 500 m) cell of their first vertex, to make local routes. */
  private static final Map<Long, List<String>> segmentsNear = new HashMap<>();

  private static double minLat = Double.POSITIVE_INFINITY;
  private static double maxLat = Double.NEGATIVE_INFINITY;
  private static double minLon = Double.POSITIVE_INFINITY;
  private static double maxLon = Double.NEGATIVE_INFINITY;

  /** The folder under $DOZOR_SHARED_DATA, else ../shared/data from the module or the repository. */
  static Optional<Path> sharedData() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("DOZOR_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path here = Path.of("").toAbsolutePath();
    candidates.add(here.resolve("../../shared/data").normalize());
    candidates.add(here.resolve("../shared/data").normalize());
    return candidates.stream()
        .filter(
            p ->
                Files.isRegularFile(p.resolve(DISTRICTS_FILE))
                    && Files.isRegularFile(p.resolve(ROADS_FILE)))
        .findFirst();
  }

  @BeforeAll
  static void load() throws IOException {
    Optional<Path> data = sharedData();
    assumeTrue(
        data.isPresent(),
        "the shared data (" + DISTRICTS_FILE + ", " + ROADS_FILE + ") is absent: skipped");
    Path dir = data.get();
    GeoIndex.Builder b = new GeoIndex.Builder();
    GeoIndex.Builder w = new GeoIndex.Builder().segmentRadiusM(60);

    // every OSM way as one segment (long lines, many vertices) ...
    JsonNode roads = JsonSerde.mapper().readTree(Files.readString(dir.resolve(ROADS_FILE)));
    int way = 0;
    for (JsonNode f : roads.path("features")) {
      JsonNode g = f.get("geometry");
      for (JsonNode p : g.path("coordinates")) {
        roadVertices.add(new double[] {p.get(1).asDouble(), p.get(0).asDouble()});
      }
      addSegment(b, w, "way-" + way++, g);
    }
    // ... and every edge of the simulator's road graph, as the benchmark registers them: they
    // share pieces with the ways, so equal distances and the tie on the id are exercised
    RoadNetwork network = RoadNetwork.fromGeoJson(dir.resolve(ROADS_FILE));
    Map<Integer, RoadEdge> edges = new LinkedHashMap<>();
    network.edges().forEach(e -> edges.putIfAbsent(e.id(), e));
    for (RoadEdge e : edges.values()) {
      addSegment(b, w, "edge-" + e.id(), lineString(e.points()));
    }
    for (double[] v : roadVertices) {
      minLat = Math.min(minLat, v[0]);
      maxLat = Math.max(maxLat, v[0]);
      minLon = Math.min(minLon, v[1]);
      maxLon = Math.max(maxLon, v[1]);
    }
    // odd lines: one vertex (rejected by JTS), none, repeated vertices, a long zigzag (run boxes),
    // a piece shorter than 1 µm (irregular: the plain loop)
    double lat0 = (minLat + maxLat) / 2;
    double lon0 = (minLon + maxLon) / 2;
    addSegment(b, w, "odd-one-vertex", lineOf(new double[][] {{lat0, lon0}}));
    addSegment(b, w, "odd-empty", lineOf(new double[][] {}));
    addSegment(
        b,
        w,
        "odd-repeated",
        lineOf(
            new double[][] {
              {lat0, lon0}, {lat0, lon0}, {lat0 + 0.001, lon0}, {lat0 + 0.001, lon0}
            }));
    double[][] zigzag = new double[60][];
    for (int i = 0; i < zigzag.length; i++) {
      zigzag[i] = new double[] {lat0 - 0.01 + i * 0.0004, lon0 - 0.01 + (i % 2) * 0.0008};
    }
    addSegment(b, w, "odd-zigzag", lineOf(zigzag));
    addSegment(
        b,
        w,
        "odd-tiny-piece",
        lineOf(
            new double[][] {
              {lat0 + 0.002, lon0}, {lat0 + 0.002, lon0 + 1e-12}, {lat0 + 0.003, lon0 + 0.001}
            }));

    // districts: all of Moscow
    JsonNode mo = JsonSerde.mapper().readTree(Files.readString(dir.resolve(DISTRICTS_FILE)));
    for (JsonNode f : mo.path("features")) {
      JsonNode p = f.path("properties");
      String id = p.path("OKTMO").asText("");
      JsonNode g = f.get("geometry");
      if (id.isEmpty() || g == null || g.isNull()) {
        continue;
      }
      DistrictRecord d =
          DistrictRecord.of(id, p.path("NAME").asText(id), p.path("ABBREV_AO").asText(""), g);
      b.district(d);
      w.district(d);
      collectVertices(g.path("coordinates"));
    }

    // zones: squares of three kinds on the roads, some overlapping, and districts as "big" zones
    SplittableRandom random = new SplittableRandom(11);
    double[] sides = {20, 80, 120, 600};
    for (int i = 0; i < 60; i++) {
      double[] at = roadVertices.get(random.nextInt(roadVertices.size()));
      String kind = KINDS.get(i % 3);
      ZoneRecord z = ZoneRecord.of("zone-" + i, "zone " + i, kind, null, square(at, sides[i % 4]));
      b.zone(z);
      w.zone(z);
      zoneIds.add(z.id());
    }
    int big = 0;
    for (JsonNode f : mo.path("features")) {
      if (big < 6 && f.path("properties").path("ABBREV_AO").asText("").equals("СВАО")) {
        ZoneRecord z = ZoneRecord.of("big-" + big, "big", "big", null, f.get("geometry"));
        b.zone(z);
        w.zone(z);
        zoneIds.add(z.id());
        big++;
      }
    }
    index = b.build();
    wide = w.build();
  }

  private static void addSegment(GeoIndex.Builder b, GeoIndex.Builder w, String id, JsonNode g) {
    // a quarter of the roads signed: the signed-only grid of roadLimitKmhAt has neighbours without
    Integer maxspeed = Math.floorMod(id.hashCode(), 4) == 0 ? 40 : null;
    RoadSegmentRecord s =
        RoadSegmentRecord.of(id, id, id, "residential", 3, maxspeed, null, 100, g);
    b.segment(s);
    w.segment(s);
    segmentIds.add(id);
    JsonNode first = g.path("coordinates").path(0);
    if (first.isArray()) {
      segmentsNear
          .computeIfAbsent(
              coarse(first.get(1).asDouble(), first.get(0).asDouble()), k -> new ArrayList<>())
          .add(id);
    }
  }

  private static long coarse(double lat, double lon) {
    return ((long) Math.floor(lat / 0.0045) << 32) ^ (long) Math.floor(lon / 0.008);
  }

  private static void collectVertices(JsonNode node) {
    if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
      districtVertices.add(new double[] {node.get(1).asDouble(), node.get(0).asDouble()});
      return;
    }
    for (JsonNode child : node) {
      collectVertices(child);
    }
  }

  @Test
  void everyLookUpGivesThePlainLoopsAnswerToTheBit() {
    SplittableRandom random = new SplittableRandom(2024);
    List<double[]> points = new ArrayList<>();
    double padLat = 0.01;
    double padLon = 0.016;
    for (int i = 0; i < 30_000; i++) { // uniform over the roads' area and around it
      points.add(
          new double[] {
            minLat - padLat + random.nextDouble() * (maxLat - minLat + 2 * padLat),
            minLon - padLon + random.nextDouble() * (maxLon - minLon + 2 * padLon)
          });
    }
    for (int i = 0; i < 20_000; i++) { // within about 40 m of a road vertex
      double[] v = roadVertices.get(random.nextInt(roadVertices.size()));
      points.add(
          new double[] {
            v[0] + (random.nextDouble() - 0.5) * 0.0007, v[1] + (random.nextDouble() - 0.5) * 0.0012
          });
    }
    int onRoadVertices = 0;
    for (int i = 0; i < roadVertices.size(); i += 2) { // exactly on road vertices
      points.add(roadVertices.get(i));
      onRoadVertices++;
    }
    int onDistrictVertices = 0;
    for (int i = 0; i < districtVertices.size(); i++) { // on district boundaries (many shared)
      double[] v = districtVertices.get(i);
      boolean nearRoads =
          v[0] > minLat - padLat
              && v[0] < maxLat + padLat
              && v[1] > minLon - padLon
              && v[1] < maxLon + padLon;
      if (nearRoads || i % 10 == 0) {
        points.add(v);
        onDistrictVertices++;
      }
    }
    for (int i = 0; i < 10_000; i++) { // anywhere in and around Moscow
      double[] v = districtVertices.get(random.nextInt(districtVertices.size()));
      points.add(
          new double[] {
            v[0] + (random.nextDouble() - 0.5) * 0.05, v[1] + (random.nextDouble() - 0.5) * 0.08
          });
    }
    int onCellEdges = 0;
    for (int i = 0; i < 6_000; i++) { // exactly on a 64 m or 256 m cell edge, or a cell corner
      double[] v = roadVertices.get(random.nextInt(roadVertices.size()));
      double cell = i % 2 == 0 ? SegmentGrid.CELL_M : AreaCells.CELL_M;
      double[] p = onCellEdge(v, cell, i % 3);
      if (p != null) {
        points.add(p);
        onCellEdges++;
      }
    }
    assertTrue(onRoadVertices > 1_000, "road vertices " + onRoadVertices);
    assertTrue(onDistrictVertices > 1_000, "district vertices " + onDistrictVertices);
    assertTrue(onCellEdges > 2_000, "cell-edge points " + onCellEdges);

    int matched = 0;
    int inDistrict = 0;
    int inZone = 0;
    int routes = 0;
    for (double[] p : points) {
      double lat = p[0];
      double lon = p[1];
      String where = lat + ", " + lon;

      String district = index.districtAt(lat, lon);
      assertEquals(index.exactDistrictAt(lat, lon), district, where);
      inDistrict += district == null ? 0 : 1;

      for (String kind : KINDS) {
        List<String> zones = index.zonesAt(kind, lat, lon);
        assertEquals(index.exactZonesAt(kind, lat, lon), zones, where + " " + kind);
        inZone += zones.size();
      }
      String zone =
          random.nextInt(10) == 0 ? "no-such-zone" : zoneIds.get(random.nextInt(zoneIds.size()));
      assertEquals(index.exactContains(zone, lat, lon), index.contains(zone, lat, lon), where);

      for (GeoIndex g : List.of(index, wide)) {
        SegmentMatch fast = g.segmentAt(lat, lon);
        SegmentMatch exact = g.exactSegmentAt(lat, lon);
        assertEquals(exact, fast, where);
        assertEquals(
            exact == null ? null : exact.getMaxspeedKmh(), g.roadLimitKmhAt(lat, lon), where);
        if (exact != null) {
          assertEquals(
              Double.doubleToRawLongBits(exact.distanceM()),
              Double.doubleToRawLongBits(fast.distanceM()),
              where);
          matched++;
        }
      }

      List<String> route = route(random, lat, lon);
      assertEquals(
          Double.doubleToRawLongBits(index.exactDistanceToSegmentsM(route, lat, lon)),
          Double.doubleToRawLongBits(index.distanceToSegmentsM(route, lat, lon)),
          where + " " + route);
      // the same list resolved once, as an assignment keeps it
      assertEquals(
          Double.doubleToRawLongBits(index.exactDistanceToSegmentsM(route, lat, lon)),
          Double.doubleToRawLongBits(index.distanceToRouteM(index.route(route, null), lat, lon)),
          where + " " + route + " resolved");
      // within a limit: from the segment nearest last time when it can tell, else measured
      Route resolved = index.route(route, null);
      double limit = random.nextInt(4) * 15.0;
      boolean within = index.exactDistanceToSegmentsM(route, lat, lon) <= limit;
      assertEquals(within, index.routeWithinM(resolved, lat, lon, limit), where + " " + route);
      assertEquals(
          within, index.routeWithinM(resolved, lat, lon, limit), where + " " + route + " hinted");
      routes++;
    }
    assertTrue(points.size() > 50_000, "points " + points.size());
    assertTrue(matched > 20_000, "segment matches " + matched);
    assertTrue(inDistrict > 40_000, "points in a district " + inDistrict);
    assertTrue(inZone > 1_000, "zone hits " + inZone);
    assertEquals(points.size(), routes);
  }

  /**
   * The point's tree query for its own box gives the areas in the order of the cell's rectangle
   * query, restricted to those whose box holds the point: what {@link AreaCells} relies on.
   */
  @Test
  void aPointsTreeQueryIsItsCellsQueryInTheSameOrder() {
    SplittableRandom random = new SplittableRandom(5);
    LocalMetres projection = index.projection();
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      double[] v =
          i % 2 == 0
              ? roadVertices.get(random.nextInt(roadVertices.size()))
              : districtVertices.get(random.nextInt(districtVertices.size()));
      Coordinate c =
          projection.project(
              v[0] + (random.nextDouble() - 0.5) * 0.004,
              v[1] + (random.nextDouble() - 0.5) * 0.006);
      AreaCells cells = index.districtCells();
      List<GeoIndex.Area> own = cells.query(new Envelope(c));
      Envelope rect =
          AreaCells.rectangle(
              (long) Math.floor(c.x / AreaCells.CELL_M), (long) Math.floor(c.y / AreaCells.CELL_M));
      assertTrue(rect.covers(c));
      List<GeoIndex.Area> ofCell =
          cells.query(rect).stream()
              .filter(a -> a.geometry().getEnvelopeInternal().intersects(c.x, c.y))
              .toList();
      assertEquals(own, ofCell);
      compared += own.size();
    }
    assertTrue(compared > 20_000, "areas compared " + compared);
  }

  /** A route: nearby segments (so the pruning matters), random ones, unknown and repeated ids. */
  private static List<String> route(SplittableRandom random, double lat, double lon) {
    List<String> ids = new ArrayList<>();
    int kind = random.nextInt(10);
    if (kind == 0) {
      return List.of();
    }
    if (kind == 1) {
      return List.of("no-such-segment", "odd-one-vertex", "odd-empty");
    }
    List<String> near = new ArrayList<>();
    for (int dLat = -1; dLat <= 1; dLat++) {
      for (int dLon = -1; dLon <= 1; dLon++) {
        near.addAll(
            segmentsNear.getOrDefault(coarse(lat + dLat * 0.0045, lon + dLon * 0.008), List.of()));
      }
    }
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(10);
      if (pick < 7 && !near.isEmpty()) {
        ids.add(near.get(random.nextInt(near.size())));
      } else if (pick < 9) {
        ids.add(segmentIds.get(random.nextInt(segmentIds.size())));
      } else {
        ids.add(
            random.nextBoolean() ? "no-such-segment" : ids.isEmpty() ? "odd-zigzag" : ids.get(0));
      }
    }
    return kind == 2 ? ids : List.copyOf(ids);
  }

  /**
   * A point near {@code v} whose local-metre x (edge 0), y (edge 1) or both (edge 2) is exactly a
   * multiple of the cell size, or null if no latitude/longitude projects exactly there.
   */
  private static double[] onCellEdge(double[] v, double cell, int edge) {
    LocalMetres projection = index.projection();
    Coordinate c = projection.project(v[0], v[1]);
    double lat = v[0];
    double lon = v[1];
    if (edge != 1) {
      double target = Math.floor(c.x / cell) * cell;
      double perDegree = projection.project(lat, 1).x;
      Double found = solve(target, target / perDegree, l -> projection.project(v[0], l).x);
      if (found == null) {
        return null;
      }
      lon = found;
    }
    if (edge != 0) {
      double target = Math.floor(c.y / cell) * cell;
      double perDegree = projection.project(1, lon).y;
      Double found = solve(target, target / perDegree, l -> projection.project(l, v[1]).y);
      if (found == null) {
        return null;
      }
      lat = found;
    }
    Coordinate on = projection.project(lat, lon);
    assertTrue(
        (edge == 1 || on.x == Math.floor(on.x / cell) * cell)
            && (edge == 0 || on.y == Math.floor(on.y / cell) * cell));
    return new double[] {lat, lon};
  }

  private static Double solve(
      double target, double guess, java.util.function.DoubleUnaryOperator f) {
    double up = guess;
    double down = guess;
    for (int i = 0; i < 64; i++) {
      if (f.applyAsDouble(up) == target) {
        return up;
      }
      if (f.applyAsDouble(down) == target) {
        return down;
      }
      up = Math.nextUp(up);
      down = Math.nextDown(down);
    }
    return null;
  }

  private static JsonNode square(double[] at, double sideM) {
    double dLat = sideM / 2 / 111_320.0;
    double dLon = sideM / 2 / (111_320.0 * Math.cos(Math.toRadians(at[0])));
    ObjectNode g = JSON.objectNode();
    g.put("type", "Polygon");
    ArrayNode ring = g.putArray("coordinates").addArray();
    double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
    for (double[] k : corners) {
      ring.addArray().add(at[1] + k[0] * dLon).add(at[0] + k[1] * dLat);
    }
    return g;
  }

  private static JsonNode lineString(List<GeoPoint> points) {
    ObjectNode g = JSON.objectNode();
    g.put("type", "LineString");
    ArrayNode coords = g.putArray("coordinates");
    for (GeoPoint p : points) {
      coords.addArray().add(p.lon()).add(p.lat());
    }
    return g;
  }

  /** A GeoJSON LineString of lat, lon pairs. */
  static JsonNode lineOf(double[][] latLon) {
    ObjectNode g = JSON.objectNode();
    g.put("type", "LineString");
    ArrayNode coords = g.putArray("coordinates");
    for (double[] p : latLon) {
      coords.addArray().add(p[1]).add(p[0]);
    }
    return g;
  }
}
