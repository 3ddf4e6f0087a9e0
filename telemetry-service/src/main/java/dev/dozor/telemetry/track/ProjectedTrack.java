package dev.dozor.telemetry.track;

import dev.dozor.telemetry.geo.LocalProjection;

/**
 * A track's fixes in metres ({@link LocalProjection} around its first fix): within a city its
 * distances are off by well under 1 %, enough for simplification tolerances and stop radii of
 * metres, and it costs two multiplications per fix instead of trigonometry.
 */
final class ProjectedTrack {
  final double[] x;
  final double[] y;

  private ProjectedTrack(double[] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  static ProjectedTrack of(TrackPoints points) {
    int n = points.size();
    double[] x = new double[n];
    double[] y = new double[n];
    if (n > 0) {
      LocalProjection projection = new LocalProjection(points.lat(0), points.lon(0));
      for (int i = 0; i < n; i++) {
        x[i] = projection.x(points.lon(i));
        y[i] = projection.y(points.lat(i));
      }
    }
    return new ProjectedTrack(x, y);
  }
}
