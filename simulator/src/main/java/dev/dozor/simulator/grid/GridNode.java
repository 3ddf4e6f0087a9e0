package dev.dozor.simulator.grid;

/**
 * A street crossing.
 *
 * @param id index in {@link StreetGrid#nodes()}
 * @param row 0 = southernmost street
 * @param column 0 = westernmost street
 * @param position where the crossing is
 */
public record GridNode(int id, int row, int column, GeoPoint position) {}
