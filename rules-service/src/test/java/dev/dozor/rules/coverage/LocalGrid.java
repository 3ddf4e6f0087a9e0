package dev.dozor.rules.coverage;

import dev.dozor.rules.engine.Geo;
import dev.dozor.rules.geo.LocalMetres;

/**
 * Test positions in metres east (x) and north (y) of a reference point, converted to latitude and
 * longitude through the inverse of {@link LocalMetres}, so geometry built in metres is exact in the
 * matcher's own projection.
 */
record LocalGrid(double lat0, double lon0) {
  static final double PER_DEGREE = Math.toRadians(1) * Geo.EARTH_RADIUS_M;

  LocalMetres projection() {
    return new LocalMetres(lat0);
  }

  double lat(double northM) {
    return lat0 + northM / PER_DEGREE;
  }

  double lon(double eastM) {
    return lon0 + eastM / (PER_DEGREE * Math.cos(Math.toRadians(lat0)));
  }
}
