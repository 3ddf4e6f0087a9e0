package dev.dozor.telemetry.zone;

import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.geo.GeoInputs;
import dev.dozor.telemetry.geo.GeoJsonReader;
import dev.dozor.telemetry.registry.RegistryValidation;
import dev.dozor.telemetry.zone.ZoneDtos.ZoneRequest;

/**
 * Checks a zone request (shape of the geometry included) and turns it into an input; 400 names the
 * field. Geometric validity and the district's existence are checked by {@link ZoneRepository}.
 */
public final class ZoneValidation {
  private ZoneValidation() {}

  public static GeoInputs.Zone zone(String id, ZoneRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with name, kind and geometry is required");
    }
    String name = RegistryValidation.requireText("name", body.name());
    String kind = kind("kind", body.kind());
    RegistryValidation.optionalId("districtId", body.districtId());
    String geometry = GeoJsonReader.area(body.geometry(), "geometry");
    return new GeoInputs.Zone(id, name, kind, body.districtId(), geometry);
  }

  /** A zone kind filter or value: one of {@link ZoneRecord#KINDS}. */
  public static String kind(String field, String kind) {
    if (kind == null || !ZoneRecord.KINDS.contains(kind)) {
      throw ApiException.invalid(
          field, field + " must be one of " + ZoneRecord.KINDS + ", was '" + kind + "'");
    }
    return kind;
  }
}
