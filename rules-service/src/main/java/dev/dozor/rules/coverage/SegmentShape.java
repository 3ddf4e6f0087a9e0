package dev.dozor.rules.coverage;

import java.util.List;

/**
 * A road segment for matching: its id, its polyline in WGS84 and its length.
 *
 * @param id road segment id (registry {@code RoadSegmentRecord.id})
 * @param lonLat vertices as {@code [lon, lat]} pairs, at least two
 * @param lengthM geodesic length in metres (as registered); the matcher measures fractions in its
 *     own projection, so this is informative only
 */
public record SegmentShape(String id, List<double[]> lonLat, double lengthM) {
  public SegmentShape {
    if (lonLat.size() < 2) {
      throw new IllegalArgumentException("segment " + id + " needs at least two vertices");
    }
    lonLat = List.copyOf(lonLat);
  }
}
