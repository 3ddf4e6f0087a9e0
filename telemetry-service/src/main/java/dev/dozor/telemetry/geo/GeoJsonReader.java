package dev.dozor.telemetry.geo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a GeoJSON FeatureCollection feature by feature and turns it into import inputs. Every
 * error is a 400 naming the feature index and property, e.g. {@code features[12].properties.NAME}.
 * Pure: no I/O, so the whole file is checked before anything is written.
 */
public final class GeoJsonReader {
  private static final Set<String> AREAS = Set.of("Polygon", "MultiPolygon");
  private static final Set<String> LINES = Set.of("LineString");

  private GeoJsonReader() {}

  /** Okrugs: properties NAME, ABBREV, OKATO (the id); Polygon or MultiPolygon. */
  public static List<GeoInputs.Okrug> okrugs(JsonNode root) {
    List<JsonNode> features = features(root);
    List<GeoInputs.Okrug> out = new ArrayList<>(features.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String okato = required(f, i, "OKATO");
      unique(seen, okato, i, "OKATO");
      out.add(
          new GeoInputs.Okrug(
              okato,
              required(f, i, "NAME"),
              required(f, i, "ABBREV"),
              okato,
              geometry(f, i, AREAS)));
    }
    return out;
  }

  /** Districts: properties NAME, OKTMO (the id), optional OKATO and ABBREV_AO; (Multi)Polygon. */
  public static List<GeoInputs.District> districts(JsonNode root) {
    List<JsonNode> features = features(root);
    List<GeoInputs.District> out = new ArrayList<>(features.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String name = required(f, i, "NAME");
      String oktmo = required(f, i, "OKTMO");
      unique(seen, oktmo, i, "OKTMO");
      out.add(
          new GeoInputs.District(
              oktmo,
              name,
              optional(f, "ABBREV_AO"),
              optional(f, "OKATO"),
              oktmo,
              geometry(f, i, AREAS)));
    }
    return out;
  }

  /**
   * Roads: properties osm_id (or the feature's {@code id}), highway, optional name and maxspeed;
   * LineString.
   */
  public static List<GeoInputs.Road> roads(JsonNode root) {
    List<JsonNode> features = features(root);
    List<GeoInputs.Road> out = new ArrayList<>(features.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String wayId = optional(f, "osm_id");
      if (wayId == null) {
        JsonNode id = f.get("id");
        wayId = id == null || id.isNull() || id.asText().isBlank() ? null : id.asText().trim();
      }
      if (wayId == null) {
        throw ApiException.invalid(
            prop(i, "osm_id"), "feature " + i + " has no osm_id (nor a feature id)");
      }
      unique(seen, wayId, i, "osm_id");
      out.add(
          new GeoInputs.Road(
              wayId,
              optional(f, "name"),
              required(f, i, "highway"),
              MaxSpeed.parseKmh(optional(f, "maxspeed")),
              geometry(f, i, LINES)));
    }
    return out;
  }

