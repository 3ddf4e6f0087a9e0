package dev.dozor.bench.accuracy;

import java.time.Instant;

/**
 * A time interval during which a regulation was (injected as) or (raised as) broken by a vehicle.
 *
 * @param vehicleId vehicle
 * @param regulationId e.g. SPD-001
 * @param start first instant
 * @param end last instant (inclusive)
 */
public record Episode(String vehicleId, String regulationId, Instant start, Instant end) {
  public Episode {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("episode ends before it starts: " + start + " > " + end);
    }
  }

  /** Same vehicle and regulation, and the intervals share at least one instant. */
  public boolean overlaps(Episode o) {
    return vehicleId.equals(o.vehicleId)
        && regulationId.equals(o.regulationId)
        && !start.isAfter(o.end)
        && !o.start.isAfter(end);
  }
}
