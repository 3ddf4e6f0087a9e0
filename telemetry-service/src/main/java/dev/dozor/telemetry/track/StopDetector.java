package dev.dozor.telemetry.track;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds stops: maximal periods of at least a minimum duration in which every fix stays within a
 * radius of the period's first fix. A radius rather than speed ≈ 0, because speed is not always
 * reported and GPS jitter of a parked vehicle shows as a small speed. A gap without fixes between
 * two fixes at the same place counts as stopped (a parked tracker often reports rarely).
 */
public final class StopDetector {
  private StopDetector() {}

  /** A stop: fixes {@code [first, last]}. */
  public record Stop(int first, int last) {}

  /**
   * @param x planar coordinates in metres
   * @param y planar coordinates in metres
   * @param points the fixes (times)
   * @param minDurationMs shortest stop; 0 or less finds none
   * @param radiusM how far from the first fix of a stop its other fixes may be
   */
  public static List<Stop> detect(
      double[] x, double[] y, TrackPoints points, long minDurationMs, double radiusM) {
    List<Stop> stops = new ArrayList<>();
    int n = points.size();
    if (minDurationMs <= 0) {
      return stops;
    }
    double r2 = radiusM * radiusM;
    int i = 0;
    while (i < n - 1) {
      int j = i + 1;
      while (j < n && dist2(x, y, i, j) <= r2) {
        j++;
      }
      int last = j - 1;
      if (points.time(last) - points.time(i) >= minDurationMs) {
        stops.add(new Stop(i, last));
        i = j;
      } else if (j == n) {
        break; // every later start ends at the same last fix, so is shorter still
      } else {
        i++;
      }
    }
    return stops;
  }

  private static double dist2(double[] x, double[] y, int a, int b) {
    double dx = x[b] - x[a];
    double dy = y[b] - y[a];
    return dx * dx + dy * dy;
  }
}
