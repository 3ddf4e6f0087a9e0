package dev.dozor.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A municipal district (raion) ({@link Topics#REGISTRY}, key {@link RegistryKeys#district}).
 *
 * @param id the OKTMO code
 * @param okrugAbbrev the okrug it belongs to, e.g. {@code СВАО}
 * @param geometry a GeoJSON MultiPolygon in WGS84
 */
public record DistrictRecord(
    int schemaVersion, String id, String name, String okrugAbbrev, JsonNode geometry)
    implements Versioned {

  public static DistrictRecord of(String id, String name, String okrugAbbrev, JsonNode geometry) {
    return new DistrictRecord(SchemaVersions.DISTRICT, id, name, okrugAbbrev, geometry);
  }
}
