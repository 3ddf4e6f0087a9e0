package dev.dozor.telemetry.query;

/**
 * Great-circle distance on the sphere of the mean Earth radius, the same model as PostGIS' {@code
 * ST_DistanceSphere}; within 0.5 % of the ellipsoidal (geodesic) distance.
 */
public final class Haversine {
  /** Mean Earth radius in metres (IUGG), the radius {@code ST_DistanceSphere} uses. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private Haversine() {}

  /** Distance in metres between two points given in degrees. */
  public static double metres(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double sp = Math.sin(dp / 2);
    double sl = Math.sin(dl / 2);
    double a = sp * sp + Math.cos(p1) * Math.cos(p2) * sl * sl;
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
