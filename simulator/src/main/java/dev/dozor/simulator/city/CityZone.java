package dev.dozor.simulator.city;

import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.util.List;
import java.util.Map;

/**
 * A zone the simulator registers: an axis-aligned rectangle in WGS84 (every simulated zone is one).
 *
 * @param id registry id, e.g. {@code sim-depot-1}
 * @param name human name (Russian, like the real registry)
 * @param kind {@code depot}, {@code work-zone}, {@code no-machinery}, {@code snow-melting-station},
 *     {@code container-site}, {@code yard} (the registry's kinds)
 * @param southWest the south-west corner
 * @param northEast the north-east corner
 */
public record CityZone(
    String id, String name, String kind, GeoPoint southWest, GeoPoint northEast) {
  public static final String DEPOT = "depot";
  public static final String WORK_ZONE = "work-zone";
  public static final String NO_MACHINERY = "no-machinery";
  public static final String SNOW_MELTING_STATION = "snow-melting-station";
  public static final String CONTAINER_SITE = "container-site";
  public static final String YARD = "yard";

  public CityZone {
    if (!(southWest.lat() < northEast.lat() && southWest.lon() < northEast.lon())) {
      throw new IllegalArgumentException("empty rectangle " + southWest + " .. " + northEast);
    }
  }

  /** A square of {@code halfSideM} metres either side of {@code centre}. */
  public static CityZone square(
      String id, String name, String kind, GeoPoint centre, double halfSideM) {
    return new CityZone(
        id,
        name,
        kind,
        Geo.offset(centre, -halfSideM, -halfSideM),
        Geo.offset(centre, halfSideM, halfSideM));
  }

  /** Whether {@code p} lies inside (or on the border). */
  public boolean contains(GeoPoint p) {
    return p.lat() >= southWest.lat()
        && p.lat() <= northEast.lat()
        && p.lon() >= southWest.lon()
        && p.lon() <= northEast.lon();
  }

  public GeoPoint centre() {
    return southWest.interpolate(northEast, 0.5);
  }

  /** The four corners, south-west first, counter-clockwise. */
  public List<GeoPoint> corners() {
    return List.of(
        southWest,
        new GeoPoint(southWest.lat(), northEast.lon()),
        northEast,
        new GeoPoint(northEast.lat(), southWest.lon()));
  }

  /** The GeoJSON Polygon: one closed counter-clockwise ring of {@code [lon, lat]}. */
  public Map<String, Object> geoJson() {
    List<GeoPoint> c = corners();
    List<List<Double>> ring =
        List.of(
            lonLat(c.get(0)),
            lonLat(c.get(1)),
            lonLat(c.get(2)),
            lonLat(c.get(3)),
            lonLat(c.get(0)));
    return Map.of("type", "Polygon", "coordinates", List.of(ring));
  }

  private static List<Double> lonLat(GeoPoint p) {
    return List.of(round(p.lon()), round(p.lat()));
  }

  /** 1e-7° (about a centimetre), so bodies stay short and stable. */
  private static double round(double deg) {
    return Math.round(deg * 1e7) / 1e7;
  }
}
