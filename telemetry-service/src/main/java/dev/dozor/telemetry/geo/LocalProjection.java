package dev.dozor.telemetry.geo;

/**
 * Equirectangular projection to metres around a reference point, with the WGS84 radii of curvature
 * at the reference latitude. Within 30 km of the reference (a city) the scale error stays below 1 %
 * east-west and far below north-south: at a 20 m tolerance that is under 0.2 m, which is why a
 * proper map projection is not needed for matching.
 */
public final class LocalProjection {
  private static final double A = 6_378_137.0;
  private static final double E2 = 6.694_379_990_14e-3;

  private final double lat0;
  private final double lon0;
  private final double metresPerDegLat;
  private final double metresPerDegLon;

  public LocalProjection(double lat0, double lon0) {
    this.lat0 = lat0;
    this.lon0 = lon0;
    double phi = Math.toRadians(lat0);
    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
    double meridional = A * (1 - E2) / Math.pow(w, 1.5);
    double primeVertical = A / Math.sqrt(w);
    this.metresPerDegLat = Math.toRadians(meridional);
    this.metresPerDegLon = Math.toRadians(primeVertical * Math.cos(phi));
  }

  /** Metres east of the reference. */
  public double x(double lon) {
    return (lon - lon0) * metresPerDegLon;
  }

  /** Metres north of the reference. */
  public double y(double lat) {
    return (lat - lat0) * metresPerDegLat;
  }

  /** Longitude of a point {@code x} metres east of the reference. */
  public double lon(double x) {
    return lon0 + x / metresPerDegLon;
  }

  /** Latitude of a point {@code y} metres north of the reference. */
  public double lat(double y) {
    return lat0 + y / metresPerDegLat;
  }
}
