package dev.dozor.telemetry.track;

import static dev.dozor.telemetry.query.JsonText.coordinate;
import static dev.dozor.telemetry.query.JsonText.fixed;
import static dev.dozor.telemetry.query.JsonText.instant;
import static dev.dozor.telemetry.query.JsonText.name;

import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.Haversine;
import dev.dozor.telemetry.query.JsonText;
import dev.dozor.telemetry.track.StopDetector.Stop;
import java.util.List;

/**
 * Writes the GeoJSON answer of a track (RFC 7946, {@code [lon, lat]}) straight into text: one
 * Feature per run of equal equipment, then one Point Feature per stop, and a top-level {@code
 * summary}.
 *
 * <p>A run's line ends at the first fix of the next run, so the runs join on a map; that joining
 * step belongs to the earlier run (as in mileage, a step has the equipment of its first fix), and
 * the runs' {@code distanceKm} add up to the summary's. A last run of a single fix, or a track of
 * one fix, is a Point. Gaps are drawn as straight lines. {@code distanceKm} is measured on the
 * unsimplified fixes (haversine).
 */
public final class TrackGeoJson {
  private TrackGeoJson() {}

  /** What to compute besides the runs. */
  public record Options(double toleranceM, int stopMinutes, double stopRadiusM) {}

  /** The whole answer as JSON text. */
  public static String write(
      String vehicleId, TrackInterval interval, TrackPoints points, Options options) {
    int n = points.size();
    ProjectedTrack xy = ProjectedTrack.of(points);
    int[] starts = TrackRuns.starts(points);
    int runs = starts.length - 1;
    boolean[] keep = new boolean[n];
    double[] runMetres = new double[runs];
    double totalMetres = 0;
    for (int r = 0; r < runs; r++) {
      int first = starts[r];
      int end = end(starts, r, n);
      DouglasPeucker.simplify(xy.x, xy.y, first, end, options.toleranceM(), keep);
      double m = 0;
      for (int i = first + 1; i <= end; i++) {
        m += Haversine.metres(points.lat(i - 1), points.lon(i - 1), points.lat(i), points.lon(i));
      }
      runMetres[r] = m;
      totalMetres += m;
    }
    int kept = 0;
    for (boolean k : keep) {
      kept += k ? 1 : 0;
    }
    List<Stop> stops =
        StopDetector.detect(
            xy.x, xy.y, points, options.stopMinutes() * 60_000L, options.stopRadiusM());

    StringBuilder sb = new StringBuilder(512 + kept * 26 + runs * 200 + stops.size() * 200);
    sb.append("{\"type\":\"FeatureCollection\",\"summary\":{");
    name(sb, "vehicleId");
    JsonText.string(sb, vehicleId);
    name(sb.append(','), "from");
    instant(sb, interval.from().toEpochMilli());
    name(sb.append(','), "to");
    instant(sb, interval.to().toEpochMilli());
    name(sb.append(','), "points").append(n);
    name(sb.append(','), "keptPoints").append(kept);
    name(sb.append(','), "runs").append(runs);
    name(sb.append(','), "stops").append(stops.size());
    name(sb.append(','), "distanceKm");
    fixed(sb, totalMetres / 1000, 3);
    name(sb.append(','), "toleranceM");
    fixed(sb, options.toleranceM(), 3);
    name(sb.append(','), "stopMinutes").append(options.stopMinutes());
    sb.append("},\"features\":[");
    boolean firstFeature = true;
    for (int r = 0; r < runs; r++) {
      if (!firstFeature) {
        sb.append(',');
      }
      firstFeature = false;
      run(sb, points, keep, starts[r], starts[r + 1] - 1, end(starts, r, n), runMetres[r]);
    }
    for (Stop stop : stops) {
      if (!firstFeature) {
        sb.append(',');
      }
      firstFeature = false;
      stop(sb, points, stop);
    }
    return sb.append("]}").toString();
  }

  /** Last index of run r's line: the next run's first fix, or the track's last fix. */
  private static int end(int[] starts, int r, int n) {
    return r + 1 < starts.length - 1 ? starts[r + 1] : n - 1;
  }

  private static void run(
      StringBuilder sb,
      TrackPoints points,
      boolean[] keep,
      int first,
      int lastOwn,
      int end,
      double metres) {
    int kept = 0;
    sb.append("{\"type\":\"Feature\",\"geometry\":{\"type\":");
    if (end == first) {
      sb.append("\"Point\",\"coordinates\":");
      position(sb, points, first);
      kept = 1;
    } else {
      sb.append("\"LineString\",\"coordinates\":[");
      for (int i = first; i <= end; i++) {
        if (keep[i]) {
          if (kept++ > 0) {
            sb.append(',');
          }
          position(sb, points, i);
        }
      }
      sb.append(']');
    }
    int bits = points.equipment(first);
    sb.append("},\"properties\":{\"kind\":\"run\",");
    name(sb, "from");
    instant(sb, points.time(first));
    name(sb.append(','), "to");
    instant(sb, points.time(lastOwn));
    name(sb.append(','), "equipment");
    JsonText.equipment(sb, bits);
    name(sb.append(','), "working").append(EquipmentBits.working(bits));
    name(sb.append(','), "points").append(lastOwn - first + 1);
    name(sb.append(','), "keptPoints").append(kept);
    name(sb.append(','), "distanceKm");
    fixed(sb, metres / 1000, 3);
    sb.append("}}");
  }

  private static void stop(StringBuilder sb, TrackPoints points, Stop stop) {
    double lat = 0;
    double lon = 0;
    int count = stop.last() - stop.first() + 1;
    for (int i = stop.first(); i <= stop.last(); i++) {
      lat += points.lat(i);
      lon += points.lon(i);
    }
    sb.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    coordinate(sb, lon / count).append(',');
    coordinate(sb, lat / count).append("]},\"properties\":{\"kind\":\"stop\",");
    long from = points.time(stop.first());
    long to = points.time(stop.last());
    name(sb, "from");
    instant(sb, from);
    name(sb.append(','), "to");
    instant(sb, to);
    name(sb.append(','), "durationS");
    fixed(sb, (to - from) / 1000.0, 3);
    name(sb.append(','), "points").append(count);
    sb.append("}}");
  }

  private static void position(StringBuilder sb, TrackPoints points, int i) {
    sb.append('[');
    coordinate(sb, points.lon(i)).append(',');
    coordinate(sb, points.lat(i)).append(']');
  }
}
