package dev.dozor.simulator.grid;

import java.util.ArrayList;
import java.util.List;

/** A rectangular street grid: crossings as nodes, blocks as undirected edges. */
public final class StreetGrid {
  private final GridSpec spec;
  private final List<GridNode> nodes;
  private final List<GridEdge> edges;
  private final List<List<GridNode>> neighbours;

  private StreetGrid(GridSpec spec) {
    this.spec = spec;
    List<GridNode> built = new ArrayList<>(spec.rows() * spec.columns());
    double rowMid = (spec.rows() - 1) / 2.0;
    double colMid = (spec.columns() - 1) / 2.0;
    for (int r = 0; r < spec.rows(); r++) {
      for (int c = 0; c < spec.columns(); c++) {
        GeoPoint p =
            Geo.offset(
                spec.centre(),
                (r - rowMid) * spec.blockMetres(),
                (c - colMid) * spec.blockMetres());
        built.add(new GridNode(built.size(), r, c, p));
      }
    }
    this.nodes = List.copyOf(built);
    List<GridEdge> builtEdges = new ArrayList<>();
    List<List<GridNode>> adjacency = new ArrayList<>();
    for (GridNode n : nodes) {
      List<GridNode> adj = new ArrayList<>(4);
      if (n.row() > 0) {
        adj.add(node(n.row() - 1, n.column()));
      }
      if (n.row() < spec.rows() - 1) {
        adj.add(node(n.row() + 1, n.column()));
      }
      if (n.column() > 0) {
        adj.add(node(n.row(), n.column() - 1));
      }
      if (n.column() < spec.columns() - 1) {
        adj.add(node(n.row(), n.column() + 1));
      }
      adjacency.add(List.copyOf(adj));
      for (GridNode m : adj) {
        if (m.id() > n.id()) {
          builtEdges.add(GridEdge.between(n, m));
        }
      }
    }
    this.edges = List.copyOf(builtEdges);
    this.neighbours = List.copyOf(adjacency);
  }

  public static StreetGrid generate(GridSpec spec) {
    return new StreetGrid(spec);
  }

  public GridSpec spec() {
    return spec;
  }

  /** Crossings, row by row from the south-west corner. */
  public List<GridNode> nodes() {
    return nodes;
  }

  /** Each street block once (from the lower to the higher node id). */
  public List<GridEdge> edges() {
    return edges;
  }

  public GridNode node(int row, int column) {
    if (row < 0 || row >= spec.rows() || column < 0 || column >= spec.columns()) {
      throw new IndexOutOfBoundsException("no crossing at row " + row + ", column " + column);
    }
    return nodes.get(row * spec.columns() + column);
  }

  /** Crossings one block away from {@code node} (2 to 4 of them). */
  public List<GridNode> neighbours(GridNode node) {
    return neighbours.get(node.id());
  }
}
