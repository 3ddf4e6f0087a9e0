package dev.dozor.rules.coverage;

import dev.dozor.rules.geo.CellKeys;
import dev.dozor.rules.geo.LocalMetres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Road segments in local metres ({@link LocalMetres}, the projection of the rest of the geography)
 * with a uniform grid index: each segment is listed in every cell its bounding box, grown by the
 * tolerance, touches, so a point's own cell holds every segment that can be within the tolerance of
 * it. Immutable; a change of the registry's segments builds a new network.
 */
public final class RoadNetwork {
  /** Distances are compared with this slack so that "exactly at the tolerance" counts. */
  static final double EPSILON_M = 1e-6;

  private static final double DEFAULT_REFERENCE_LAT = 55.75;

  private final LocalMetres projection;
  private final double cellM;
  private final double toleranceM;
  private final Segment[] segments;
  // the grid's cells with a candidate list each, by the cell's slot in the table (a look-up on
  // every fix and 10 m sample of a working vehicle: a probe of primitive keys, no boxed Long)
  private final CellKeys cells;
  private final int[][] candidatesBySlot;

  private RoadNetwork(
      LocalMetres projection, double cellM, double toleranceM, List<SegmentShape> shapes) {
    this.projection = projection;
    this.cellM = cellM;
    this.toleranceM = toleranceM;
    this.segments = new Segment[shapes.size()];
    Map<Long, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < shapes.size(); i++) {
      Segment s = Segment.of(shapes.get(i), projection);
      segments[i] = s;
      long x0 = cell(s.minX - toleranceM);
      long x1 = cell(s.maxX + toleranceM);
      long y0 = cell(s.minY - toleranceM);
      long y1 = cell(s.maxY + toleranceM);
      for (long cx = x0; cx <= x1; cx++) {
        for (long cy = y0; cy <= y1; cy++) {
          index.computeIfAbsent(CellKeys.key(cx, cy), k -> new ArrayList<>()).add(i);
        }
      }
    }
    this.cells = new CellKeys(index.keySet());
    this.candidatesBySlot = new int[cells.capacity()][];
    index.forEach(
        (k, v) ->
            candidatesBySlot[cells.slot(k)] = v.stream().mapToInt(Integer::intValue).toArray());
  }

  /** No segments: nothing matches. */
  public static RoadNetwork empty(double cellM, double toleranceM) {
    return new RoadNetwork(new LocalMetres(DEFAULT_REFERENCE_LAT), cellM, toleranceM, List.of());
  }

  /**
   * A network projected at the middle latitude of the segments.
   *
   * @param cellM grid cell size in metres (a few times the tolerance keeps cells small and few)
   * @param toleranceM the largest distance at which a point matches a segment
   */
  public static RoadNetwork of(List<SegmentShape> shapes, double cellM, double toleranceM) {
    double minLat = 90;
    double maxLat = -90;
    for (SegmentShape s : shapes) {
      for (double[] p : s.lonLat()) {
        minLat = Math.min(minLat, p[1]);
        maxLat = Math.max(maxLat, p[1]);
      }
    }
    double referenceLat = shapes.isEmpty() ? DEFAULT_REFERENCE_LAT : (minLat + maxLat) / 2;
    return new RoadNetwork(new LocalMetres(referenceLat), cellM, toleranceM, shapes);
  }

  /** A network with the given projection (tests build exact geometry with it). */
  public static RoadNetwork of(
      List<SegmentShape> shapes, LocalMetres projection, double cellM, double toleranceM) {
    return new RoadNetwork(projection, cellM, toleranceM, shapes);
  }

  public LocalMetres projection() {
    return projection;
  }

  public int size() {
    return segments.length;
  }

  public boolean isEmpty() {
    return segments.length == 0;
  }

  /** Metres between two points in the network's projection. */
  public double distanceM(double lat1, double lon1, double lat2, double lon2) {
    Coordinate a = projection.project(lat1, lon1);
    Coordinate b = projection.project(lat2, lon2);
    return Math.hypot(b.x - a.x, b.y - a.y);
  }

  /**
   * The segment nearest to the point within the tolerance, or null. The {@code preferred} segment
   * (the one the vehicle is on) wins unless another is nearer by more than {@code marginM}: at a
   * joint of two segments both are at distance ~0, and the vehicle should not flap between them.
   */
  public Match nearest(double lat, double lon, String preferred, double marginM) {
    double x = projection.x(lon);
    double y = projection.y(lat);
    int slot = cells.slot(CellKeys.key(cell(x), cell(y)));
    if (slot < 0) {
      return null;
    }
    int[] candidates = candidatesBySlot[slot];
    // the nearest and the preferred segment within the tolerance; a Match is made only for them
    // (every point of a working vehicle asks, and most candidates of a cell are beyond the
    // tolerance)
    double limitM = toleranceM + EPSILON_M;
    int best = -1;
    double bestD = Double.MAX_VALUE;
    double bestAlong = 0;
    int kept = -1;
    double keptD = 0;
    double keptAlong = 0;
    double[] scratch = new double[2];
    for (int i : candidates) {
      Segment s = segments[i];
      if (!s.within(x, y, limitM)) {
        continue;
      }
      double[] distanceAndAlong = s.project(x, y, scratch);
      double d = distanceAndAlong[0];
      if (d > limitM) {
        continue;
      }
      if (best < 0 || d < bestD || (d == bestD && s.id().compareTo(segments[best].id()) < 0)) {
        best = i;
        bestD = d;
        bestAlong = distanceAndAlong[1];
      }
      if (preferred != null && sameId(s.id(), preferred)) {
        kept = i;
        keptD = d;
        keptAlong = distanceAndAlong[1];
      }
    }
    if (kept >= 0 && keptD <= bestD + marginM) {
      return segments[kept].match(keptD, keptAlong);
    }
    return best < 0 ? null : segments[best].match(bestD, bestAlong);
  }

  /**
   * Whether two segment ids are equal, by reference or hash first: the characters of another
   * segment's id are rarely in the caches, and a vehicle moving on compares two different ones.
   */
  static boolean sameId(String a, String b) {
    return a == b || a.hashCode() == b.hashCode() && a.equals(b);
  }

  private long cell(double metres) {
    return (long) Math.floor(metres / cellM);
  }

  /**
   * Where a point falls on a segment.
   *
   * @param segmentId the segment
   * @param distanceM distance from the point to the segment's polyline
   * @param alongM distance along the polyline to the point's projection, 0..lengthM
   * @param lengthM length of the polyline in the projection
   */
  public record Match(String segmentId, double distanceM, double alongM, double lengthM) {}

  /** A segment's polyline in projected metres, with cumulative lengths at its vertices. */
  private record Segment(
      String id,
      double[] xs,
      double[] ys,
      double[] cumulative,
      double minX,
      double maxX,
      double minY,
      double maxY) {

    static Segment of(SegmentShape shape, LocalMetres projection) {
      int n = shape.lonLat().size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] cum = new double[n];
      double minX = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double[] p = shape.lonLat().get(i);
        Coordinate c = projection.project(p[1], p[0]);
        xs[i] = c.x;
        ys[i] = c.y;
        if (i > 0) {
          cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        minX = Math.min(minX, xs[i]);
        maxX = Math.max(maxX, xs[i]);
        minY = Math.min(minY, ys[i]);
        maxY = Math.max(maxY, ys[i]);
      }
      // one instance per segment id, shared with the assignments' (AssignmentFact): a checkpoint
      // writes each id once
      return new Segment(shape.id().intern(), xs, ys, cum, minX, maxX, minY, maxY);
    }

    double length() {
      return cumulative[cumulative.length - 1];
    }

    /** Whether the point is within {@code limitM} of the segment's bounding box. */
    boolean within(double x, double y, double limitM) {
      return x >= minX - limitM && x <= maxX + limitM && y >= minY - limitM && y <= maxY + limitM;
    }

    /**
     * Distance from the point to the polyline and distance along it to the point's projection,
     * written into {@code out} (returned).
     */
    double[] project(double x, double y, double[] out) {
      double bestD2 = Double.MAX_VALUE;
      int bestI = 0;
      double bestT = 0;
      for (int i = 0; i + 1 < xs.length; i++) {
        double dx = xs[i + 1] - xs[i];
        double dy = ys[i + 1] - ys[i];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = x - (xs[i] + t * dx);
        double ey = y - (ys[i] + t * dy);
        double d2 = ex * ex + ey * ey;
        if (d2 < bestD2) {
          bestD2 = d2;
          bestI = i;
          bestT = t;
        }
      }
      if (xs.length < 2) {
        out[0] = Double.MAX_VALUE;
        out[1] = 0;
        return out;
      }
      double dx = xs[bestI + 1] - xs[bestI];
      double dy = ys[bestI + 1] - ys[bestI];
      out[0] = Math.sqrt(bestD2);
      out[1] = cumulative[bestI] + bestT * Math.sqrt(dx * dx + dy * dy);
      return out;
    }

    Match match(double distanceM, double alongM) {
      return new Match(id, distanceM, alongM, length());
    }
  }
}
