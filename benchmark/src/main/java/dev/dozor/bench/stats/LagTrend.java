package dev.dozor.bench.stats;

import java.util.List;

/** Least-squares slope of consumer lag over time: points per second the backlog grows. */
public final class LagTrend {
  private LagTrend() {}

  /**
   * One lag observation.
   *
   * @param seconds time since the step started
   * @param lag records not yet committed by the group
   */
  public record Sample(double seconds, long lag) {}

  /** Slope in records/s; 0 with fewer than two samples or no spread in time. */
  public static double slope(List<Sample> samples) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (Sample s : samples) {
      mx += s.seconds();
      my += s.lag();
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (Sample s : samples) {
      double dx = s.seconds() - mx;
      sxy += dx * (s.lag() - my);
      sxx += dx * dx;
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  /** The samples at or after half of {@code stepSeconds}. */
  public static List<Sample> secondHalf(List<Sample> samples, double stepSeconds) {
    return samples.stream().filter(s -> s.seconds() >= stepSeconds / 2).toList();
  }
}
