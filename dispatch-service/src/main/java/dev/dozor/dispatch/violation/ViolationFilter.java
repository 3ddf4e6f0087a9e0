package dev.dozor.dispatch.violation;

import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Criteria of a violation search; null means "any". {@code from}/{@code to} bound {@code startedAt}
 * (inclusive / exclusive).
 */
public record ViolationFilter(
    String vehicleId,
    String regulationId,
    Set<ViolationStatus> statuses,
    Instant from,
    Instant to,
    int limit) {

  /** Statuses of an episode still in progress. */
  public static final Set<ViolationStatus> ACTIVE =
      Set.of(ViolationStatus.OPENED, ViolationStatus.UPDATED);

  public static ViolationFilter active(int limit) {
    return new ViolationFilter(null, null, ACTIVE, null, null, limit);
  }
}
