package dev.dozor.simulator.road;

import dev.dozor.simulator.grid.GeoPoint;
import java.util.List;

/**
 * What a simulated vehicle drives on: junctions numbered 0..{@link #nodeCount()}-1 and road
 * segments between them, each drivable in both directions. Implemented by {@link RoadNetwork} for
 * both the generated grid ({@link RoadNetwork#fromGrid}) and real roads ({@link
 * RoadNetwork#fromGeoJson}).
 */
public interface RoadGraph {
  int nodeCount();

  GeoPoint nodePosition(int node);

  /** Segments leaving {@code node}, each directed away from it. */
  List<RoadEdge> edgesFrom(int node);

  /** Every segment once, in its stored direction. */
  List<RoadEdge> edges();

  /** Sum of the segment lengths, metres. */
  default double totalLengthMetres() {
    return edges().stream().mapToDouble(RoadEdge::lengthMetres).sum();
  }

  /** Where the graph came from, for log lines: {@code grid 8x8} or a file name. */
  String description();
}
