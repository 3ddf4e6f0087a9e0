package dev.dozor.telemetry.coverage;

import dev.dozor.telemetry.geo.LocalProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Road segments in a local metric projection ({@link LocalProjection}) with a uniform grid index:
 * each segment is listed in every cell its bounding box, grown by the tolerance, touches, so a
 * point's own cell holds every segment that can be within the tolerance of it. Immutable; a reload
 * builds a new network.
 */
public final class RoadNetwork {
  /** Distances are compared with this slack so that "exactly at the tolerance" counts. */
  static final double EPSILON_M = 1e-6;

  private final LocalProjection projection;
  private final double cellM;
  private final double toleranceM;
  private final Segment[] segments;
  private final Map<Long, int[]> cells;

  private RoadNetwork(
      LocalProjection projection, double cellM, double toleranceM, List<SegmentShape> shapes) {
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
          index.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(i);
        }
      }
    }
    this.cells = new HashMap<>();
    index.forEach((k, v) -> cells.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * A network projected around the centre of the segments' bounding box.
   *
   * @param cellM grid cell size in metres (a few times the tolerance keeps cells small and few)
   * @param toleranceM the largest distance at which a point matches a segment
   */
  public static RoadNetwork of(List<SegmentShape> shapes, double cellM, double toleranceM) {
    double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
    for (SegmentShape s : shapes) {
      for (double[] p : s.lonLat()) {
        minLon = Math.min(minLon, p[0]);
        maxLon = Math.max(maxLon, p[0]);
        minLat = Math.min(minLat, p[1]);
        maxLat = Math.max(maxLat, p[1]);
      }
    }
    LocalProjection projection =
        shapes.isEmpty()
            ? new LocalProjection(0, 0)
            : new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    return new RoadNetwork(projection, cellM, toleranceM, shapes);
  }

  /** A network with the given projection (tests build exact geometry with it). */
  public static RoadNetwork of(
      List<SegmentShape> shapes, LocalProjection projection, double cellM, double toleranceM) {
    return new RoadNetwork(projection, cellM, toleranceM, shapes);
  }

  public LocalProjection projection() {
    return projection;
  }

  public int size() {
    return segments.length;
  }

  public boolean isEmpty() {
    return segments.length == 0;
  }

  /**
   * The segment nearest to the point within the tolerance, or null. The {@code preferred} segment
   * (the one the vehicle is on) wins unless another is nearer by more than {@code marginM}: at a
   * joint of two segments both are at distance ~0, and the vehicle should not flap between them.
   */
  public Match nearest(double lat, double lon, String preferred, double marginM) {
    double x = projection.x(lon);
    double y = projection.y(lat);
    int[] candidates = cells.get(key(cell(x), cell(y)));
    if (candidates == null) {
      return null;
    }
    Match best = null;
    Match kept = null;
    for (int i : candidates) {
      Match m = segments[i].project(x, y);
      if (m.distanceM() > toleranceM + EPSILON_M) {
        continue;
      }
      if (best == null
          || m.distanceM() < best.distanceM()
          || (m.distanceM() == best.distanceM() && m.segmentId().compareTo(best.segmentId()) < 0)) {
        best = m;
      }
      if (m.segmentId().equals(preferred)) {
        kept = m;
      }
    }
    if (kept != null && kept.distanceM() <= best.distanceM() + marginM) {
      return kept;
    }
    return best;
  }

  private long cell(double metres) {
    return (long) Math.floor(metres / cellM);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
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

    static Segment of(SegmentShape shape, LocalProjection projection) {
      int n = shape.lonLat().size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] cum = new double[n];
      double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
      double minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double[] p = shape.lonLat().get(i);
        xs[i] = projection.x(p[0]);
        ys[i] = projection.y(p[1]);
        if (i > 0) {
          cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        minX = Math.min(minX, xs[i]);
        maxX = Math.max(maxX, xs[i]);
        minY = Math.min(minY, ys[i]);
        maxY = Math.max(maxY, ys[i]);
      }
      return new Segment(shape.id(), xs, ys, cum, minX, maxX, minY, maxY);
    }

    double length() {
      return cumulative[cumulative.length - 1];
    }

    Match project(double x, double y) {
      double bestD = Double.MAX_VALUE;
      double bestAlong = 0;
      for (int i = 0; i + 1 < xs.length; i++) {
        double dx = xs[i + 1] - xs[i];
        double dy = ys[i + 1] - ys[i];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double d = Math.hypot(x - (xs[i] + t * dx), y - (ys[i] + t * dy));
        if (d < bestD) {
          bestD = d;
          bestAlong = cumulative[i] + t * Math.sqrt(len2);
        }
      }
      return new Match(id, bestD, bestAlong, length());
    }
  }
}
