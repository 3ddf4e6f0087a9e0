package dev.dozor.rules.geo;

import org.locationtech.jts.geom.Coordinate;

/**
 * An equirectangular projection to metres around one reference latitude: exact enough across a
 * city, and cheap, so every distance and containment test works in metres.
 *
 * @param cosReferenceLat the cosine of the reference latitude, computed once (every fix is
 *     projected a few times)
 */
public record LocalMetres(double referenceLat, double cosReferenceLat) {
  // the sphere of the haversine distances, so both agree
  private static final double METRES_PER_DEGREE_LAT =
      Math.toRadians(1) * dev.dozor.rules.engine.Geo.EARTH_RADIUS_M;
  private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = METRES_PER_DEGREE_LAT;

  public LocalMetres(double referenceLat) {
    this(referenceLat, Math.cos(Math.toRadians(referenceLat)));
  }

  public Coordinate project(double lat, double lon) {
    return new Coordinate(x(lon), y(lat));
  }

  /** The projected x of a longitude ({@link #project}'s, without a Coordinate). */
  public double x(double lon) {
    return lon * METRES_PER_DEGREE_LON_AT_EQUATOR * cosReferenceLat;
  }

  /** The projected y of a latitude ({@link #project}'s, without a Coordinate). */
  public double y(double lat) {
    return lat * METRES_PER_DEGREE_LAT;
  }
}
