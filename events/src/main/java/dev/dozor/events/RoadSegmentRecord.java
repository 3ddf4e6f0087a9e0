package dev.dozor.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A piece of a road way of bounded length ({@link Topics#REGISTRY}, key {@link
 * RegistryKeys#segment}): the unit of coverage.
 *
 * @param id {@code <wayId>-<seq>}
 * @param category the OSM {@code highway} value, e.g. {@code primary}
 * @param priority service priority from the category: 1 (trunk, primary) … 4 (service, other)
 * @param maxspeedKmh the signed limit, or null when the way has none
 * @param districtId the district (OKTMO) containing the segment's midpoint, or null
 * @param geometry a GeoJSON LineString in WGS84
 */
public record RoadSegmentRecord(
    int schemaVersion,
    String id,
    String wayId,
    String name,
    String category,
    int priority,
    Integer maxspeedKmh,
    String districtId,
    double lengthM,
    JsonNode geometry)
    implements Versioned {

  public static RoadSegmentRecord of(
      String id,
      String wayId,
      String name,
      String category,
      int priority,
      Integer maxspeedKmh,
      String districtId,
      double lengthM,
      JsonNode geometry) {
    return new RoadSegmentRecord(
        SchemaVersions.ROAD_SEGMENT,
        id,
        wayId,
        name,
        category,
        priority,
        maxspeedKmh,
        districtId,
        lengthM,
        geometry);
  }
}
