package dev.dozor.simulator.grid;

/**
 * Shape of a generated street grid.
 *
 * @param centre where the middle of the grid lies
 * @param rows number of east-west streets (at least 2)
 * @param columns number of north-south streets (at least 2)
 * @param blockMetres distance between neighbouring crossings, metres
 */
public record GridSpec(GeoPoint centre, int rows, int columns, double blockMetres) {
  /** North-eastern Moscow (Sviblovo / Babushkinsky), where the demo fleet works. */
  public static final GeoPoint MOSCOW_NORTH_EAST = new GeoPoint(55.85, 37.64);

  public static final int DEFAULT_ROWS = 8;
  public static final int DEFAULT_COLUMNS = 8;
  public static final double DEFAULT_BLOCK_METRES = 250;

  public GridSpec {
    if (centre == null) {
      throw new IllegalArgumentException("centre is required");
    }
    if (rows < 2 || columns < 2) {
      throw new IllegalArgumentException(
          "a grid needs at least 2 rows and 2 columns, got " + rows + "x" + columns);
    }
    if (!(blockMetres >= 20 && blockMetres <= 5_000)) {
      throw new IllegalArgumentException("block size must be 20..5000 m, got " + blockMetres);
    }
  }

  /** The default demo grid: 8 × 8 crossings, 250 m blocks, around 55.85 N, 37.64 E. */
  public static GridSpec defaults() {
    return new GridSpec(MOSCOW_NORTH_EAST, DEFAULT_ROWS, DEFAULT_COLUMNS, DEFAULT_BLOCK_METRES);
  }
}
