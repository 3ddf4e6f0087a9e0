package dev.dozor.rules.geo;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;

/**
 * One road segment's line, prepared once at index construction for the per-fix distance look-ups:
 * its vertices as one flat {@code x, y} array, its bounding box and, for a long line, the boxes of
 * runs of {@value #CHUNK} pieces (a piece is a pair of consecutive vertices).
 *
 * <p>Every distance it returns is the one {@link GeoIndex#distance(LineString, Coordinate)} gives
 * (the plain loop's): each piece it measures is measured by {@link #pointToSegment}, the same
 * arithmetic as JTS's {@link Distance#pointToSegment} operation for operation (so the same double;
 * a test holds the two together), and the only pieces it leaves out are ones that provably measure
 * more than the running minimum, so the minimum is the same double.
 *
 * <p><b>Why skipping is exact.</b> A run or piece is skipped when the (rounded) distance from the
 * point to its box exceeds the running minimum by more than {@link #SLACK_M}. For a {@link
 * #regular} line and a point {@link GeoIndex#near near} the origin, the rounding errors of both the
 * box distance and {@code pointToSegment} are below 1e-5 m (coordinate differences are at most 3e9
 * m; a handful of operations with relative error 2^-53 each), far less than the 1 mm slack. Every
 * piece in the box is truly at least as far as the box, so its computed distance is still greater
 * than the running minimum: leaving it out cannot change the minimum. Lines that are not regular,
 * and points that are not near, get the old loop itself.
 */
final class SegmentShape {
  /** Pieces per run with its own box; lines of more than two runs get run boxes. */
  static final int CHUNK = 8;

  /** Metres: far more than the rounding error of any distance here, far less than any road. */
  static final double SLACK_M = 1e-3;

  /**
   * Square metres: a piece shorter than 1 µm (but not a repeated vertex) makes a line irregular.
   */
  private static final double MIN_PIECE_LEN2 = 1e-12;

  final LineString line;
  final Envelope box;

  /** The box's bounds, here so a look-up reads one object (used only if {@link #regular}). */
  final double minX;

  final double maxX;
  final double minY;
  final double maxY;

  /** The vertices: x0, y0, x1, y1, … */
  final double[] xy;

  /**
   * All vertices {@link GeoIndex#near near} the origin (so finite), and every piece either a
   * repeated vertex or at least 1 µm long: the rounding-error bound above holds for its pieces.
   */
  final boolean regular;

  /** minX, maxX, minY, maxY of each run of {@link #CHUNK} pieces, or null for a short line. */
  private final double[] runBoxes;

  SegmentShape(LineString line) {
    this.line = line;
    this.box = line.getEnvelopeInternal();
    this.minX = box.getMinX();
    this.maxX = box.getMaxX();
    this.minY = box.getMinY();
    this.maxY = box.getMaxY();
    Coordinate[] v = line.getCoordinates();
    xy = new double[2 * v.length];
    for (int i = 0; i < v.length; i++) {
      xy[2 * i] = v[i].x;
      xy[2 * i + 1] = v[i].y;
    }
    this.regular = isRegular(xy);
    int pieces = pieceCount();
    if (regular && pieces > 2 * CHUNK) {
      int runs = (pieces + CHUNK - 1) / CHUNK;
      runBoxes = new double[4 * runs];
      for (int r = 0; r < runs; r++) {
        int to = Math.min(r * CHUNK + CHUNK, pieces); // the run's last vertex
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = r * CHUNK; i <= to; i++) {
          minX = Math.min(minX, xy[2 * i]);
          maxX = Math.max(maxX, xy[2 * i]);
          minY = Math.min(minY, xy[2 * i + 1]);
          maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        runBoxes[4 * r] = minX;
        runBoxes[4 * r + 1] = maxX;
        runBoxes[4 * r + 2] = minY;
        runBoxes[4 * r + 3] = maxY;
      }
    } else {
      runBoxes = null;
    }
  }

