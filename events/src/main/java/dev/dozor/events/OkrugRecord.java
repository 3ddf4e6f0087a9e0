package dev.dozor.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An administrative okrug ({@link Topics#REGISTRY}, key {@link RegistryKeys#okrug}).
 *
 * @param id the OKATO code
 * @param abbrev e.g. {@code СВАО}
 * @param geometry a GeoJSON MultiPolygon in WGS84
 */
public record OkrugRecord(
    int schemaVersion, String id, String name, String abbrev, JsonNode geometry)
    implements Versioned {

  public static OkrugRecord of(String id, String name, String abbrev, JsonNode geometry) {
    return new OkrugRecord(SchemaVersions.OKRUG, id, name, abbrev, geometry);
  }
}
