package dev.dozor.telemetry.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the GeoJSON answer of a track: one LineString of all fixes in time order, then one Point
 * per fix. Coordinates are {@code [lon, lat]} as GeoJSON (RFC 7946) requires.
 */
public final class TrackGeoJson {
  private TrackGeoJson() {}

  /** GeoJSON FeatureCollection. */
  public record FeatureCollection(String type, List<Feature> features) {
    public FeatureCollection(List<Feature> features) {
      this("FeatureCollection", List.copyOf(features));
    }
  }

  /** GeoJSON Feature. */
  public record Feature(String type, Geometry geometry, Map<String, Object> properties) {
    public Feature(Geometry geometry, Map<String, Object> properties) {
      this("Feature", geometry, properties);
    }
  }

  /** GeoJSON geometry: a Point ({@code double[]}) or a LineString ({@code double[][]}). */
  public record Geometry(String type, Object coordinates) {}

  /**
   * The track of a vehicle; no fixes give an empty collection. A single fix gives only its Point (a
   * LineString needs two positions).
   *
   * @param fixes ordered by fix time
   */
  public static FeatureCollection build(
      String vehicleId, TrackInterval interval, List<TrackFix> fixes) {
    List<Feature> features = new ArrayList<>();
    if (fixes.size() >= 2) {
      double[][] line = new double[fixes.size()][];
      for (int i = 0; i < fixes.size(); i++) {
        line[i] = coordinates(fixes.get(i));
      }
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("vehicleId", vehicleId);
      props.put("from", interval.from());
      props.put("to", interval.to());
      props.put("points", fixes.size());
      features.add(new Feature(new Geometry("LineString", line), props));
    }
    for (TrackFix fix : fixes) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("fixTime", fix.fixTime());
      props.put("speedKmh", fix.speedKmh());
      props.put("headingDeg", fix.headingDeg());
      props.put("equipment", fix.equipment());
      features.add(new Feature(new Geometry("Point", coordinates(fix)), props));
    }
    return new FeatureCollection(features);
  }

  private static double[] coordinates(TrackFix fix) {
    return new double[] {fix.lon(), fix.lat()};
  }
}