  private static boolean isRegular(double[] xy) {
    if (xy.length == 0) {
      return false;
    }
    for (int i = 0; i < xy.length; i += 2) {
      if (!GeoIndex.near(xy[i], xy[i + 1])) {
        return false;
      }
    }
    for (int i = 2; i < xy.length; i += 2) {
      double dx = xy[i] - xy[i - 2];
      double dy = xy[i + 1] - xy[i - 1];
      if (!(dx == 0 && dy == 0) && dx * dx + dy * dy < MIN_PIECE_LEN2) {
        return false;
      }
    }
    return true;
  }

  int vertexCount() {
    return xy.length / 2;
  }

  /** Pieces: consecutive vertex pairs, or the single vertex of a one-vertex line. */
  int pieceCount() {
    int n = vertexCount();
    return n <= 1 ? n : n - 1;
  }

  /** The index in {@link #xy} of the last vertex of piece {@code i} (its first is at 2i). */
  int pieceEnd(int i) {
    return vertexCount() == 1 ? 0 : 2 * i + 2;
  }

  /**
   * {@code Math.min(best, GeoIndex.distance(line, c))}, the same double, skipping the runs and
   * pieces that cannot go below it.
   */
  double minDistance(Coordinate c, double best) {
    int n = vertexCount();
    if (!regular || n == 1 || !GeoIndex.near(c.x, c.y)) {
      return Math.min(best, GeoIndex.distance(line, c));
    }
    if (runBoxes == null) {
      return Math.min(best, piecesBelow(xy, 0, xy.length, c.x, c.y, best));
    }
    double m = Double.POSITIVE_INFINITY;
    int pieces = n - 1;
    for (int r = 0, b = 0; b < runBoxes.length; r++, b += 4) {
      double bound = Math.min(best, m);
      if (!fartherThan(
          runBoxes[b], runBoxes[b + 1], runBoxes[b + 2], runBoxes[b + 3], c.x, c.y, bound)) {
        int lastVertex = Math.min(r * CHUNK + CHUNK, pieces);
        m = Math.min(m, piecesBelow(xy, 2 * r * CHUNK, 2 * lastVertex + 2, c.x, c.y, bound));
      }
    }
    // a run left out only holds pieces measuring more than Math.min(best, m) at that time
    return Math.min(best, m);
  }

  /**
   * Whether {@code minDistance(c, +∞) <= limitM - SLACK_M}, the same answer, stopping at the first
   * piece that is close enough. A run or piece is left out only when its box is farther than {@code
   * limitM} (so every piece in it measures more than {@code limitM - SLACK_M}, see the class
   * comment); the nearest piece, if it is close enough, is measured.
   */
  boolean withinM(Coordinate c, double limitM) {
    int n = vertexCount();
    double wanted = limitM - SLACK_M;
    if (!regular || n == 1 || !GeoIndex.near(c.x, c.y)) {
      return minDistance(c, Double.POSITIVE_INFINITY) <= wanted;
    }
    if (runBoxes == null) {
      return anyPieceWithin(xy, 0, xy.length, c.x, c.y, wanted);
    }
    int pieces = n - 1;
    for (int r = 0, b = 0; b < runBoxes.length; r++, b += 4) {
      if (!fartherThan(
              runBoxes[b], runBoxes[b + 1], runBoxes[b + 2], runBoxes[b + 3], c.x, c.y, wanted)
          && anyPieceWithin(
              xy, 2 * r * CHUNK, 2 * Math.min(r * CHUNK + CHUNK, pieces) + 2, c.x, c.y, wanted)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a piece of the vertices {@code xy[from..end)} measures at most {@code wanted}. */
  private static boolean anyPieceWithin(
      double[] xy, int from, int end, double x, double y, double wanted) {
    for (int i = from; i + 3 < end; i += 2) {
      double ax = xy[i];
      double ay = xy[i + 1];
      double bx = xy[i + 2];
      double by = xy[i + 3];
      if (!fartherThan(
              Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by), x, y, wanted)
          && pointToSegment(x, y, ax, ay, bx, by) <= wanted) {
        return true;
      }
    }
    return false;
  }

  /**
   * The least distance from the point to the pieces of the vertices {@code xy[from..end)} (a
   * regular line's, the point {@link GeoIndex#near near}), leaving out pieces that cannot go below
   * {@code bound} or the least so far; so {@code Math.min(bound, result)} is {@code Math.min(bound,
   * least distance over all the pieces)}, the same double.
   */
  static double piecesBelow(double[] xy, int from, int end, double x, double y, double bound) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = from; i + 3 < end; i += 2) {
      double ax = xy[i];
      double ay = xy[i + 1];
      double bx = xy[i + 2];
      double by = xy[i + 3];
      if (fartherThan(
          Math.min(ax, bx),
          Math.max(ax, bx),
          Math.min(ay, by),
          Math.max(ay, by),
          x,
          y,
          Math.min(bound, m))) {
        continue;
      }
      m = Math.min(m, pointToSegment(x, y, ax, ay, bx, by));
    }
    return m;
  }

