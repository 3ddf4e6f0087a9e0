package dev.dozor.telemetry.position;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A batch of points ready for one multi-row insert: duplicates of the same (vehicleId, fixTime) are
 * removed (the first occurrence wins, as the database keeps the first stored row too), so one
 * INSERT never meets the same key twice.
 *
 * @param points distinct points, in arrival order
 * @param duplicatesInBatch points dropped because an equal key came earlier in the batch
 */
public record PositionBatch(List<TelemetryPoint> points, int duplicatesInBatch) {

  public PositionBatch {
    points = List.copyOf(points);
  }

  /** Removes in-batch duplicates by (vehicleId, fixTime). */
  public static PositionBatch of(Collection<TelemetryPoint> received) {
    Map<Key, TelemetryPoint> distinct = new LinkedHashMap<>();
    for (TelemetryPoint p : received) {
      distinct.putIfAbsent(new Key(p.vehicleId(), p.fixTime()), p);
    }
    return new PositionBatch(new ArrayList<>(distinct.values()), received.size() - distinct.size());
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /**
   * Splits the batch into at most {@code count} slices with disjoint vehicles, so each slice can be
   * written in its own transaction at the same time as the others: no two slices touch the same
   * position key or the same {@code vehicle_state} row. Empty slices are left out.
   */
  public List<PositionBatch> slices(int count) {
    if (count <= 1 || points.size() < 2) {
      return List.of(this);
    }
    List<List<TelemetryPoint>> parts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      parts.add(new ArrayList<>());
    }
    for (TelemetryPoint p : points) {
      parts.get(Math.floorMod(p.vehicleId().hashCode(), count)).add(p);
    }
    List<PositionBatch> slices = new ArrayList<>(count);
    for (List<TelemetryPoint> part : parts) {
      if (!part.isEmpty()) {
        slices.add(new PositionBatch(part, 0));
      }
    }
    return slices;
  }

  /** UTC days the points fall on, i.e. the daily partitions the insert needs. */
  public SortedSet<LocalDate> days() {
    SortedSet<LocalDate> days = new TreeSet<>();
    for (TelemetryPoint p : points) {
      days.add(dayOf(p.fixTime()));
    }
    return days;
  }

  /**
   * The newest point of each vehicle, ordered by vehicle id (a stable lock order for the state
   * upsert, so concurrent batches cannot deadlock).
   */
  public List<TelemetryPoint> latestPerVehicle() {
    Map<String, TelemetryPoint> latest = new TreeMap<>();
    Comparator<TelemetryPoint> byFixTime = Comparator.comparing(TelemetryPoint::fixTime);
    for (TelemetryPoint p : points) {
      latest.merge(p.vehicleId(), p, (a, b) -> byFixTime.compare(b, a) > 0 ? b : a);
    }
    return new ArrayList<>(latest.values());
  }

  /** The UTC day of an instant: the partition a fix belongs to. */
  public static LocalDate dayOf(Instant fixTime) {
    return LocalDate.ofInstant(fixTime, ZoneOffset.UTC);
  }

  private record Key(String vehicleId, Instant fixTime) {}
}
