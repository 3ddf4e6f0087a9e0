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
