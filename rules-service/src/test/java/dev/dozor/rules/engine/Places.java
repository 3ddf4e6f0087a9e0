package dev.dozor.rules.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.ZoneRecord;

/** GeoJSON places for tests: squares around a point and straight road segments, in metres. */
final class Places {
  private Places() {}

  /** A square zone of side 2 × halfSideM centred on the point. */
  static ZoneRecord squareZone(String id, String kind, double lat, double lon, double halfSideM) {
    return ZoneRecord.of(id, id, kind, null, square(lat, lon, halfSideM));
  }

  /** A square district of side 2 × halfSideM centred on the point. */
  static DistrictRecord squareDistrict(
      String id, String okrug, double lat, double lon, double halfSideM) {
    ObjectNode multi = JsonNodeFactory.instance.objectNode();
    multi.put("type", "MultiPolygon");
    multi.putArray("coordinates").add(square(lat, lon, halfSideM).get("coordinates"));
    return DistrictRecord.of(id, id, okrug, multi);
  }

  /** A straight segment from the point, lengthM long towards the bearing (degrees from north). */
  static RoadSegmentRecord segment(
      String id,
      double lat,
      double lon,
      double bearingDeg,
      double lengthM,
      int priority,
      Integer maxspeedKmh,
      String districtId) {
    double rad = Math.toRadians(bearingDeg);
    double lat2 = lat + lengthM * Math.cos(rad) / Track.METRES_PER_DEGREE;
    double lon2 =
        lon + lengthM * Math.sin(rad) / (Track.METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("type", "LineString");
    ArrayNode c = line.putArray("coordinates");
    c.addArray().add(lon).add(lat);
    c.addArray().add(lon2).add(lat2);
    return RoadSegmentRecord.of(
        id,
        id.split("-")[0],
        "road " + id,
        "primary",
        priority,
        maxspeedKmh,
        districtId,
        lengthM,
        line);
  }

  static ObjectNode square(double lat, double lon, double halfSideM) {
    double dLat = halfSideM / Track.METRES_PER_DEGREE;
    double dLon = halfSideM / (Track.METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    ObjectNode polygon = JsonNodeFactory.instance.objectNode();
    polygon.put("type", "Polygon");
    ArrayNode ring = polygon.putArray("coordinates").addArray();
    ring.addArray().add(lon - dLon).add(lat - dLat);
    ring.addArray().add(lon + dLon).add(lat - dLat);
    ring.addArray().add(lon + dLon).add(lat + dLat);
    ring.addArray().add(lon - dLon).add(lat + dLat);
    ring.addArray().add(lon - dLon).add(lat - dLat);
    return polygon;
  }

  static JsonNode point(double lat, double lon) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", "Point");
    p.putArray("coordinates").add(lon).add(lat);
    return p;
  }
}
