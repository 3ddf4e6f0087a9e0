package dev.dozor.rules.geo;

import dev.dozor.events.DistrictRecord;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.SegmentMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory spatial index (JTS STR-trees, in local metres) of districts, zones and
 * road segments. The registry builds a new one when the geography changes and swaps it in whole, so
 * a lookup never sees half an update.
 *
 * <p>The per-fix look-ups go through structures that give the plain loops' answers to the bit,
 * faster (each class says why it is exact; the {@code exact…} methods are the plain loops, kept as
 * the reference and for inputs outside the fast paths' range): each segment's {@link SegmentShape}
 * (flat vertices, boxes) for {@link #distanceToSegmentsM}; a {@link SegmentGrid} of segment pieces
 * for {@link #segmentAt}; and {@link AreaCells}, lazily filled per-cell caches of the districts and
 * of each kind's zones, for {@link #districtAt} and {@link #zonesAt}. The caches die with the
 * index.
 */
public final class GeoIndex implements Geography {
  /** Metres: a fix this close to a segment's line is on the segment (as telemetry coverage). */
  public static final double DEFAULT_SEGMENT_RADIUS_M = 20.0;

  private static final double DEFAULT_REFERENCE_LAT = 55.75;

  /**
   * Metres: coordinates (and points) within this of the origin take the fast paths; local metres of
   * any latitude and longitude are within 2.1e7. Beyond it (or NaN) the plain loops answer.
   */
  static final double NEAR_M = 1e9;

  /** Metres: a larger matching radius (or a negative or NaN one) takes the plain loop. */
  static final double MAX_GRID_RADIUS_M = 10_000;

  record Area(String id, String kind, Geometry geometry, PreparedGeometry prepared) {}

  record Segment(RoadSegmentRecord record, LineString line, SegmentShape shape) {
    String id() {
      return record.id();
    }

    SegmentMatch match(double distanceM) {
      return new SegmentMatch(
          record.id(),
          distanceM,
          record.maxspeedKmh(),
          record.priority(),
          record.lengthM(),
          record.districtId());
    }
  }

  private final GeoJsonShapes shapes;
  private final LocalMetres projection;
  private final GeometryFactory factory = new GeometryFactory();
  private final double segmentRadiusM;
  private final STRtree districts = new STRtree();
  private final Map<String, String> okrugByDistrict = new HashMap<>();
  private final Map<String, STRtree> zonesByKind = new HashMap<>();
  private final Map<String, Area> zonesById = new HashMap<>();
  private final Map<String, ZoneRecord> zoneRecords = new LinkedHashMap<>();
  private final STRtree segments = new STRtree();
  private final Map<String, Segment> segmentsById = new HashMap<>();
  private final List<String> rejected = new ArrayList<>();
  private final AreaCells districtCells;
  private final Map<String, AreaCells> zoneCellsByKind = new HashMap<>();
  private final SegmentGrid segmentGrid;
  // the segments with a signed speed limit alone (few: most roads have none), for roadLimitKmhAt
  private final SegmentGrid signedSegmentGrid;

  private GeoIndex(Builder b) {
    double referenceLat = DEFAULT_REFERENCE_LAT;
    for (Object geometry : b.geometries()) {
      double lat = GeoJsonShapes.firstLatitude((com.fasterxml.jackson.databind.JsonNode) geometry);
      if (!Double.isNaN(lat)) {
        referenceLat = lat;
        break;
      }
    }
    this.projection = new LocalMetres(referenceLat);
    this.shapes = new GeoJsonShapes(projection);
    this.segmentRadiusM = b.segmentRadiusM;
    PreparedGeometryFactory prepare = new PreparedGeometryFactory();
    for (DistrictRecord d : b.districts.values()) {
      Geometry g = area("district " + d.id(), d.geometry());
      if (g != null) {
        districts.insert(
            g.getEnvelopeInternal(), new Area(d.id(), "district", g, prepare.create(g)));
        okrugByDistrict.put(d.id(), d.okrugAbbrev());
      }
    }
    for (ZoneRecord z : b.zones.values()) {
      Geometry g = area("zone " + z.id(), z.geometry());
      if (g != null) {
        Area area = new Area(z.id(), z.kind(), g, prepare.create(g));
        zonesByKind
            .computeIfAbsent(z.kind(), k -> new STRtree())
            .insert(g.getEnvelopeInternal(), area);
        zonesById.put(z.id(), area);
        zoneRecords.put(z.id(), z);
      }
    }
    for (RoadSegmentRecord s : b.segments.values()) {
      try {
        LineString line = shapes.line(s.geometry());
        Segment segment = new Segment(s, line, new SegmentShape(line));
        segments.insert(line.getEnvelopeInternal(), segment);
        segmentsById.put(s.id(), segment);
      } catch (RuntimeException e) {
        rejected.add("segment " + s.id() + ": " + e.getMessage());
      }
    }
    districts.build();
    zonesByKind.values().forEach(STRtree::build);
    segments.build();
    districtCells = new AreaCells(districts, List.of(), factory, false);
    zonesByKind.forEach(
        (kind, tree) -> {
          List<Area> ofKind =
              zonesById.values().stream()
                  .filter(a -> java.util.Objects.equals(a.kind(), kind))
                  .toList();
          zoneCellsByKind.put(kind, new AreaCells(tree, ofKind, factory, true));
        });
    segmentGrid = new SegmentGrid(List.copyOf(segmentsById.values()));
    signedSegmentGrid =
        new SegmentGrid(
            segmentsById.values().stream().filter(s -> s.record().maxspeedKmh() != null).toList());
  }

  /** Whether the fast paths' rounding-error bounds and cell numbers hold at this point. */
  static boolean near(double x, double y) {
    return Math.abs(x) <= NEAR_M && Math.abs(y) <= NEAR_M;
  }

  private Geometry area(String what, com.fasterxml.jackson.databind.JsonNode geoJson) {
    try {
      return shapes.area(geoJson);
    } catch (RuntimeException e) {
      rejected.add(what + ": " + e.getMessage());
      return null;
    }
  }

  /** Places whose geometry could not be used, with the reason (they are left out). */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  public int districtCount() {
    return okrugByDistrict.size();
  }

  public int zoneCount() {
    return zonesById.size();
  }

  public int segmentCount() {
    return segmentsById.size();
  }

  @Override
  public String districtAt(double lat, double lon) {
    Coordinate c = projection.project(lat, lon);
    if (!near(c.x, c.y)) {
      return exactDistrictAt(lat, lon);
    }
    Area a = districtCells.first(c);
    return a == null ? null : a.id();
  }

  /** {@link #districtAt} as the plain STR-tree loop. */
  String exactDistrictAt(double lat, double lon) {
    Point p = shapes.point(lat, lon);
    for (Object o : districts.query(p.getEnvelopeInternal())) {
      Area a = (Area) o;
      if (a.prepared().covers(p)) {
        return a.id();
      }
    }
    return null;
  }

  @Override
  public String okrugOf(String districtId) {
    return districtId == null ? null : okrugByDistrict.get(districtId);
  }

  @Override
  public List<String> zonesAt(String kind, double lat, double lon) {
    AreaCells cells = zoneCellsByKind.get(kind);
    if (cells == null) {
      return List.of();
    }
    Coordinate c = projection.project(lat, lon);
    return near(c.x, c.y) ? cells.covering(c) : exactZonesAt(kind, lat, lon);
  }

  /** {@link #zonesAt} as the plain STR-tree loop. */
  List<String> exactZonesAt(String kind, double lat, double lon) {
    STRtree tree = zonesByKind.get(kind);
    if (tree == null) {
      return List.of();
    }
    Point p = shapes.point(lat, lon);
    List<String> ids = new ArrayList<>(1);
    for (Object o : tree.query(p.getEnvelopeInternal())) {
      Area a = (Area) o;
      if (a.prepared().covers(p)) {
        ids.add(a.id());
      }
    }
    ids.sort(null);
    return ids;
  }

  @Override
  public boolean contains(String zoneId, double lat, double lon) {
    Area a = zonesById.get(zoneId);
    if (a == null) {
      return false;
    }
    // covers() starts with this box test: most fixes are outside and need no Point
    Coordinate c = projection.project(lat, lon);
    return a.geometry().getEnvelopeInternal().covers(c.x, c.y)
        && a.prepared().covers(factory.createPoint(c));
  }

  /** {@link #contains} as it was: the prepared test on a new Point. */
  boolean exactContains(String zoneId, double lat, double lon) {
    Area a = zonesById.get(zoneId);
    return a != null && a.prepared().covers(shapes.point(lat, lon));
  }

  @Override
  public String nearestZone(String kind, double lat, double lon, double maxDistanceM) {
    STRtree tree = zonesByKind.get(kind);
    if (tree == null) {
      return null;
    }
    Point p = shapes.point(lat, lon);
    Envelope search = new Envelope(p.getCoordinate());
    search.expandBy(maxDistanceM);
    String best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Object o : tree.query(search)) {
      Area a = (Area) o;
      double d = a.prepared().covers(p) ? 0 : a.geometry().distance(p);
      if (d <= maxDistanceM
          && (d < bestDistance || d == bestDistance && a.id().compareTo(best) < 0)) {
        best = a.id();
        bestDistance = d;
      }
    }
    return best;
  }

  @Override
  public SegmentMatch segmentAt(double lat, double lon) {
    Coordinate c = projection.project(lat, lon);
    if (!segmentGridHolds(c)) {
      return exactSegmentAt(lat, lon);
    }
    return segmentGrid.nearest(c, segmentRadiusM);
  }

  /**
   * {@inheritDoc} Where no segment with a signed limit lies within the radius, whichever segment is
   * nearest has none: that answer comes from the (mostly empty) grid of the signed segments, the
   * same piece distances as {@link #segmentAt}, without measuring the other segments.
   */
  @Override
  public Integer roadLimitKmhAt(double lat, double lon) {
    Coordinate c = projection.project(lat, lon);
    if (segmentGridHolds(c) && signedSegmentGrid.nearest(c, segmentRadiusM) == null) {
      return null;
    }
    SegmentMatch s = segmentAt(lat, lon);
    return s == null ? null : s.getMaxspeedKmh();
  }

  /**
   * Whether the segment grids answer at this point with the matching radius (else the STR-tree).
   */
  private boolean segmentGridHolds(Coordinate c) {
    return near(c.x, c.y) && segmentRadiusM >= 0 && segmentRadiusM <= MAX_GRID_RADIUS_M;
  }

  /** {@link #segmentAt} as the plain STR-tree loop. */
  SegmentMatch exactSegmentAt(double lat, double lon) {
    Point p = shapes.point(lat, lon);
    Envelope search = new Envelope(p.getCoordinate());
    search.expandBy(segmentRadiusM);
    Segment best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Object o : segments.query(search)) {
      Segment s = (Segment) o;
      double d = distance(s.line(), p.getCoordinate());
      if (d <= segmentRadiusM
          && (d < bestDistance
              || d == bestDistance && s.record().id().compareTo(best.record().id()) < 0)) {
        best = s;
        bestDistance = d;
      }
    }
    return best == null ? null : best.match(bestDistance);
  }

  @Override
  public double distanceToSegmentsM(List<String> segmentIds, double lat, double lon) {
    Coordinate c = projection.project(lat, lon);
    if (!near(c.x, c.y)) {
      return exactDistanceToSegmentsM(segmentIds, lat, lon);
    }
    // a list that is not an assignment's kept route: resolved for this one look-up
    return distanceToRouteM(route(segmentIds, null), lat, lon);
  }

  @Override
  public Route route(List<String> segmentIds, Route had) {
    if (had != null && had.isOf(this, segmentIds)) {
      return had;
    }
    List<SegmentShape> known = new ArrayList<>(segmentIds.size());
    for (String id : segmentIds) {
      Segment s = segmentsById.get(id);
      if (s != null) {
        known.add(s.shape());
      }
    }
    return new Route(this, segmentIds, known.toArray(SegmentShape[]::new));
  }

  @Override
  public double distanceToRouteM(Route route, double lat, double lon) {
    Coordinate c = projection.project(lat, lon);
    if (!route.isOf(this, route.segmentIds()) || !near(c.x, c.y)) {
      return distanceToSegmentsM(route.segmentIds(), lat, lon);
    }
    // the plain loop decision for decision, on each known segment's prepared shape in list order
    // (no Point, no vertex copies; the unknown ids, which it skips, were left out when the route
    // was resolved): a segment is measured exactly when its box is nearer than the best so far
    // (the answer of Envelope.distance), and measuring it gives the same Math.min(best, distance),
    // so the running best and the result are the plain loop's
    double best = Double.POSITIVE_INFINITY;
    SegmentShape[] shapes = route.shapes();
    for (int i = 0; i < shapes.length; i++) {
      if (shapes[i].boxCloserThan(c.x, c.y, best)) {
        double d = shapes[i].minDistance(c, best);
        if (d < best) {
          best = d;
          route.nearest(i);
        }
      }
    }
    return best;
  }

  @Override
  public boolean routeWithinM(Route route, double lat, double lon, double limitM) {
    Coordinate c = projection.project(lat, lon);
    SegmentShape[] shapes = route.shapes();
    if (route.isOf(this, route.segmentIds()) && near(c.x, c.y) && shapes.length > 0) {
      // the segment nearest last time, then the two next to it in the list (a vehicle driving its
      // route in order moves on to one of them; a hit becomes the hint), each measured as the full
      // loop measures it: the route's distance is at most that one's (up to rounding, far below
      // the 1 mm kept from the limit)
      int hint = route.nearest();
      if (segmentWithinM(shapes, hint, c, limitM)) {
        return true;
      }
      if (segmentWithinM(shapes, hint + 1, c, limitM)) {
        route.nearest(hint + 1);
        return true;
      }
      if (segmentWithinM(shapes, hint - 1, c, limitM)) {
        route.nearest(hint - 1);
        return true;
      }
    }
    return distanceToRouteM(route, lat, lon) <= limitM;
  }

  /** Whether the route's i-th shape (if any) is within the limit less the rounding slack. */
  private static boolean segmentWithinM(SegmentShape[] shapes, int i, Coordinate c, double limitM) {
    return i >= 0 && i < shapes.length && shapes[i].withinM(c, limitM);
  }

  /** For tests and measurements: the local metres of this index. */
  LocalMetres projection() {
    return projection;
  }

  /** For tests and measurements. */
  AreaCells districtCells() {
    return districtCells;
  }

  /** {@link #distanceToSegmentsM} as the plain loop. */
  double exactDistanceToSegmentsM(List<String> segmentIds, double lat, double lon) {
    Point p = shapes.point(lat, lon);
    Coordinate c = p.getCoordinate();
    double best = Double.POSITIVE_INFINITY;
    for (String id : segmentIds) {
      Segment s = segmentsById.get(id);
      // a segment's bounding box is never farther than the segment: one farther than the best so
      // far cannot hold a nearer point (most of a long route is skipped this way)
      if (s != null && s.line().getEnvelopeInternal().distance(p.getEnvelopeInternal()) < best) {
        best = Math.min(best, distance(s.line(), c));
      }
    }
    return best;
  }

  /**
   * The distance from a point to a line, as {@code line.distance(point)} gives it, without the
   * general geometry-distance machinery (it allocated a dozen objects a call, on every fix).
   */
  static double distance(LineString line, Coordinate c) {
    CoordinateSequence seq = line.getCoordinateSequence();
    int n = seq.size();
    if (n == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (n == 1) {
      return c.distance(seq.getCoordinate(0));
    }
    Coordinate a = new Coordinate();
    Coordinate b = new Coordinate();
    seq.getCoordinate(0, a);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < n; i++) {
      seq.getCoordinate(i, b);
      best = Math.min(best, Distance.pointToSegment(c, a, b));
      Coordinate t = a;
      a = b;
      b = t;
    }
    return best;
  }

  @Override
  public SegmentMatch segment(String segmentId) {
    Segment s = segmentsById.get(segmentId);
    return s == null ? null : s.match(0);
  }

  @Override
  public double distanceToZoneM(String zoneId, double lat, double lon) {
    Area a = zoneId == null ? null : zonesById.get(zoneId);
    if (a == null) {
      return Double.POSITIVE_INFINITY;
    }
    Point p = shapes.point(lat, lon);
    return a.prepared().covers(p) ? 0 : a.geometry().distance(p);
  }

  @Override
  public String zoneKind(String zoneId) {
    Area a = zoneId == null ? null : zonesById.get(zoneId);
    return a == null ? null : a.kind();
  }

  @Override
  public String districtOfZone(String zoneId) {
    Area zone = zoneId == null ? null : zonesById.get(zoneId);
    if (zone == null) {
      return null;
    }
    Point inside = zone.geometry().getInteriorPoint();
    for (Object o : districts.query(inside.getEnvelopeInternal())) {
      Area d = (Area) o;
      if (d.prepared().covers(inside)) {
        return d.id();
      }
    }
    return null;
  }

  /** Collects the registry's places; {@link #build} makes the immutable index. */
  public static final class Builder {
    private final Map<String, DistrictRecord> districts = new LinkedHashMap<>();
    private final Map<String, ZoneRecord> zones = new LinkedHashMap<>();
    private final Map<String, RoadSegmentRecord> segments = new LinkedHashMap<>();
    private double segmentRadiusM = DEFAULT_SEGMENT_RADIUS_M;

    public Builder segmentRadiusM(double metres) {
      this.segmentRadiusM = metres;
      return this;
    }

    public Builder district(DistrictRecord d) {
      districts.put(d.id(), d);
      return this;
    }

    public Builder zone(ZoneRecord z) {
      zones.put(z.id(), z);
      return this;
    }

    public Builder segment(RoadSegmentRecord s) {
      segments.put(s.id(), s);
      return this;
    }

    public Builder removeDistrict(String id) {
      districts.remove(id);
      return this;
    }

    public Builder removeZone(String id) {
      zones.remove(id);
      return this;
    }

    public Builder removeSegment(String id) {
      segments.remove(id);
      return this;
    }

    private Collection<Object> geometries() {
      List<Object> all = new ArrayList<>();
      segments.values().forEach(s -> all.add(s.geometry()));
      districts.values().forEach(d -> all.add(d.geometry()));
      zones.values().forEach(z -> all.add(z.geometry()));
      return all;
    }

    public GeoIndex build() {
      return new GeoIndex(this);
    }
  }

  /**
   * The road segments in the index (ones whose geometry was rejected are left out), ordered by id:
   * the segment-pass matcher builds its road network from them.
   */
  public List<RoadSegmentRecord> segmentRecords() {
    return segmentsById.values().stream()
        .map(Segment::record)
        .sorted(java.util.Comparator.comparing(RoadSegmentRecord::id))
        .toList();
  }

  /**
   * The zones of a kind in the index (ones whose geometry was rejected are left out), ordered by
   * id: the TIM-003 site monitor lists the container sites with it.
   */
  public List<ZoneRecord> zoneRecords(String kind) {
    return zoneRecords.values().stream()
        .filter(z -> kind.equals(z.kind()))
        .sorted(java.util.Comparator.comparing(ZoneRecord::id))
        .toList();
  }
}
