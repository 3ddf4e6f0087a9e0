package dev.dozor.simulator.grid;

/**
 * A street segment between two neighbouring crossings, driven from {@code from} to {@code to}.
 *
 * @param from start crossing
 * @param to end crossing
 * @param lengthMetres haversine length
 * @param headingDeg course from {@code from} to {@code to}, degrees from north
 */
public record GridEdge(GridNode from, GridNode to, double lengthMetres, double headingDeg) {

  public static GridEdge between(GridNode from, GridNode to) {
    return new GridEdge(
        from,
        to,
        Geo.haversineMetres(from.position(), to.position()),
        Geo.bearingDegrees(from.position(), to.position()));
  }

  /** The same street driven the other way. */
  public GridEdge reversed() {
    return between(to, from);
  }

  /** Position after {@code metres} along the segment (clamped to its ends). */
  public GeoPoint pointAt(double metres) {
    double t = lengthMetres == 0 ? 0 : Math.max(0, Math.min(1, metres / lengthMetres));
    return from.position().interpolate(to.position(), t);
  }
}
