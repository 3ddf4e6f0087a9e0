package dev.dozor.dispatch.board;

import dev.dozor.events.TelemetryPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last position per vehicle, in memory. The newer fix time wins, so a late or re-delivered point
 * never moves a marker back. Remembers which vehicles changed since the last {@link
 * #drainChanged()} so pushes can be coalesced. Thread-safe.
 */
public class PositionBoard {
  private final int trailLength;
  private final Map<String, VehiclePosition> positions = new ConcurrentHashMap<>();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  public PositionBoard(int trailLength) {
    this.trailLength = Math.max(1, trailLength);
  }

  /**
   * @return true when the point is newer than what the board shows and replaced it
   */
  public boolean offer(TelemetryPoint point) {
    boolean[] accepted = {false};
    positions.compute(
        point.vehicleId(),
        (id, current) -> {
          if (current != null && !point.fixTime().isAfter(current.fixTime())) {
            return current;
          }
          accepted[0] = true;
          return VehiclePosition.of(point, trail(current, point));
        });
    if (accepted[0]) {
      changed.add(point.vehicleId());
    }
    return accepted[0];
  }

  /** Offers every point of a batch, oldest first so the trail keeps its order. */
  public int offerAll(Collection<TelemetryPoint> points) {
    List<TelemetryPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparing(TelemetryPoint::fixTime));
    int accepted = 0;
    for (TelemetryPoint p : sorted) {
      if (offer(p)) {
        accepted++;
      }
    }
    return accepted;
  }

  /** Every vehicle, ordered by id. */
  public List<VehiclePosition> snapshot() {
    List<VehiclePosition> all = new ArrayList<>(positions.values());
    all.sort(Comparator.comparing(VehiclePosition::vehicleId));
    return all;
  }

  /** The vehicles that changed since the previous call (each once, in its latest state). */
  public List<VehiclePosition> drainChanged() {
    List<VehiclePosition> out = new ArrayList<>();
    for (String id : List.copyOf(changed)) {
      // remove before reading: an update racing with us re-marks the vehicle for the next drain
      if (changed.remove(id)) {
        VehiclePosition p = positions.get(id);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  public int size() {
    return positions.size();
  }

  private List<TrailPoint> trail(VehiclePosition previous, TelemetryPoint point) {
    List<TrailPoint> trail = new ArrayList<>(trailLength);
    if (previous != null) {
      List<TrailPoint> old = previous.trail();
      trail.addAll(old.subList(Math.max(0, old.size() - (trailLength - 1)), old.size()));
    }
    trail.add(new TrailPoint(point.fixTime(), point.lat(), point.lon()));
    return trail;
  }
}
