package dev.dozor.rules.geo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A lazily filled cache, per {@value #CELL_M} m grid cell, of the areas (districts, or the zones of
 * one kind) of an STR-tree that can cover a point of the cell, so that a point look-up costs a hash
 * look-up and, away from area boundaries, no polygon test at all.
 *
 * <p>A cell keeps, in the tree's query order for the cell's rectangle, each area whose box meets
 * the cell, classified against the closed cell rectangle:
 *
 * <ul>
 *   <li><b>full</b>: no edge of the area's rings has a bounding box meeting the cell, and a corner
 *       of the cell is covered: then every point of the cell is covered;
 *   <li><b>left out</b>: no edge's box meets the cell and the corner is not covered: then no point
 *       of the cell is covered;
 *   <li><b>partial</b>: an edge's box meets the cell; the point is tested exactly, as before.
 * </ul>
 *
 * <p><b>Why this is exact.</b> {@code PreparedPolygon.covers(point)} is a box test and then the
 * ray-crossing parity of the point against the rings' edges (JTS's {@code RayCrossingCounter}; for
 * a rectangle, the box test alone). Take an edge whose box is more than {@link #MARGIN_M} from the
 * cell. If it lies left of, above or below the cell, it counts nothing for any point of the cell
 * (plain comparisons). If it lies right of it, it counts for a point exactly when the point's y is
 * in its half-open y-range, the orientation test saying "left" every time: JTS's double-double
 * orientation is wrong only for a point within about 1e-20 m of the edge (at coordinates within 1e9
 * m), and the point is at least the margin away. So the parity is the exact one, which can change
 * only across an edge; no edge meets the cell, so every point of the cell gets its corner's answer.
 * A point of the cell lies in the cell's closed rectangle (cell edges are exact multiples of a
 * power of two), so the tree query for the point's box visits a subset of the nodes visited for the
 * cell's rectangle, in the same depth-first order: the areas whose box holds the point come in the
 * cell's order. Walking the cell's list, taking the areas whose box holds the point and testing
 * them (or knowing the answer), is the old loop over the point's own tree query minus areas that
 * would have answered "no".
 *
 * <p>The cache is bounded ({@value #MAX_CELLS} cells; it starts over when full) and safe for
 * concurrent readers; the index, and so the cache, is replaced whole when the geography changes.
 */
final class AreaCells {
  /** Metres; a power of two, so cell numbers and cell edges are exact. */
  static final double CELL_M = 256;

  static final int MAX_CELLS = 1 << 16;

  /**
   * Metres from a cell to the nearest edge box for "full" or "left out": far above what the
   * orientation test's double-double arithmetic can get wrong.
   */
  static final double MARGIN_M = 1e-3;

  private static final Cell EMPTY = new Cell(new GeoIndex.Area[0], new boolean[0]);

  /** A cell's areas in tree order, and whether each covers the whole cell. */
  record Cell(GeoIndex.Area[] areas, boolean[] full) {}

  /** Cells a box of an area meets, at most this many, for {@link #occupied}. */
  static final int MAX_OCCUPIED = 1 << 16;

  private final STRtree tree;
  private final GeometryFactory factory;
  private final ConcurrentHashMap<Long, Cell> cells = new ConcurrentHashMap<>();

  /**
   * Every cell some area's box meets, or null (not kept, or too many): a point of any other cell is
   * in no area's box, so in no area, and needs no cache look-up.
   */
  private final CellKeys occupied;

  /**
   * @param tree the areas, built
   * @param areas the same areas, to list the cells they meet when {@code occupancy}
   * @param occupancy whether to keep {@link #occupied} (for sparse areas like zones)
   */
  AreaCells(STRtree tree, List<GeoIndex.Area> areas, GeometryFactory factory, boolean occupancy) {
    this.tree = tree;
    this.factory = factory;
    this.occupied = occupancy ? occupied(areas) : null;
  }

  private static CellKeys occupied(List<GeoIndex.Area> areas) {
    Set<Long> keys = new HashSet<>();
    for (GeoIndex.Area a : areas) {
      Envelope box = a.geometry().getEnvelopeInternal();
      if (box.isNull()) {
        continue; // not in the tree
      }
      if (!GeoIndex.near(box.getMinX(), box.getMinY())
          || !GeoIndex.near(box.getMaxX(), box.getMaxY())) {
        return null;
      }
      long cx0 = cell(box.getMinX());
      long cx1 = cell(box.getMaxX());
      long cy0 = cell(box.getMinY());
      long cy1 = cell(box.getMaxY());
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_OCCUPIED) {
        return null;
      }
      for (long cx = cx0; cx <= cx1; cx++) {
        for (long cy = cy0; cy <= cy1; cy++) {
          keys.add(CellKeys.key(cx, cy));
          if (keys.size() > MAX_OCCUPIED) {
            return null;
          }
        }
      }
    }
    return new CellKeys(keys);
  }

  /** The cell number of a coordinate {@link GeoIndex#near near} the origin (exact). */
  private static long cell(double v) {
    return (long) Math.floor(v / CELL_M);
  }

  /**
   * The first area, in the tree's query order for the point, covering the point, or null: the old
   * loop's answer. The point must be {@link GeoIndex#near near} the origin.
   */
  GeoIndex.Area first(Coordinate c) {
    Cell cell = cell(c);
    Point p = null;
    for (int i = 0; i < cell.areas.length; i++) {
      GeoIndex.Area a = cell.areas[i];
      if (a.geometry().getEnvelopeInternal().intersects(c.x, c.y)) {
        if (cell.full[i]) {
          return a;
        }
        if (p == null) {
          p = factory.createPoint(c);
        }
        if (a.prepared().covers(p)) {
          return a;
        }
      }
    }
    return null;
  }

  /**
   * The ids of the areas covering the point, sorted (immutable). The point must be {@link
   * GeoIndex#near near} the origin.
   */
  List<String> covering(Coordinate c) {
    Cell cell = cell(c);
    List<String> ids = null;
    Point p = null;
    for (int i = 0; i < cell.areas.length; i++) {
      GeoIndex.Area a = cell.areas[i];
      if (a.geometry().getEnvelopeInternal().intersects(c.x, c.y)) {
        boolean covers = cell.full[i];
        if (!covers) {
          if (p == null) {
            p = factory.createPoint(c);
          }
          covers = a.prepared().covers(p);
        }
        if (covers) {
          if (ids == null) {
            ids = new ArrayList<>(2);
          }
          ids.add(a.id());
        }
      }
    }
    if (ids == null) {
      return List.of();
    }
    ids.sort(null);
    return List.copyOf(ids);
  }

  /** The cell holding the point (built on first use). */
  Cell cell(Coordinate c) {
    long cx = cell(c.x);
    long cy = cell(c.y);
    long key = CellKeys.key(cx, cy);
    if (occupied != null && occupied.slot(key) < 0) {
      return EMPTY;
    }
    Long mapKey = CellKeys.spread(key);
    Cell cell = cells.get(mapKey);
    if (cell == null) {
      cell = build(cx, cy);
      if (cells.size() >= MAX_CELLS) {
        cells.clear();
      }
      cells.putIfAbsent(mapKey, cell);
    }
    return cell;
  }

  /** The tree's areas whose box meets the envelope, in its query order. */
  List<GeoIndex.Area> query(Envelope e) {
    List<GeoIndex.Area> out = new ArrayList<>();
    for (Object o : tree.query(e)) {
      out.add((GeoIndex.Area) o);
    }
    return out;
  }

  /** The closed rectangle of cell (cx, cy). */
  static Envelope rectangle(long cx, long cy) {
    return new Envelope(cx * CELL_M, (cx + 1) * CELL_M, cy * CELL_M, (cy + 1) * CELL_M);
  }

  private Cell build(long cx, long cy) {
    Envelope rect = rectangle(cx, cy);
    List<GeoIndex.Area> candidates = query(rect);
    if (candidates.isEmpty()) {
      return EMPTY;
    }
    List<GeoIndex.Area> kept = new ArrayList<>(candidates.size());
    List<Boolean> full = new ArrayList<>(candidates.size());
    Point corner = null;
    for (GeoIndex.Area a : candidates) {
      if (edgeMeets(a.geometry(), rect)) {
        kept.add(a);
        full.add(false);
      } else {
        if (corner == null) {
          corner = factory.createPoint(new Coordinate(rect.getMinX(), rect.getMinY()));
        }
        if (a.prepared().covers(corner)) {
          kept.add(a);
          full.add(true);
        }
      }
    }
    if (kept.isEmpty()) {
      return EMPTY;
    }
    boolean[] flags = new boolean[full.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = full.get(i);
    }
    return new Cell(kept.toArray(GeoIndex.Area[]::new), flags);
  }

  /**
   * Whether the bounding box of some edge of the geometry's lines (rings) comes within {@link
   * #MARGIN_M} of the rectangle, or the geometry has a vertex that is not {@link GeoIndex#near
   * near} the origin (such an area is always tested exactly).
   */
  static boolean edgeMeets(Geometry g, Envelope rect) {
    double minX = rect.getMinX() - MARGIN_M;
    double maxX = rect.getMaxX() + MARGIN_M;
    double minY = rect.getMinY() - MARGIN_M;
    double maxY = rect.getMaxY() + MARGIN_M;
    for (Object o : LinearComponentExtracter.getLines(g)) {
      Coordinate[] v = ((LineString) o).getCoordinates();
      for (int i = 0; i < v.length; i++) {
        Coordinate b = v[i];
        if (!GeoIndex.near(b.x, b.y)) {
          return true;
        }
        Coordinate a = v[i == 0 ? 0 : i - 1];
        if (!(Math.max(a.x, b.x) < minX
            || Math.min(a.x, b.x) > maxX
            || Math.max(a.y, b.y) < minY
            || Math.min(a.y, b.y) > maxY)) {
          return true;
        }
      }
    }
    return false;
  }
}