  static List<JsonNode> features(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw ApiException.invalid(null, "body must be a GeoJSON FeatureCollection object");
    }
    if (!"FeatureCollection".equals(root.path("type").asText())) {
      throw ApiException.invalid("type", "type must be FeatureCollection");
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw ApiException.invalid("features", "features must be an array");
    }
    List<JsonNode> list = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
        throw ApiException.invalid(
            "features[" + i + "].type", "features[" + i + "] is not a GeoJSON Feature");
      }
      list.add(f);
    }
    return list;
  }

  private static String prop(int i, String name) {
    return "features[" + i + "].properties." + name;
  }

  private static String optional(JsonNode feature, String name) {
    JsonNode v = feature.path("properties").get(name);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String text = v.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String required(JsonNode feature, int i, String name) {
    String v = optional(feature, name);
    if (v == null) {
      throw ApiException.invalid(prop(i, name), "feature " + i + " has no " + name);
    }
    return v;
  }

  private static void unique(Map<String, Integer> seen, String id, int i, String name) {
    Integer first = seen.putIfAbsent(id, i);
    if (first != null) {
      throw ApiException.invalid(
          prop(i, name), name + " '" + id + "' repeats features[" + first + "]");
    }
  }

  /**
   * Zones: properties id (or the feature's {@code id}), name, kind (one of {@link
   * ZoneRecord#KINDS}), optional district (OKTMO); Polygon or MultiPolygon.
   */
  public static List<GeoInputs.Zone> zones(JsonNode root) {
    List<JsonNode> features = features(root);
    List<GeoInputs.Zone> out = new ArrayList<>(features.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String id = optional(f, "id");
      if (id == null) {
        JsonNode fid = f.get("id");
        id = fid == null || fid.isNull() || fid.asText().isBlank() ? null : fid.asText().trim();
      }
      if (id == null) {
        throw ApiException.invalid(prop(i, "id"), "feature " + i + " has no id");
      }
      RegistryValidation.requireId(prop(i, "id"), id);
      unique(seen, id, i, "id");
      String name = required(f, i, "name");
      RegistryValidation.optionalText(prop(i, "name"), name);
      String kind = required(f, i, "kind");
      if (!ZoneRecord.KINDS.contains(kind)) {
        throw ApiException.invalid(
            prop(i, "kind"), "kind must be one of " + ZoneRecord.KINDS + ", was '" + kind + "'");
      }
      String district = optional(f, "district");
      RegistryValidation.optionalId(prop(i, "district"), district);
      out.add(new GeoInputs.Zone(id, name, kind, district, geometry(f, i, AREAS)));
    }
    return out;
  }

  /**
   * Checks a Polygon or MultiPolygon (type, rings of at least 4 positions, lon/lat ranges); returns
   * it as GeoJSON text. Validity (self-intersection) is PostGIS' job.
   *
   * @param field the request field, for the 400 (e.g. {@code geometry})
   */
  public static String area(JsonNode g, String field) {
    return geometry(g, field, field + " is required (a GeoJSON Polygon or MultiPolygon)", AREAS);
  }

  /** Checks type and coordinates; returns the geometry as GeoJSON text. */
  private static String geometry(JsonNode feature, int i, Set<String> allowed) {
    return geometry(
        feature.get("geometry"),
        "features[" + i + "].geometry",
        "feature " + i + " has no geometry",
        allowed);
  }

  private static String geometry(JsonNode g, String field, String missing, Set<String> allowed) {
    if (g == null || g.isNull() || !g.isObject()) {
      throw ApiException.invalid(field, missing);
    }
    String type = g.path("type").asText();
    if (!allowed.contains(type)) {
      throw ApiException.invalid(
          field + ".type",
          "geometry type '" + type + "' is not supported here; expected one of " + allowed);
    }
    JsonNode c = g.get("coordinates");
    String cf = field + ".coordinates";
    if (c == null || !c.isArray() || c.isEmpty()) {
      throw ApiException.invalid(cf, field + " has empty coordinates");
    }
    switch (type) {
      case "LineString" -> line(c, 2, cf, "");
      case "Polygon" -> polygon(c, cf, "");
      default -> {
        for (int p = 0; p < c.size(); p++) {
          polygon(c.get(p), cf, "[" + p + "]");
        }
      }
    }
    return g.toString();
  }

  private static void polygon(JsonNode rings, String field, String at) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw ApiException.invalid(field, "coordinates" + at + " is an empty polygon");
    }
    for (int r = 0; r < rings.size(); r++) {
      line(rings.get(r), 4, field, at + "[" + r + "]");
    }
  }

  private static void line(JsonNode positions, int min, String field, String at) {
    if (!positions.isArray() || positions.size() < min) {
      throw ApiException.invalid(
          field, "coordinates" + at + " must hold at least " + min + " positions");
    }
    for (int k = 0; k < positions.size(); k++) {
      position(positions.get(k), field, at + "[" + k + "]");
    }
  }

  private static void position(JsonNode p, String field, String at) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw ApiException.invalid(field, "coordinates" + at + " is not a [lon, lat] position");
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw ApiException.invalid(
          field,
          "coordinates" + at + " = [" + lon + ", " + lat + "] is out of range (lon ±180, lat ±90)");
    }
  }
}
