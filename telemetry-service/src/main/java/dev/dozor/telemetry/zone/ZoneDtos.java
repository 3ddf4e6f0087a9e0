package dev.dozor.telemetry.zone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Request and answer bodies of {@code /api/v1/zones}. */
public final class ZoneDtos {
  private ZoneDtos() {}

  /**
   * Body of {@code PUT /api/v1/zones/{id}} (a full replacement).
   *
   * @param kind one of {@link dev.dozor.events.ZoneRecord#KINDS}
   * @param districtId an imported district (OKTMO), optional
   * @param geometry a GeoJSON Polygon or MultiPolygon in WGS84 (stored as a MultiPolygon)
   */
  public record ZoneRequest(String name, String kind, String districtId, JsonNode geometry) {}

  /** Properties of a zone Feature. */
  public record ZoneProperties(
      String id, String name, String kind, String districtId, double areaM2, Instant updatedAt) {}
}