  /**
   * Whether {@code box.distance(point's envelope) < best}: the plain loop's test for measuring this
   * segment, the same answer. The point must be {@link GeoIndex#near near} the origin.
   */
  boolean boxCloserThan(double x, double y, double best) {
    return regular
        ? boxCloserThan(minX, maxX, minY, maxY, x, y, best)
        : box.distance(new Envelope(x, x, y, y)) < best;
  }

  /**
   * Whether the box is farther from the point than {@code bound} plus the slack (false when the
   * bound is infinite): then every piece inside it measures more than {@code bound}.
   */
  static boolean fartherThan(
      double minX, double maxX, double minY, double maxY, double x, double y, double bound) {
    double dx = Math.max(0, Math.max(minX - x, x - maxX));
    double dy = Math.max(0, Math.max(minY - y, y - maxY));
    double limit = bound + SLACK_M;
    return dx * dx + dy * dy > limit * limit;
  }

  /**
   * JTS 1.20's {@link Distance#pointToSegment}(p, a, b) on plain doubles, operation for operation
   * (and so bit for bit; {@code Coordinate.distance} is {@code Math.hypot} of the differences): no
   * Coordinate objects to chase.
   */
  static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
    if (ax == bx && ay == by) {
      return Math.hypot(px - ax, py - ay);
    }
    double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
    double r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2;
    if (r <= 0.0) {
      return Math.hypot(px - ax, py - ay);
    }
    if (r >= 1.0) {
      return Math.hypot(px - bx, py - by);
    }
    double s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2;
    return Math.abs(s) * Math.sqrt(len2);
  }

  /**
   * Whether {@code box.distance(point's envelope) < best}, the same answer as JTS's {@link
   * Envelope#distance} comparison, for a finite box and point, mostly without its {@code
   * Math.hypot}: when the squared distance is clearly below or above {@code best²} (by a relative
   * 1e-9, millions of times the rounding of either side) the answer is known.
   */
  static boolean boxCloserThan(
      double minX, double maxX, double minY, double maxY, double x, double y, double best) {
    // Envelope.distance for a point's envelope: 0 inside; else the gaps along x and y
    double dx = 0.0;
    if (maxX < x) {
      dx = x - maxX;
    } else if (minX > x) {
      dx = minX - x;
    }
    double dy = 0.0;
    if (maxY < y) {
      dy = y - maxY;
    } else if (minY > y) {
      dy = minY - y;
    }
    if (dx == 0.0) {
      return dy < best;
    }
    if (dy == 0.0) {
      return dx < best;
    }
    if (best == Double.POSITIVE_INFINITY) {
      return true; // hypot of finite gaps is finite
    }
    if (best > 1e-100 && best < 1e100) {
      double q = dx * dx + dy * dy;
      double b2 = best * best;
      if (q < b2 * (1 - 1e-9)) {
        return true;
      }
      if (q > b2 * (1 + 1e-9)) {
        return false;
      }
    }
    return Math.hypot(dx, dy) < best;
  }
}
