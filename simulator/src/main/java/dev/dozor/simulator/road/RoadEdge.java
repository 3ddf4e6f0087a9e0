package dev.dozor.simulator.road;

import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A road segment between two junctions (or a junction and a dead end), driven from {@link #from()}
 * to {@link #to()} along its polyline. Each undirected segment exists in both directions with the
 * same {@link #id()}; {@link #reversed()} gives the other one.
 */
public final class RoadEdge {
  private final int id;
  private final int from;
  private final int to;
  private final List<GeoPoint> points;
  private final double[] cumulative;
  private final String name;
  private final String highway;
  private final Double maxSpeedKmh;
  private RoadEdge reverse;

  RoadEdge(
      int id, int from, int to, List<GeoPoint> points, String name, String highway, Double max) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("an edge needs at least 2 points");
    }
    this.id = id;
    this.from = from;
    this.to = to;
    this.points = List.copyOf(points);
    this.cumulative = new double[points.size()];
    for (int i = 1; i < points.size(); i++) {
      cumulative[i] = cumulative[i - 1] + Geo.haversineMetres(points.get(i - 1), points.get(i));
    }
    this.name = name;
    this.highway = highway;
    this.maxSpeedKmh = max;
  }

  static RoadEdge pair(
      int id, int from, int to, List<GeoPoint> points, String name, String highway, Double max) {
    RoadEdge forward = new RoadEdge(id, from, to, points, name, highway, max);
    List<GeoPoint> back = new ArrayList<>(points);
    java.util.Collections.reverse(back);
    RoadEdge backward = new RoadEdge(id, to, from, back, name, highway, max);
    forward.reverse = backward;
    backward.reverse = forward;
    return forward;
  }

  /** Same for both directions of a segment. */
  public int id() {
    return id;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  /** The polyline from {@link #from()} to {@link #to()}. */
  public List<GeoPoint> points() {
    return points;
  }

  public double lengthMetres() {
    return cumulative[cumulative.length - 1];
  }

  /** Street name, or null. */
  public String name() {
    return name;
  }

  /** OSM highway class ({@code residential}, …), {@code grid} for generated streets. */
  public String highway() {
    return highway;
  }

  /** Tagged speed limit, km/h, or null when the source has none. */
  public Double maxSpeedKmh() {
    return maxSpeedKmh;
  }

  public RoadEdge reversed() {
    return reverse;
  }

  /** Position after {@code metres} along the polyline (clamped to its ends). */
  public GeoPoint pointAt(double metres) {
    int i = segmentAt(metres);
    double len = cumulative[i + 1] - cumulative[i];
    double t = len <= 0 ? 0 : Math.max(0, Math.min(1, (metres - cumulative[i]) / len));
    return points.get(i).interpolate(points.get(i + 1), t);
  }

  /** Course of the polyline piece at {@code metres}, degrees from north in [0, 360). */
  public double headingAt(double metres) {
    int i = segmentAt(metres);
    // a zero-length piece has no course: use the whole edge's
    if (cumulative[i + 1] - cumulative[i] <= 0) {
      return Geo.bearingDegrees(points.get(0), points.get(points.size() - 1));
    }
    return Geo.bearingDegrees(points.get(i), points.get(i + 1));
  }

  /** Shortest distance from {@code p} to this polyline, metres (local planar approximation). */
  public double distanceMetres(GeoPoint p) {
    double best = Double.POSITIVE_INFINITY;
    double ky = Geo.metresPerDegreeLat(p.lat());
    double kx = Geo.metresPerDegreeLon(p.lat());
    for (int i = 0; i + 1 < points.size(); i++) {
      GeoPoint a = points.get(i);
      GeoPoint b = points.get(i + 1);
      double ax = (a.lon() - p.lon()) * kx;
      double ay = (a.lat() - p.lat()) * ky;
      double bx = (b.lon() - p.lon()) * kx;
      double by = (b.lat() - p.lat()) * ky;
      double dx = bx - ax;
      double dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      double x = ax + t * dx;
      double y = ay + t * dy;
      best = Math.min(best, Math.sqrt(x * x + y * y));
    }
    return best;
  }

  private int segmentAt(double metres) {
    int lo = 0;
    int hi = cumulative.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (cumulative[mid] <= metres) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return "RoadEdge[" + id + ": " + from + "->" + to + ", " + Math.round(lengthMetres()) + " m]";
  }
}
