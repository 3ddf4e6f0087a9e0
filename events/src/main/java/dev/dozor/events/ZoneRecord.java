package dev.dozor.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A place with a meaning for the regulations ({@link Topics#REGISTRY}, key {@link
 * RegistryKeys#zone}).
 *
 * @param kind one of {@link #KINDS}
 * @param districtId the district (OKTMO) the zone belongs to, or null
 * @param geometry a GeoJSON Polygon or MultiPolygon in WGS84
 */
public record ZoneRecord(
    int schemaVersion, String id, String name, String kind, String districtId, JsonNode geometry)
    implements Versioned {

  public static final String WORK_ZONE = "work-zone";
  public static final String NO_MACHINERY = "no-machinery";
  public static final String SNOW_MELTING_STATION = "snow-melting-station";
  public static final String DEPOT = "depot";
  public static final String YARD = "yard";
  public static final String CONTAINER_SITE = "container-site";

  /** Every zone kind, in the order the docs list them. */
  public static final java.util.List<String> KINDS =
      java.util.List.of(WORK_ZONE, NO_MACHINERY, SNOW_MELTING_STATION, DEPOT, YARD, CONTAINER_SITE);

  public static ZoneRecord of(
      String id, String name, String kind, String districtId, JsonNode geometry) {
    return new ZoneRecord(SchemaVersions.ZONE, id, name, kind, districtId, geometry);
  }
}
