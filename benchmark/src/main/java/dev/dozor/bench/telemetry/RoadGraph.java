package dev.dozor.bench.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The imported road segments as a graph the generated vehicles drive on: segments that share an end
 * point (rounded to about 10 cm) are connected, in both directions.
 */
final class RoadGraph {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  /**
   * One imported segment with its polyline and cumulative lengths.
   *
   * @param id {@code telemetry.road_segments.id}
   * @param districtId district of its midpoint, or null
   * @param lons longitudes of its vertices
   * @param lats latitudes of its vertices
   * @param cumulativeM distance from the first vertex to each vertex, metres
   */
  record Segment(String id, String districtId, double[] lons, double[] lats, double[] cumulativeM) {
    static Segment of(String id, String districtId, double[] lons, double[] lats) {
      if (lons.length < 2 || lons.length != lats.length) {
        throw new IllegalArgumentException("segment " + id + " needs at least two vertices");
      }
      double[] cum = new double[lons.length];
      for (int i = 1; i < lons.length; i++) {
        cum[i] = cum[i - 1] + distanceM(lons[i - 1], lats[i - 1], lons[i], lats[i]);
      }
      return new Segment(id, districtId, lons, lats, cum);
    }

    double lengthM() {
      return cumulativeM[cumulativeM.length - 1];
    }

    /**
     * The point {@code offsetM} along the segment (from its first vertex when {@code forward}, else
     * from its last), with the heading of travel there.
     *
     * @return {lon, lat, headingDeg}
     */
    double[] at(double offsetM, boolean forward) {
      double len = lengthM();
      double d = Math.max(0, Math.min(len, forward ? offsetM : len - offsetM));
      int i = 1;
      while (i < cumulativeM.length - 1 && cumulativeM[i] < d) {
        i++;
      }
      double span = cumulativeM[i] - cumulativeM[i - 1];
      double f = span <= 0 ? 0 : (d - cumulativeM[i - 1]) / span;
      double lon = lons[i - 1] + (lons[i] - lons[i - 1]) * f;
      double lat = lats[i - 1] + (lats[i] - lats[i - 1]) * f;
      double heading = bearingDeg(lons[i - 1], lats[i - 1], lons[i], lats[i]);
      return new double[] {lon, lat, forward ? heading : (heading + 180) % 360};
    }
  }

  /** A segment driven in one direction. */
  record Edge(int segment, boolean forward) {}

  private final List<Segment> segments;
  private final Map<Long, List<Edge>> leaving = new HashMap<>();

  RoadGraph(List<Segment> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("no road segments to drive on");
    }
    this.segments = List.copyOf(segments);
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      int last = s.lons().length - 1;
      leaving
          .computeIfAbsent(node(s.lons()[0], s.lats()[0]), k -> new ArrayList<>())
          .add(new Edge(i, true));
      leaving
          .computeIfAbsent(node(s.lons()[last], s.lats()[last]), k -> new ArrayList<>())
          .add(new Edge(i, false));
    }
  }

  /** Parses {@code LINESTRING(lon lat, …)} as PostGIS' {@code ST_AsText} writes it. */
  static Segment fromWkt(String id, String districtId, String wkt) {
    String body = wkt.substring(wkt.indexOf('(') + 1, wkt.lastIndexOf(')'));
    String[] pairs = body.split(",");
    double[] lons = new double[pairs.length];
    double[] lats = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      String[] xy = pairs[i].trim().split("\\s+");
      lons[i] = Double.parseDouble(xy[0]);
      lats[i] = Double.parseDouble(xy[1]);
    }
    return Segment.of(id, districtId, lons, lats);
  }

  int size() {
    return segments.size();
  }

  Segment segment(int i) {
    return segments.get(i);
  }

  /**
   * The edges a vehicle may take at the end of {@code edge} (never empty: a dead end turns back).
   */
  List<Edge> next(Edge edge) {
    Segment s = segments.get(edge.segment());
    int end = edge.forward() ? s.lons().length - 1 : 0;
    List<Edge> out = new ArrayList<>();
    for (Edge e : leaving.getOrDefault(node(s.lons()[end], s.lats()[end]), List.of())) {
      if (e.segment() != edge.segment()) {
        out.add(e);
      }
    }
    if (out.isEmpty()) {
      out.add(new Edge(edge.segment(), !edge.forward()));
    }
    return out;
  }

  static long node(double lon, double lat) {
    return Math.round(lon * 1e6) * 1_000_000_000L + Math.round(lat * 1e6);
  }

  /** Great-circle distance, metres. */
  static double distanceM(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  static double bearingDeg(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "RoadGraph[%d segments, %d nodes]", segments.size(), leaving.size());
  }
}
