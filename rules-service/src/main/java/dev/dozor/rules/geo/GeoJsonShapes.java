package dev.dozor.rules.geo;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Turns registry GeoJSON (WGS84 lon/lat) into JTS geometries in {@link LocalMetres}. */
final class GeoJsonShapes {
  private final GeometryFactory factory = new GeometryFactory();
  private final LocalMetres projection;

  GeoJsonShapes(LocalMetres projection) {
    this.projection = projection;
  }

  /** A Polygon or MultiPolygon. */
  Geometry area(JsonNode geoJson) {
    String type = geoJson.path("type").asText();
    JsonNode coordinates = geoJson.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(coordinates);
      case "MultiPolygon" -> {
        Polygon[] polygons = new Polygon[coordinates.size()];
        for (int i = 0; i < polygons.length; i++) {
          polygons[i] = polygon(coordinates.get(i));
        }
        yield factory.createMultiPolygon(polygons);
      }
      default -> throw new IllegalArgumentException("not a Polygon or MultiPolygon: " + type);
    };
  }

  LineString line(JsonNode geoJson) {
    String type = geoJson.path("type").asText();
    if (!"LineString".equals(type)) {
      throw new IllegalArgumentException("not a LineString: " + type);
    }
    return factory.createLineString(coordinates(geoJson.path("coordinates")));
  }

  org.locationtech.jts.geom.Point point(double lat, double lon) {
    return factory.createPoint(projection.project(lat, lon));
  }

  /** The latitude of the first position of a GeoJSON geometry, or NaN. */
  static double firstLatitude(JsonNode geoJson) {
    JsonNode node = geoJson == null ? null : geoJson.path("coordinates");
    while (node != null && node.isArray() && node.size() > 0 && node.get(0).isArray()) {
      node = node.get(0);
    }
    return node != null && node.isArray() && node.size() >= 2 ? node.get(1).asDouble() : Double.NaN;
  }

  private Polygon polygon(JsonNode rings) {
    LinearRing shell = factory.createLinearRing(coordinates(rings.get(0)));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = factory.createLinearRing(coordinates(rings.get(i)));
    }
    return factory.createPolygon(shell, holes);
  }

  private Coordinate[] coordinates(JsonNode positions) {
    Coordinate[] result = new Coordinate[positions.size()];
    for (int i = 0; i < result.length; i++) {
      JsonNode p = positions.get(i);
      result[i] = projection.project(p.get(1).asDouble(), p.get(0).asDouble());
    }
    return result;
  }
}
