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
   * @param kind okrugs, districts, roads or zones
   * @param features features in the file
   * @param imported rows (okrugs, districts, zones) or ways (roads) written
   * @param created zones that did not exist before (zones only)
   * @param segments road segments written (roads only)
   * @param withoutDistrict road segments whose midpoint lies in no district (roads only)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImportResult(
      String kind, int features, int imported, Long segments, Long withoutDistrict, Long created) {
    public ImportResult(
        String kind, int features, int imported, Long segments, Long withoutDistrict) {
      this(kind, features, imported, segments, withoutDistrict, null);
    }
  }

  /** A district without geometry; {@code okrug} is the okrug abbreviation (e.g. СВАО). */
  public record District(
      String id, String name, String okrug, String okato, String oktmo, double areaKm2) {}

  /**
   * Properties of a road segment feature; priority 1 (primary roads) .. 4, see {@link
   * RoadPriority}.
   */
  public record SegmentProperties(
      String id,
      String wayId,
      int seq,
      String name,
      String category,
      int priority,
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
