package dev.dozor.rules.geo;

import java.util.List;

/**
 * A list of road segment ids resolved once against one {@link GeoIndex}: the shapes of the ids the
 * index knows, in list order. An assignment keeps its route, so a fix's distance to it walks an
 * array instead of looking every id up in the index; {@link GeoIndex#distanceToRouteM} gives the
 * same double as {@link GeoIndex#distanceToSegmentsM} on the ids. A route of an index the geography
 * has since replaced is still answered, through the ids.
 */
public final class Route {
  private final GeoIndex index;
  private final List<String> segmentIds;
  private final SegmentShape[] shapes;
  // where the last distance found its nearest segment: a vehicle's next fix is usually nearest to
  // the same one (a hint only; a lost update between threads costs a look at another segment)
  private int nearest;

  Route(GeoIndex index, List<String> segmentIds, SegmentShape[] shapes) {
    this.index = index;
    this.segmentIds = segmentIds;
    this.shapes = shapes;
  }

  /** The ids it was resolved from (the very list). */
  public List<String> segmentIds() {
    return segmentIds;
  }

  /** Whether it was resolved by this index from this very list. */
  boolean isOf(GeoIndex by, List<String> ids) {
    return index == by && segmentIds == ids;
  }

  SegmentShape[] shapes() {
    return shapes;
  }

  /**
   * The index in {@link #shapes} of the segment the last distance found nearest, or that the last
   * limit test found within the limit (a hint: where the vehicle was).
   */
  int nearest() {
    return nearest;
  }

  void nearest(int i) {
    nearest = i;
  }

  /**
   * Reads, at one depth of references below the route, what the next limit test reads first: the
   * route itself (0), the hinted segment's shape (1), its vertices (2); returns a number made of it
   * (for the engine's read-ahead of a batch's vehicles, see the rules engine's BatchWarmUp).
   */
  public long warm(int depth) {
    int i = nearest;
    if (depth == 0 || i < 0 || i >= shapes.length) {
      return i;
    }
    double[] xy = shapes[i].xy;
    return depth == 1 ? (xy == null ? 0 : 1) : xy.length;
  }
}
