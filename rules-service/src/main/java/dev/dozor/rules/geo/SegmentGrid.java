package dev.dozor.rules.geo;

import dev.dozor.rules.engine.SegmentMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The road segments' pieces (consecutive vertex pairs; the vertex of a one-vertex line) in a
 * uniform grid of {@value #CELL_M} m cells, for {@link GeoIndex#segmentAt}: the nearest segment
 * within the matching radius, measuring only the pieces near the fix instead of every vertex of
 * every long way whose bounding box reaches it.
 *
 * <p>Each piece is registered in every cell its bounding box overlaps (closed intervals). A query
 * visits the cells that overlap the search square (the fix ± radius: the old STR-tree query
 * envelope) widened by {@link SegmentShape#SLACK_M}, and takes the least (distance, segment id)
 * over the pieces it finds that are within the radius and belong to a segment whose box meets the
 * search square. That is the least (d, id) over segments, d being the least over the segment's
 * pieces found. It skips, unmeasured, a piece whose box lies outside the widened square (it cannot
 * be within the radius) or is farther than the best so far plus the slack (it can neither beat nor
 * tie it).
 *
 * <p><b>Why this is the old answer, to the bit.</b> The old answer is the least (d, id) over the
 * segments whose box meets the search square and whose full distance d (the least over all its
 * pieces, as {@link GeoIndex#distance} computes it) is at most the radius. Take such a segment and
 * a piece p of it measuring d. Its computed distance is at most the radius, so its true distance is
 * at most the radius plus a rounding error far below the slack (see {@link SegmentShape}); hence
 * p's box overlaps the widened square and p is registered in a visited cell: the query finds p, and
 * so the segment's d, the same double ({@link SegmentShape#pointToSegment}). A segment whose
 * distance exceeds the radius can never be wrongly accepted, even if the query finds only some of
 * its pieces: their least is at least the true least, so more than the radius. A segment none of
 * whose pieces is found is farther than the radius, as just shown. So the accepted segments and
 * their distances are the old ones, and the least (d, id) among them, ties going to the smaller id
 * by the old test itself, is the old answer (which does not depend on the order candidates come
 * in). Cell numbers are {@code floor(v / CELL_M)}: the cell size is a power of two, so the division
 * is exact and overlapping intervals always share a cell. Segments that are not {@link
 * SegmentShape#regular} or have a piece spanning more than {@value #MAX_CELLS_PER_PIECE} cells are
 * not in the grid; every query measures them in full, as the old code did.
 */
final class SegmentGrid {
  /** Metres; a power of two, so cell numbers and cell edges are exact. */
  static final double CELL_M = 64;

  /** A piece covering more cells than this leaves its segment out of the grid (memory bound). */
  static final int MAX_CELLS_PER_PIECE = 1024;

  private final GeoIndex.Segment[] segments;

  /** The cells holding pieces; slot s holds the pieces at [start[s], start[s + 1]). */
  private final CellKeys cells;

  private final int[] start;

  /** Per registered piece: its segment's index in {@link #segments}. */
  private final int[] pieceSegment;

  /** Per registered piece: ax, ay, bx, by (a one-vertex line's piece has b = a). */
  private final double[] pieceXy;

  /** Segments measured in full on every query (none on real data). */
  private final GeoIndex.Segment[] unindexed;

  SegmentGrid(List<GeoIndex.Segment> all) {
    List<GeoIndex.Segment> indexed = new ArrayList<>();
    List<GeoIndex.Segment> left = new ArrayList<>();
    for (GeoIndex.Segment s : all) {
      if (s.shape().vertexCount() == 0) {
        continue; // an empty line has no box: the old STR-tree never returned it either
      }
      (fitsGrid(s.shape()) ? indexed : left).add(s);
    }
    segments = indexed.toArray(GeoIndex.Segment[]::new);
    unindexed = left.toArray(GeoIndex.Segment[]::new);

    Map<Long, List<int[]>> byCell = new HashMap<>();
    for (int si = 0; si < segments.length; si++) {
      SegmentShape shape = segments[si].shape();
      double[] xy = shape.xy;
      for (int i = 0; i < shape.pieceCount(); i++) {
        int a = 2 * i;
        int b = shape.pieceEnd(i);
        int[] piece = {si, a, b};
        int cx1 = cell(Math.max(xy[a], xy[b]));
        int cy1 = cell(Math.max(xy[a + 1], xy[b + 1]));
        for (int cx = cell(Math.min(xy[a], xy[b])); cx <= cx1; cx++) {
          for (int cy = cell(Math.min(xy[a + 1], xy[b + 1])); cy <= cy1; cy++) {
            byCell.computeIfAbsent(CellKeys.key(cx, cy), k -> new ArrayList<>(4)).add(piece);
          }
        }
      }
    }
    cells = new CellKeys(byCell.keySet());
    int capacity = cells.capacity();
    int[] counts = new int[capacity];
    for (Map.Entry<Long, List<int[]>> e : byCell.entrySet()) {
      counts[cells.slot(e.getKey())] = e.getValue().size();
    }
    start = new int[capacity + 1];
    for (int s = 0; s < capacity; s++) {
      start[s + 1] = start[s] + counts[s];
    }
    pieceSegment = new int[start[capacity]];
    pieceXy = new double[4 * start[capacity]];
    for (Map.Entry<Long, List<int[]>> e : byCell.entrySet()) {
      int at = start[cells.slot(e.getKey())];
      for (int[] piece : e.getValue()) {
        double[] xy = segments[piece[0]].shape().xy;
        pieceSegment[at] = piece[0];
        pieceXy[4 * at] = xy[piece[1]];
        pieceXy[4 * at + 1] = xy[piece[1] + 1];
        pieceXy[4 * at + 2] = xy[piece[2]];
        pieceXy[4 * at + 3] = xy[piece[2] + 1];
        at++;
      }
    }
  }

  private static boolean fitsGrid(SegmentShape shape) {
    if (!shape.regular) {
      return false;
    }
    double[] xy = shape.xy;
    for (int i = 0; i < shape.pieceCount(); i++) {
      int a = 2 * i;
      int b = shape.pieceEnd(i);
      long wide = cell(Math.max(xy[a], xy[b])) - (long) cell(Math.min(xy[a], xy[b])) + 1;
      long high =
          cell(Math.max(xy[a + 1], xy[b + 1])) - (long) cell(Math.min(xy[a + 1], xy[b + 1])) + 1;
      if (wide * high > MAX_CELLS_PER_PIECE) {
        return false;
      }
    }
    return true;
  }

  /** The cell number of a coordinate {@link GeoIndex#near near} the origin (exact). */
  private static int cell(double v) {
    return (int) Math.floor(v / CELL_M);
  }

  /**
   * The nearest segment within {@code radiusM} of the point (ties: the smaller id), or null: the
   * answer of {@link GeoIndex#exactSegmentAt}. The point must be {@link GeoIndex#near near} the
   * origin and the radius between 0 and {@link GeoIndex#MAX_GRID_RADIUS_M}.
   */
  SegmentMatch nearest(Coordinate c, double radiusM) {
    Envelope search = new Envelope(c);
    search.expandBy(radiusM);
    // a piece whose box is farther than this (in x or y) cannot measure radiusM or less
    double minX = search.getMinX() - SegmentShape.SLACK_M;
    double maxX = search.getMaxX() + SegmentShape.SLACK_M;
    double minY = search.getMinY() - SegmentShape.SLACK_M;
    double maxY = search.getMaxY() + SegmentShape.SLACK_M;
    GeoIndex.Segment best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    int cx1 = cell(maxX);
    int cy1 = cell(maxY);
    for (int cx = cell(minX); cx <= cx1; cx++) {
      for (int cy = cell(minY); cy <= cy1; cy++) {
        int s = cells.slot(CellKeys.key(cx, cy));
        if (s < 0) {
          continue;
        }
        for (int k = start[s], end = start[s + 1]; k < end; k++) {
          double ax = pieceXy[4 * k];
          double ay = pieceXy[4 * k + 1];
          double bx = pieceXy[4 * k + 2];
          double by = pieceXy[4 * k + 3];
          double pMinX = Math.min(ax, bx);
          double pMaxX = Math.max(ax, bx);
          double pMinY = Math.min(ay, by);
          double pMaxY = Math.max(ay, by);
          if (pMaxX < minX
              || pMinX > maxX
              || pMaxY < minY
              || pMinY > maxY
              // cannot beat nor tie the best so far
              || SegmentShape.fartherThan(pMinX, pMaxX, pMinY, pMaxY, c.x, c.y, bestDistance)) {
            continue;
          }
          double d = SegmentShape.pointToSegment(c.x, c.y, ax, ay, bx, by);
          if (d <= radiusM) {
            GeoIndex.Segment segment = segments[pieceSegment[k]];
            if ((d < bestDistance || d == bestDistance && segment.id().compareTo(best.id()) < 0)
                && segment.shape().box.intersects(search)) {
              best = segment;
              bestDistance = d;
            }
          }
        }
      }
    }
    for (GeoIndex.Segment segment : unindexed) {
      if (!segment.shape().box.intersects(search)) {
        continue;
      }
      double d = GeoIndex.distance(segment.line(), c);
      if (d <= radiusM
          && (d < bestDistance || d == bestDistance && segment.id().compareTo(best.id()) < 0)) {
        best = segment;
        bestDistance = d;
      }
    }
    return best == null ? null : best.match(bestDistance);
  }
}
