package dev.dozor.simulator.grid;

/**
 * A WGS84 position.
 *
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 */
public record GeoPoint(double lat, double lon) {

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("not a WGS84 position: " + lat + ", " + lon);
    }
  }

  /** The point a fraction {@code t} (0..1) of the way to {@code other}; fine for a city block. */
  public GeoPoint interpolate(GeoPoint other, double t) {
    return new GeoPoint(lat + (other.lat - lat) * t, lon + (other.lon - lon) * t);
  }
}
