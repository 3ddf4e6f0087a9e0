package dev.dozor.rules.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.rules.geo.GeoIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a {@link RoadNetwork} equal to the registry's road segments: the registry swaps in a new
 * {@link GeoIndex} on every change of places; the network is rebuilt only when the segments in it
 * differ from the ones it was built from (a zone edit costs one list comparison, not a rebuild).
 */
public final class RoadNetworkSource {
  // the engine is plain Java (benchmarks, replays): the JDK's logger, routed by Quarkus in the
  // service
  private static final System.Logger LOG = System.getLogger(RoadNetworkSource.class.getName());

  private final double cellM;
  private final double toleranceM;
  private GeoIndex seen;
  private List<RoadSegmentRecord> segments = List.of();
  private RoadNetwork network;

  public RoadNetworkSource(double cellM, double toleranceM) {
    this.cellM = cellM;
    this.toleranceM = toleranceM;
    this.network = RoadNetwork.empty(cellM, toleranceM);
  }

  /** The network of the index's segments (the same instance while they do not change). */
  public RoadNetwork current(GeoIndex index) {
    if (index == seen) {
      return network;
    }
    seen = index;
    List<RoadSegmentRecord> now = index.segmentRecords();
    if (!now.equals(segments)) {
      segments = now;
      network = RoadNetwork.of(shapes(now), cellM, toleranceM);
      LOG.log(System.Logger.Level.INFO, "segment-pass matching: {0} road segments", network.size());
    }
    return network;
  }

  /** The segments' LineStrings as matcher shapes (malformed geometries are left out). */
  static List<SegmentShape> shapes(List<RoadSegmentRecord> records) {
    List<SegmentShape> out = new ArrayList<>(records.size());
    for (RoadSegmentRecord r : records) {
      JsonNode coordinates = r.geometry() == null ? null : r.geometry().path("coordinates");
      if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2) {
        continue;
      }
      List<double[]> lonLat = new ArrayList<>(coordinates.size());
      for (JsonNode c : coordinates) {
        lonLat.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
      }
      out.add(new SegmentShape(r.id(), lonLat, r.lengthM()));
    }
    return out;
  }
}
