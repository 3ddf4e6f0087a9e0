package dev.dozor.simulator.grid;

/** Distances, bearings and metre offsets on the WGS84 ellipsoid, for city-scale geometry. */
public final class Geo {
  /** Mean Earth radius (IUGG), metres; used by the haversine distance. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private Geo() {}

  /** Metres per degree of latitude at {@code latDeg} (WGS84 meridian arc, series form). */
  public static double metresPerDegreeLat(double latDeg) {
    double phi = Math.toRadians(latDeg);
    return 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  }

  /** Metres per degree of longitude at {@code latDeg} (WGS84 parallel arc, series form). */
  public static double metresPerDegreeLon(double latDeg) {
    double phi = Math.toRadians(latDeg);
    return 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
  }

  /** The point {@code northM} metres north and {@code eastM} metres east of {@code origin}. */
  public static GeoPoint offset(GeoPoint origin, double northM, double eastM) {
    return new GeoPoint(
        origin.lat() + northM / metresPerDegreeLat(origin.lat()),
        origin.lon() + eastM / metresPerDegreeLon(origin.lat()));
  }

  /** Great-circle distance in metres (haversine). */
  public static double haversineMetres(GeoPoint a, GeoPoint b) {
    double phi1 = Math.toRadians(a.lat());
    double phi2 = Math.toRadians(b.lat());
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** Initial course from {@code a} to {@code b}, degrees clockwise from north in [0, 360). */
  public static double bearingDegrees(GeoPoint a, GeoPoint b) {
    double phi1 = Math.toRadians(a.lat());
    double phi2 = Math.toRadians(b.lat());
    double dLambda = Math.toRadians(b.lon() - a.lon());
    double y = Math.sin(dLambda) * Math.cos(phi2);
    double x =
        Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
    double deg = Math.toDegrees(Math.atan2(y, x));
    return (deg + 360) % 360;
  }
}
