package dev.dozor.telemetry.geo;

/** Validated features of an import, geometry still as GeoJSON text (PostGIS parses it). */
public final class GeoInputs {
  private GeoInputs() {}

  /** An okrug: {@code id} = OKATO. */
  public record Okrug(String id, String name, String abbrev, String okato, String geometry) {}

  /** A district (raion): {@code id} = OKTMO. */
  public record District(
      String id, String name, String okrugAbbrev, String okato, String oktmo, String geometry) {}

  /** A road way (OSM way); {@code geometry} is a LineString. */
  public record Road(
      String wayId, String name, String category, Integer maxspeedKmh, String geometry) {}

  /** A zone; {@code districtId} may be null; {@code geometry} is a Polygon or MultiPolygon. */
  public record Zone(String id, String name, String kind, String districtId, String geometry) {}
}
