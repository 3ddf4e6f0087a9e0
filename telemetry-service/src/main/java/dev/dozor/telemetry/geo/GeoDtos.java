package dev.dozor.telemetry.geo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** REST answers of the geography endpoints. */
public final class GeoDtos {
  private GeoDtos() {}

  /**
   * Result of one import.
   *
   * @param kind okrugs, districts or roads
   * @param features features in the file
   * @param imported rows (okrugs, districts) or ways (roads) written
   * @param segments road segments written (roads only)
   * @param withoutDistrict road segments whose midpoint lies in no district (roads only)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImportResult(
      String kind, int features, int imported, Long segments, Long withoutDistrict) {}

  /** A district without geometry; {@code okrug} is the okrug abbreviation (e.g. СВАО). */
  public record District(
      String id, String name, String okrug, String okato, String oktmo, double areaKm2) {}

  /** Properties of a road segment feature. */
  public record SegmentProperties(
      String id,
      String wayId,
      int seq,
      String name,
      String category,
      Integer maxspeedKmh,
      String districtId,
      double lengthM) {}

  /** A GeoJSON Feature. */
  public record Feature(String type, String id, Object properties, JsonNode geometry) {
    public static Feature of(String id, Object properties, JsonNode geometry) {
      return new Feature("Feature", id, properties, geometry);
    }
  }

  /** A GeoJSON FeatureCollection. */
  public record FeatureCollection(String type, List<Feature> features) {
    public static FeatureCollection of(List<Feature> features) {
      return new FeatureCollection("FeatureCollection", features);
    }
  }
}
