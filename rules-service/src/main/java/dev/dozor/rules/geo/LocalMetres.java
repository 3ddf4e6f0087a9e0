package dev.dozor.rules.geo;

import org.locationtech.jts.geom.Coordinate;

/**
 * An equirectangular projection to metres around one reference latitude: exact enough (well under
 * 0.1 %) across a city, and cheap, so every distance and containment test works in metres.
 */
public record LocalMetres(double referenceLat) {
  private static final double METRES_PER_DEGREE_LAT = 110_574.0;
  private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

  public Coordinate project(double lat, double lon) {
    return new Coordinate(
        lon * METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(referenceLat)),
        lat * METRES_PER_DEGREE_LAT);
  }
}
